// Saving the handoff from the card, after an action or an edit: the handoff's fields written
// over the record the card read (a save by anyone since is refused, not overwritten), then the
// Opportunity's Baton report fields, then, for the sending side, the handoff's commitment and
// stakeholder records brought in step (handoffChildren.js). It says what happened, in words for
// the user; the card shows it.
import { getFieldValue, updateRecord } from 'lightning/uiRecordApi';
import {
  HANDOFF_DOCUMENT,
  HANDOFF_LINKS,
  HANDOFF_MODIFIED,
  HANDOFF_VERSION,
} from './handoffFields';
import { CONFLICT_MESSAGE, isConflict, messageOf } from './saveErrors';

/**
 * Where a save goes, as the card read it.
 * @typedef {object} SaveTarget
 * @property {string} handoffId the handoff's id
 * @property {() => object} handoff its record as last read (getRecord, HANDOFF_FIELDS)
 * @property {object} document its document as read, validated
 * @property {string} opportunityId its Opportunity
 * @property {import('./handoffChildren').HandoffChildren} children what the card read of its children
 * @property {(document: object) => boolean} sends whether the user is on the sending side of
 *   `document`: only the sending side writes the children
 */

/**
 * Writes the handoff, then the Opportunity.
 * @param write the handoff's and the Opportunity's fields (cardWrite)
 * @returns `{ saved, conflict, refusal }`: `saved` is `{ version, document }` as written, or null
 *   when the handoff was not; `conflict` the message when someone saved it since the read;
 *   `refusal` what Salesforce refused, in its words (the Opportunity's alone leaves it saved)
 */
async function writeHandoff(write, { handoffId, handoff, opportunityId }) {
  try {
    await updateRecord(
      { fields: { Id: handoffId, ...write.handoff } },
      { ifUnmodifiedSince: getFieldValue(handoff(), HANDOFF_MODIFIED) },
    );
  } catch (error) {
    return isConflict(error)
      ? { saved: null, conflict: CONFLICT_MESSAGE, refusal: null }
      : { saved: null, conflict: null, refusal: messageOf(error) };
  }
  const saved = {
    version: write.handoff[HANDOFF_VERSION.fieldApiName],
    document: JSON.parse(write.handoff[HANDOFF_DOCUMENT.fieldApiName]),
  };
  try {
    await updateRecord({ fields: { Id: opportunityId, ...write.opportunity } });
  } catch (error) {
    return {
      saved,
      conflict: null,
      refusal: `The handoff is saved, but the Opportunity's Baton fields were not updated: ${messageOf(error)}`,
    };
  }
  return { saved, conflict: null, refusal: null };
}

/**
 * The card's saves: each writes the handoff and the Opportunity (writeHandoff), then brings the
 * children in step with the document just saved, for the sending side. It remembers that
 * document until the card's read of the record catches up with it, so syncing again after a
 * refused child write works from what was saved, not from the older read.
 */
export class HandoffSaves {
  /** The document the card last saved, `{ version, document }`. */
  saved = null;

  /**
   * @param write the fields to write (cardWrite)
   * @param {SaveTarget} target
   * @returns writeHandoff's `{ saved, conflict, refusal }` and `syncIssue`: what is still out of
   *   step in words, or null; undefined when nothing was synced (not saved, or not the sender's)
   */
  async save(write, target) {
    const outcome = await writeHandoff(write, target);
    if (!outcome.saved) return { ...outcome, syncIssue: undefined };
    this.saved = outcome.saved;
    return { ...outcome, syncIssue: await syncChildren(outcome.saved.document, target) };
  }

  /** Syncs the children again with the latest document: `{ syncIssue }`, as after a save. */
  async syncAgain(target) {
    const read = getFieldValue(target.handoff(), HANDOFF_VERSION) ?? 0;
    const latest = this.saved && this.saved.version > read ? this.saved.document : target.document;
    return { syncIssue: await syncChildren(latest, target) };
  }
}

async function syncChildren(document, { children, handoffId, handoff, sends }) {
  if (!sends(document)) return undefined;
  const stored = getFieldValue(handoff(), HANDOFF_LINKS) ?? null;
  return children.sync({ document, handoffId, stored });
}
