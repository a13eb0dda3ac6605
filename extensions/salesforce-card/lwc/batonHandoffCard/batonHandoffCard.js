// The Baton handoff card on the Opportunity record page: the handoff's state, owner, scores, SLA
// clocks, stakeholders and commitments, and the lifecycle actions this user may take. Reads and
// writes through Lightning Data Service (the UI API) only; the rules are the core's (c/batonCore).
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
  HANDOFFS_RELATED_LIST,
  HANDOFF_DOCUMENT,
  HANDOFF_FIELDS,
  HANDOFF_LIST_FIELDS,
  HANDOFF_MODIFIED,
  HANDOFF_RECEIVER,
  HANDOFF_VERSION,
  OPPORTUNITY_CSM,
  OPPORTUNITY_FIELDS,
  newestHandoffId,
} from './handoffFields';
import { actorFor } from './userRole';
import { readDocument } from './storedDocument';
import { LIFECYCLE_STEPS, handoffView } from './handoffView';
import { RETURN_DECISIONS, actionRequest, gapsFrom, planAction } from './cardActions';
import { CONFLICT_MESSAGE, isConflict, messageOf } from './saveErrors';

const STAKEHOLDER_COLUMNS = [
  { label: 'Role', fieldName: 'role' },
  { label: 'Name', fieldName: 'name' },
  { label: 'Title', fieldName: 'title' },
  { label: 'Email', fieldName: 'email', type: 'email' },
  { label: 'Sentiment', fieldName: 'sentiment' },
  { label: 'Relationship', fieldName: 'relationship' },
];

const COMMITMENT_COLUMNS = [
  { label: 'Type', fieldName: 'type' },
  { label: 'Description', fieldName: 'description', wrapText: true },
  { label: 'Owner', fieldName: 'owner' },
  { label: 'Due', fieldName: 'dueDate' },
  { label: 'In contract', fieldName: 'inContract' },
  { label: 'Status', fieldName: 'status' },
];

export default class BatonHandoffCard extends LightningElement {
  /** The Opportunity, from the record page. */
  @api recordId;

  steps = LIFECYCLE_STEPS;
  stakeholderColumns = STAKEHOLDER_COLUMNS;
  commitmentColumns = COMMITMENT_COLUMNS;

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
      // A new read is the base of the next save: whatever stopped the last one is history.
      this.conflict = null;
      this.refresh();
    }
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
    return this.busy || this.conflict !== null;
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

  async handleReload() {
    this.conflict = null;
    await notifyRecordUpdateAvailable([{ recordId: this.handoffId }, { recordId: this.recordId }]);
  }

  /** Applies the action and saves it; true when the handoff was saved. */
  async act(request) {
    const plan = planAction(request, {
      document: this.handoffDocument,
      version: getFieldValue(this.handoff, HANDOFF_VERSION) ?? 0,
      actor: this.actor(),
      policy: DEFAULT_POLICY,
      now: Date.now(),
    });
    if (!plan.ok) {
      this.refusal = plan.message;
      return false;
    }
    this.busy = true;
    try {
      // Only over the record this card read: a save by anyone since fails, and is not overwritten.
      await updateRecord(
        { fields: { Id: this.handoffId, ...plan.write.handoff } },
        { ifUnmodifiedSince: getFieldValue(this.handoff, HANDOFF_MODIFIED) },
      );
    } catch (error) {
      if (isConflict(error)) this.conflict = CONFLICT_MESSAGE;
      else this.refusal = messageOf(error);
      this.busy = false;
      return false;
    }
    try {
      await updateRecord({ fields: { Id: this.recordId, ...plan.write.opportunity } });
    } catch (error) {
      this.refusal = `The handoff is saved, but the Opportunity's Baton fields were not updated: ${messageOf(error)}`;
    }
    this.busy = false;
    return true;
  }
}
