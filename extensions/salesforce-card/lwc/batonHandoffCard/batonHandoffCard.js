// The Baton handoff card on the Opportunity record page: the handoff's state, owner, scores, SLA
// clocks and document sections, the lifecycle actions this user may take, the handoff meeting and
// its checklist (recorded by whoever the core lets take part), and, for the sender, editing the
// sections (one at a time, checked and scored as typed) and, after the sender's saves, the
// handoff's commitment and stakeholder records kept in step (childWrites.js). Its forms are child
// components (lwc/batonReturnForm, lwc/batonMeetingForm) that hand it an action to plan and save.
// Reads and writes through Lightning Data Service (the UI API) only; the rules are the core's
// (c/batonCore), under the template and calendar the backend stored on the handoff
// (handoffRules.js).
import { LightningElement, api, wire } from 'lwc';
import { getRecord, getFieldValue, notifyRecordUpdateAvailable } from 'lightning/uiRecordApi';
import { getRelatedListRecords } from 'lightning/uiRelatedListApi';
import {
  CHILDREN_PAGE_SIZE,
  COMMITMENTS_LIST,
  COMMITMENT_FIELDS,
  HANDOFFS_RELATED_LIST,
  HANDOFF_FIELDS,
  HANDOFF_LIST_FIELDS,
  HANDOFF_VERSION,
  OPPORTUNITY_FIELDS,
  STAKEHOLDERS_LIST,
  STAKEHOLDER_FIELDS,
  newestHandoffId,
} from './handoffFields';
import { userOn } from './userRole';
import { readHandoff } from './handoffRead';
import { LIFECYCLE_STEPS, scoresView } from './handoffView';
import { RETURN_DECISIONS, actionRequest, planAction } from './cardActions';
import { changedBy, mayEdit, openEdit, planEdit, reviewEdit } from './documentEdits';
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
  /** The decision of the return being named (`needs_revision`, `rejected`), or null. */
  returning = null;
  recordingMeeting = false;

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
    Object.assign(this, readHandoff(this.handoff, this.opportunity, Date.now()));
  }

  actor() {
    return userOn(this.handoff, this.opportunity);
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

  handleAction(event) {
    const name = event.target.dataset.action;
    this.refusal = null;
    if (name in RETURN_DECISIONS) {
      this.returning = RETURN_DECISIONS[name];
      return;
    }
    const request = actionRequest(name);
    if (request) this.act(request);
  }

  handleOpenMeeting() {
    this.refusal = null;
    this.recordingMeeting = true;
  }

  /** A form's action (a return with its gaps, the meeting): once taken, that form closes. */
  async handleFormAction(event) {
    const { action } = event.detail;
    if (!(await this.act(action))) return;
    if (action.type === 'return') this.handleCancelReturn();
    else this.handleCancelMeeting();
  }

  handleCancelReturn() {
    this.returning = null;
  }

  handleCancelMeeting() {
    this.recordingMeeting = false;
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

  /** A field typed, a row added or removed in the section being edited. */
  handleChangeEdit(event) {
    this.changeEdit(changedBy(this.edit, event));
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
