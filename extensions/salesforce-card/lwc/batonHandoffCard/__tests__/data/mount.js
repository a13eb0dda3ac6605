// Mounting the card and feeding its three wires as Lightning Data Service would.
import { createElement } from 'lwc';
import { getRecord, notifyRecordUpdateAvailable, updateRecord } from 'lightning/uiRecordApi';
import { getRelatedListRecords } from 'lightning/uiRelatedListApi';
import BatonHandoffCard from 'c/batonHandoffCard';
import { HANDOFF_ID, OPPORTUNITY_ID, handoffList } from './records';
import { relatedList, storedChildren } from './children';

const LISTS = {
  handoffs: 'Baton_Handoffs__r',
  commitments: 'Baton_Commitments__r',
  stakeholders: 'Baton_Stakeholders__r',
};

/**
 * Lets the card re-render (and its wires see new parameters) after a change, and a save run to its
 * end: the handoff, the Opportunity, then each of the handoff's children, one write at a time.
 */
export async function settle() {
  for (let i = 0; i < 40; i++) await Promise.resolve();
}

/** The card on the Opportunity's page, its wires configured. */
export async function mountCard() {
  const element = createElement('c-baton-handoff-card', { is: BatonHandoffCard });
  element.recordId = OPPORTUNITY_ID;
  document.body.appendChild(element);
  await settle();
  return element;
}

export function unmountAll() {
  while (document.body.firstChild) document.body.removeChild(document.body.firstChild);
}

/**
 * A card suite's frame: each test starts at `now` with the UI API's saves answering as done,
 * and ends with the card unmounted and real time back.
 */
export function cardSuite(now) {
  beforeEach(() => {
    jest.useFakeTimers().setSystemTime(now);
    updateRecord.mockReset().mockResolvedValue({});
    notifyRecordUpdateAvailable.mockClear();
  });
  afterEach(() => {
    unmountAll();
    jest.useRealTimers();
  });
}

/** What the UI API answers a save whose `ifUnmodifiedSince` is older than the record. */
export const STALE_SAVE = {
  status: 412,
  body: [
    {
      errorCode: 'ENTITY_FAILED_IFLASTMODIFIED_ON_UPDATE_CHECK',
      message: 'The record was modified after the time you specified.',
    },
  ],
};

export async function emitOpportunity(record) {
  getRecord.emit(record, (config) => config.recordId === OPPORTUNITY_ID);
  await settle();
}

export async function emitHandoff(record) {
  getRecord.emit(record, (config) => config.recordId === HANDOFF_ID);
  await settle();
}

/** One of the related lists the card reads (`handoffs`, `commitments`, `stakeholders`). */
export async function emitList(list, data) {
  getRelatedListRecords.emit(data, (config) => config.relatedListId === LISTS[list]);
  await settle();
}

/** `options`: the failed response's `{ body, status }`. */
export async function emitListError(list, options) {
  getRelatedListRecords.emitError(options, (config) => config.relatedListId === LISTS[list]);
  await settle();
}

function childrenOf(handoff) {
  try {
    return storedChildren(JSON.parse(handoff.fields.Document_Json__c.value));
  } catch {
    return { commitments: [], stakeholders: [] };
  }
}

/**
 * The Opportunity, its handoff list, the handoff and the handoff's children (by default, those
 * the backend wrote for its document; `null` leaves them unread): the card fully loaded.
 */
export async function loadCard(opportunity, handoff, children = handoff && childrenOf(handoff)) {
  const element = await mountCard();
  await emitOpportunity(opportunity);
  await emitList(
    'handoffs',
    handoffList(handoff ? { [HANDOFF_ID]: '2026-11-02T10:00:00.000Z' } : {}),
  );
  if (handoff) await emitHandoff(handoff);
  if (children) {
    await emitList('commitments', relatedList(children.commitments));
    await emitList('stakeholders', relatedList(children.stakeholders));
  }
  return element;
}

export const byId = (element, id) => element.shadowRoot.querySelector(`[data-id="${id}"]`);

export const textOf = (element, id) => byId(element, id)?.textContent.trim() ?? null;

export const buttons = (element) =>
  [...element.shadowRoot.querySelectorAll('lightning-button[data-action]')].map((button) => ({
    action: button.dataset.action,
    label: button.label,
    variant: button.variant,
    disabled: button.disabled,
  }));

export const button = (element, action) =>
  element.shadowRoot.querySelector(`lightning-button[data-action="${action}"]`);

export const listItems = (element, id) =>
  [...(byId(element, id)?.querySelectorAll('li') ?? [])].map((li) => li.textContent.trim());

/** A section of the document on the card (batonTextSection, batonListSection), by its key. */
export const section = (element, key) =>
  element.shadowRoot.querySelector(`[data-section="${key}"]`);

export const inSection = (element, key, selector) =>
  section(element, key)?.shadowRoot.querySelector(selector) ?? null;

/** The section's own button (`edit`, `save`, `cancel`, `add`). */
export const sectionButton = (element, key, id) => inSection(element, key, `[data-id="${id}"]`);

export async function pressInSection(element, key, id) {
  sectionButton(element, key, id).click();
  await settle();
}

/** The keys of a list section's rows while it is edited, in order. */
export const rowKeys = (element, key) =>
  [...(section(element, key)?.shadowRoot.querySelectorAll('fieldset[data-row]') ?? [])].map(
    (fieldset) => fieldset.dataset.row,
  );

function fieldSelector(field, row) {
  return row === undefined
    ? `[data-field="${field}"]`
    : `[data-row="${row}"][data-field="${field}"]`;
}

/** Types (or picks) a value as the base component would report it: a change with the value. */
export async function typeInto(element, key, { field, row }, value) {
  const input = inSection(element, key, fieldSelector(field, row));
  input.dispatchEvent(new CustomEvent('change', { detail: { value } }));
  await settle();
}

/** The error shown beside a field while its section is edited, or null. */
export function errorBeside(element, key, { field, row }) {
  const root = section(element, key)?.shadowRoot;
  const holder = row === undefined ? root : root?.querySelector(`fieldset[data-row="${row}"]`);
  return holder?.querySelector(`[data-error="${field}"]`)?.textContent.trim() ?? null;
}

/** The gaps a list section shows (roles not covered, commitments missing). */
export const sectionGaps = (element, key) =>
  [...(inSection(element, key, '[data-id="gaps"]')?.querySelectorAll('li') ?? [])].map((li) =>
    li.textContent.trim(),
  );

/** The return form (lwc/batonReturnForm) while a return is being named, or null. */
export const returnForm = (element) => element.shadowRoot.querySelector('c-baton-return-form');

/** An element of the return form by its `data-id`, or null. */
export const inReturnForm = (element, id) =>
  returnForm(element)?.shadowRoot.querySelector(`[data-id="${id}"]`) ?? null;

/** The meeting checklist (lwc/batonMeetingChecklist). */
export const meetingChecklist = (element) =>
  element.shadowRoot.querySelector('c-baton-meeting-checklist');

/** The meeting form (lwc/batonMeetingForm) while it is open, or null. */
export const meetingForm = (element) => element.shadowRoot.querySelector('c-baton-meeting-form');

export const inMeetingForm = (element, selector) =>
  meetingForm(element)?.shadowRoot.querySelector(selector) ?? null;

/** Types (or picks) a value into the meeting form's field as the base component reports it. */
export async function typeInMeeting(element, field, value) {
  inMeetingForm(element, `[data-field="${field}"]`).dispatchEvent(
    new CustomEvent('change', { detail: { value } }),
  );
  await settle();
}
