// What the card knows of the handoff's commitment and stakeholder records, and keeping them in
// step: read from the handoff's related lists (all at once, as the planner compares them all with
// the document), then brought up to date by each sync (childWrites.js) with what it stored.
import { readLinks } from 'c/batonCore';
import { CHILDREN_PAGE_SIZE } from './handoffFields';
import { childrenFrom, unreadChildren } from './childSync';
import { syncChildren } from './childWrites';
import { messageOf } from './saveErrors';

export class HandoffChildren {
  /** By kind: undefined until read, then `{ [key]: { id, fields } }` (childSync.js). */
  known = { commitments: undefined, stakeholders: undefined };
  /** By kind: why the related list could not be read, or null. */
  unread = { commitments: null, stakeholders: null };

  /** A related list's answer (getRelatedListRecords): its records, or why there are none. */
  read(kind, { data, error }) {
    if (!data && !error) return;
    let problem = null;
    if (error) problem = messageOf(error);
    // Past one page the card says so rather than sync half of them.
    else if (data.nextPageToken) problem = `more than ${CHILDREN_PAGE_SIZE} ${kind}`;
    else this.known = { ...this.known, [kind]: childrenFrom(kind, data.records) };
    this.unread = { ...this.unread, [kind]: problem };
  }

  /**
   * Brings the records of the handoff `handoffId` in step with `document`, its latest.
   * @param stored the handoff's record links as read (the field's text)
   * @returns what is not in step, in words, or null
   */
  async sync({ document, handoffId, stored }) {
    const unread = Object.values(this.unread).find(Boolean);
    if (unread || !this.known.commitments || !this.known.stakeholders)
      return unreadChildren(unread);
    const result = await syncChildren({
      document,
      handoffId,
      known: this.known,
      links: readLinks(stored),
      stored,
    });
    this.known = result.known;
    return result.problem;
  }
}
