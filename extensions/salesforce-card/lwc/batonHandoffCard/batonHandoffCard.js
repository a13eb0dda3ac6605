// The Baton handoff card on the Opportunity record page: the handoff's state, owner, scores, SLA
// clocks and document sections, the lifecycle actions this user may take, and, for the sender,
// editing the sections (one at a time, checked and scored as typed), and after the sender's saves
// the handoff's commitment and stakeholder records kept in step (childWrites.js). Reads and writes
// through Lightning Data Service (the UI API) only; the rules are the core's (c/batonCore).
import { LightningElement, api, wire } from 'lwc';
import {
  getRecord,
  getFieldValue,
  notifyRecordUpdateAvailable,
  updateRecord,
} from 'lightning/uiRecordApi';
import { getRelatedListRecords } from 'lightning/uiRelatedListApi';
import USER_ID from '@salesforce/user/Id';
import CS_MANAGER from '@salesforce/customPermission/Baton_CS_Manager';
import CS_OPS from '@salesforce/customPermission/Baton_CS_Ops';
import { DEFAULT_POLICY } from 'c/batonCore';
import {
  CHILDREN_PAGE_SIZE,
  COMMITMENTS_LIST,
  COMMITMENT_FIELDS,
  HANDOFFS_RELATED_LIST,
  HANDOFF_DOCUMENT,
  HANDOFF_FIELDS,
  HANDOFF_LINKS,
  HANDOFF_LIST_FIELDS,
  HANDOFF_MODIFIED,
  HANDOFF_RECEIVER,
  HANDOFF_VERSION,
  OPPORTUNITY_CSM,
  OPPORTUNITY_FIELDS,
  STAKEHOLDERS_LIST,
  STAKEHOLDER_FIELDS,
  newestHandoffId,
} from './handoffFields';
import { actorFor } from './userRole';
import { readDocument } from './storedDocument';
import { LIFECYCLE_STEPS, handoffView, scoresView } from './handoffView';
import { RETURN_DECISIONS, actionRequest, gapsFrom, planAction } from './cardActions';
import {
  addRow,
  editField,
  mayEdit,
  openEdit,
  planEdit,
  removeRow,
  reviewEdit,
} from './documentEdits';
import { sectionPanels } from './sectionPanels';
import { CONFLICT_MESSAGE, isConflict, messageOf } from './saveErrors';
import { HandoffChildren } from './handoffChildren';

export default class BatonHandoffCard extends LightningElement {
  /** The Opportunity, from the record page. */
  @api recordId;

  steps = LIFECYCLE_STEPS;

  opportunity;
  /** undefined while the Opportunity's handoffs load, null when it has none. */
  handoffId;
  handoff;
  loadError = null;
  /** The stored document, validated, and what the card shows of it: set when a record arrives. */
  handoffDocument = null;
  documentError = null;
  view = null;

  busy = false;
  conflict = null;
  refusal = null;
  returning = null;
  pickedGaps = [];
  typedGaps = '';

  /** The section being edited (documentEdits.js), its check, and the scores of what is typed. */
  edit = null;
  review = null;
  preview = null;

  /** The handoff's records of its children; what the last sync of them left out of step. */
  children = new HandoffChildren();
  syncIssue = null;
  /** The document the card last saved, `{ version, document }`, until the read catches up. */
  saved = null;

  @wire(getRecord, { recordId: '$recordId', fields: OPPORTUNITY_FIELDS })
  wiredOpportunity({ data, error }) {
    if (error) this.loadError = messageOf(error);
    else if (data) {
      this.opportunity = data;
      this.refresh();
    }
  }

  @wire(getRelatedListRecords, {
    parentRecordId: '$recordId',
    relatedListId: HANDOFFS_RELATED_LIST,
    fields: HANDOFF_LIST_FIELDS,
  })
  wiredHandoffs({ data, error }) {
    if (error) this.loadError = messageOf(error);
    else if (data) this.handoffId = newestHandoffId(data.records);
  }

  @wire(getRecord, { recordId: '$handoffId', fields: HANDOFF_FIELDS })
  wiredHandoff({ data, error }) {
    if (error) this.loadError = messageOf(error);
    else if (data) {
      this.handoff = data;
      // A new read is the base of the next save: whatever stopped the last one is history, and
      // an edit starts again from what was saved.
      this.conflict = null;
      this.closeEdit();
      this.refresh();
    }
  }

  @wire(getRelatedListRecords, {
    parentRecordId: '$handoffId',
    relatedListId: COMMITMENTS_LIST,
    fields: COMMITMENT_FIELDS,
    pageSize: CHILDREN_PAGE_SIZE,
  })
  wiredCommitments(result) {
    this.children.read('commitments', result);
  }

  @wire(getRelatedListRecords, {
    parentRecordId: '$handoffId',
    relatedListId: STAKEHOLDERS_LIST,
    fields: STAKEHOLDER_FIELDS,
    pageSize: CHILDREN_PAGE_SIZE,
  })
  wiredStakeholders(result) {
    this.children.read('stakeholders', result);
  }

  /** Reads the document (once per record, not per render) and computes the card at this instant. */
  refresh() {
    if (!this.handoff || !this.opportunity) return;
    const read = readDocument(getFieldValue(this.handoff, HANDOFF_DOCUMENT));
    this.handoffDocument = read.document;
    this.documentError = read.error;
    this.view = read.document
      ? handoffView(read.document, this.actor(), DEFAULT_POLICY, Date.now())
      : null;
  }

  actor() {
    return actorFor(USER_ID, { csManager: CS_MANAGER === true, csOps: CS_OPS === true }, [
      getFieldValue(this.handoff, HANDOFF_RECEIVER),
      getFieldValue(this.opportunity, OPPORTUNITY_CSM),
    ]);
  }

  get loading() {
    if (this.loadError) return false;
    if (!this.opportunity || this.handoffId === undefined) return true;
    return this.handoffId !== null && !this.view && !this.documentError;
  }

  get failure() {
    return this.loadError ?? this.documentError;
  }

  get noHandoff() {
    return !this.loading && !this.failure && this.handoffId === null;
  }

  get actionsDisabled() {
    return this.busy || this.conflict !== null || this.edit !== null;
  }

  /** Completeness and quality: of what is typed while a section is edited, else as saved. */
  get scores() {
    return this.preview ?? this.view;
  }

  get sections() {
    return sectionPanels(this.handoffDocument, this.view, {
      edit: this.edit,
      review: this.review,
      missing: this.scores.completeness.missing,
      editable: mayEdit(this.handoffDocument, this.actor(), DEFAULT_POLICY),
      locked: this.busy || this.conflict !== null,
    });
  }

  get gapOptions() {
    return this.view.completeness.missing.map((item) => ({ label: item.label, value: item.label }));
  }

  get returnLabel() {
    return this.returning === 'rejected' ? 'Reject' : 'Ask for revision';
  }

  get returnVariant() {
    return this.returning === 'rejected' ? 'destructive' : 'brand';
  }

  get returnGaps() {
    return gapsFrom(this.pickedGaps, this.typedGaps);
  }

  get returnDisabled() {
    return this.actionsDisabled || this.returnGaps.length === 0;
  }

  handleAction(event) {
    const name = event.target.dataset.action;
    this.refusal = null;
    if (name in RETURN_DECISIONS) {
      this.returning = RETURN_DECISIONS[name];
      this.pickedGaps = [];
      this.typedGaps = '';
      return;
    }
    const request = actionRequest(name);
    if (request) this.act(request);
  }

  handlePickedGaps(event) {
    this.pickedGaps = event.detail.value;
  }

  handleTypedGaps(event) {
    this.typedGaps = event.detail.value ?? '';
  }

  handleCancelReturn() {
    this.returning = null;
  }

  async handleSendReturn() {
    const done = await this.act({
      type: 'return',
      decision: this.returning,
      gaps: this.returnGaps,
    });
    if (done) this.returning = null;
  }

  async handleSyncAgain() {
    this.busy = true;
    await this.syncChildren(this.latestDocument());
    this.busy = false;
  }

  async handleReload() {
    this.conflict = null;
    await notifyRecordUpdateAvailable([{ recordId: this.handoffId }, { recordId: this.recordId }]);
  }

  handleEdit(event) {
    this.refusal = null;
    this.changeEdit(openEdit(this.handoffDocument, event.detail.section));
  }

  handleEditField(event) {
    this.changeEdit(editField(this.edit, event.detail));
  }

  handleAddRow() {
    this.changeEdit(addRow(this.edit));
  }

  handleRemoveRow(event) {
    this.changeEdit(removeRow(this.edit, event.detail.row));
  }

  handleCancelEdit() {
    this.closeEdit();
  }

  async handleSaveEdit() {
    const plan = planEdit(this.handoffDocument, this.edit, this.saveContext());
    if (!plan.ok) this.refusal = plan.message;
    else if (plan.write === null || (await this.save(plan.write))) this.closeEdit();
  }

  /** Checks the edit as it now is and scores it, when it parses, for the panels. */
  changeEdit(edit) {
    this.edit = edit;
    this.review = reviewEdit(this.handoffDocument, edit);
    if (this.review.document) {
      this.preview = scoresView(this.review.document, DEFAULT_POLICY, Date.now());
    }
  }

  closeEdit() {
    this.edit = null;
    this.review = null;
    this.preview = null;
  }

  saveContext() {
    return {
      version: getFieldValue(this.handoff, HANDOFF_VERSION) ?? 0,
      actor: this.actor(),
      policy: DEFAULT_POLICY,
      now: Date.now(),
    };
  }

  /** Applies the action and saves it; true when the handoff was saved. */
  async act(request) {
    const plan = planAction(request, { document: this.handoffDocument, ...this.saveContext() });
    if (!plan.ok) {
      this.refusal = plan.message;
      return false;
    }
    return this.save(plan.write);
  }

  /**
   * Writes the handoff, then the Opportunity's report fields, then, for the sending side, the
   * handoff's children; true when the handoff was saved.
   */
  async save(write) {
    this.busy = true;
    const saved = await this.writeHandoff(write);
    if (saved) {
      this.saved = {
        version: write.handoff[HANDOFF_VERSION.fieldApiName],
        document: JSON.parse(write.handoff[HANDOFF_DOCUMENT.fieldApiName]),
      };
      await this.syncChildren(this.saved.document);
    }
    this.busy = false;
    return saved;
  }

  /** The handoff's document as last saved: the card's own save until the read has caught up. */
  latestDocument() {
    const read = getFieldValue(this.handoff, HANDOFF_VERSION) ?? 0;
    return this.saved && this.saved.version > read ? this.saved.document : this.handoffDocument;
  }

  /** Brings the children in step with `document`; only the sending side writes them. */
  async syncChildren(document) {
    if (!mayEdit(document, this.actor(), DEFAULT_POLICY)) return;
    this.syncIssue = await this.children.sync({
      document,
      handoffId: this.handoffId,
      stored: getFieldValue(this.handoff, HANDOFF_LINKS) ?? null,
    });
  }

  async writeHandoff(write) {
    try {
      // Only over the record this card read: a save by anyone since fails, and is not overwritten.
      await updateRecord(
        { fields: { Id: this.handoffId, ...write.handoff } },
        { ifUnmodifiedSince: getFieldValue(this.handoff, HANDOFF_MODIFIED) },
      );
    } catch (error) {
      if (isConflict(error)) this.conflict = CONFLICT_MESSAGE;
      else this.refusal = messageOf(error);
      return false;
    }
    try {
      await updateRecord({ fields: { Id: this.recordId, ...write.opportunity } });
    } catch (error) {
      this.refusal = `The handoff is saved, but the Opportunity's Baton fields were not updated: ${messageOf(error)}`;
    }
    return true;
  }
}
