// What the card makes of the records it read, once per read and not per render: the stored
// document (validated, storedDocument.js), the rules it runs by (handoffRules.js) and what the
// card shows of it for this user at an instant (handoffView.js).
import { getFieldValue } from 'lightning/uiRecordApi';
import { HANDOFF_DOCUMENT, HANDOFF_RULES, OPPORTUNITY_CSM } from './handoffFields';
import { readDocument } from './storedDocument';
import { rulesOf } from './handoffRules';
import { handoffView } from './handoffView';
import { userOn } from './userRole';

/**
 * @param handoff the handoff's record (getRecord, HANDOFF_FIELDS)
 * @param opportunity the Opportunity's record (getRecord, OPPORTUNITY_FIELDS)
 * @param now the instant the clocks are read at
 * @returns `{ policy, rulesNote, handoffDocument, documentError, view }`, named as the card's
 *   fields: the document, or why it cannot be read; the view is null without a document
 */
export function readHandoff(handoff, opportunity, now) {
  const { document, error } = readDocument(getFieldValue(handoff, HANDOFF_DOCUMENT));
  const { policy, note } = rulesOf(getFieldValue(handoff, HANDOFF_RULES));
  const csmAssigned = Boolean(getFieldValue(opportunity, OPPORTUNITY_CSM));
  const view = document
    ? handoffView(document, userOn(handoff, opportunity), policy, now, csmAssigned)
    : null;
  return { policy, rulesNote: note, handoffDocument: document, documentError: error, view };
}
