// The Baton handoff card on the Opportunity record page: the handoff's state, owner, scores, SLA
// clocks and document sections, the lifecycle actions this user may take, and, for the sender,
// editing the sections (one at a time, checked and scored as typed), and after the sender's saves
// the handoff's commitment and stakeholder records kept in step (childWrites.js). Reads and writes
// through Lightning Data Service (the UI API) only; the rules are the core's (c/batonCore), under
// the template and calendar the backend stored on the handoff (handoffRules.js).
import { LightningElement, api, wire } from 'lwc';
import { getRecord, getFieldValue, notifyRecordUpdateAvailable } from 'lightning/uiRecordApi';
import { getRelatedListRecords } from 'lightning/uiRelatedListApi';
import USER_ID from '@salesforce/user/Id';
import CS_MANAGER from '@salesforce/customPermission/Baton_CS_Manager';
import CS_OPS from '@salesforce/customPermission/Baton_CS_Ops';
import {
  CHILDREN_PAGE_SIZE,
  COMMITMENTS_LIST,
  COMMITMENT_FIELDS,
  HANDOFFS_RELATED_LIST,
  HANDOFF_DOCUMENT,
  HANDOFF_FIELDS,
  HANDOFF_LIST_FIELDS,
  HANDOFF_RECEIVER,
  HANDOFF_RULES,
  HANDOFF_VERSION,
  OPPORTUNITY_CSM,
  OPPORTUNITY_FIELDS,
  STAKEHOLDERS_LIST,
  STAKEHOLDER_FIELDS,
  newestHandoffId,
} from './handoffFields';
import { actorFor } from './userRole';
import { readDocument } from './storedDocument';
import { rulesOf } from './handoffRules';
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
import { messageOf } from './saveErrors';
import { HandoffChildren } from './handoffChildren';
import { HandoffSaves } from './handoffSave';

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
  /** The policy the handoff runs by (its stored rules), and why it is Baton's default, or null. */
  policy = null;
  rulesNote = null;

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
  saves = new HandoffSaves();

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
    const rules = rulesOf(getFieldValue(this.handoff, HANDOFF_RULES));
    this.policy = rules.policy;
    this.rulesNote = rules.note;
    this.handoffDocument = read.document;
    this.documentError = read.error;
    this.view = read.document
      ? handoffView(read.document, this.actor(), this.policy, Date.now())
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
      editable: mayEdit(this.handoffDocument, this.actor(), this.policy),
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
    this.report(await this.saves.syncAgain(this.saveTarget()));
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
      this.preview = scoresView(this.review.document, this.policy, Date.now());
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
      policy: this.policy,
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

  /** Where a save goes (handoffSave.js), as the card read it. */
  saveTarget() {
    return {
      handoffId: this.handoffId,
      handoff: () => this.handoff,
      document: this.handoffDocument,
      opportunityId: this.recordId,
      children: this.children,
      sends: (document) => mayEdit(document, this.actor(), this.policy),
    };
  }

  /** Saves the handoff, the Opportunity and, for the sending side, the children; true when saved. */
  async save(write) {
    this.busy = true;
    const outcome = await this.saves.save(write, this.saveTarget());
    this.report(outcome);
    this.busy = false;
    return outcome.saved !== null;
  }

  /** What a save or a sync came to, on the card: each message it has (a sync's, even null). */
  report({ conflict, refusal, syncIssue }) {
    if (conflict) this.conflict = conflict;
    if (refusal) this.refusal = refusal;
    if (syncIssue !== undefined) this.syncIssue = syncIssue;
  }
}
