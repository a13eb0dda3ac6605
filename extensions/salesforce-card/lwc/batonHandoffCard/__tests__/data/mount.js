// Mounting the card and feeding its three wires as Lightning Data Service would.
import { createElement } from 'lwc';
import { getRecord } from 'lightning/uiRecordApi';
import { getRelatedListRecords } from 'lightning/uiRelatedListApi';
import BatonHandoffCard from 'c/batonHandoffCard';
import { HANDOFF_ID, OPPORTUNITY_ID, handoffList } from './records';

/** Lets the card re-render (and its wires see new parameters) after a change. */
export async function settle() {
  for (let i = 0; i < 5; i++) await Promise.resolve();
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

export async function emitOpportunity(record) {
  getRecord.emit(record, (config) => config.recordId === OPPORTUNITY_ID);
  await settle();
}

export async function emitHandoff(record) {
  getRecord.emit(record, (config) => config.recordId === HANDOFF_ID);
  await settle();
}

/** The Opportunity, its handoff list and the handoff: the card fully loaded. */
export async function loadCard(opportunity, handoff) {
  const element = await mountCard();
  await emitOpportunity(opportunity);
  getRelatedListRecords.emit(
    handoffList(handoff ? { [HANDOFF_ID]: '2026-11-02T10:00:00.000Z' } : {}),
  );
  await settle();
  if (handoff) await emitHandoff(handoff);
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
