// Sending a handoff back from the Baton card (asking for a revision, or rejecting it): the
// protocol wants named gaps, so the receiver picks them from the missing items or types them one
// a line, and the form sends nothing until there is one. It tells the card the `return` action,
// its gaps each once (the core's namedGaps); the card applies it with the core and saves it.
import { LightningElement, api } from 'lwc';
import { namedGaps } from 'c/batonCore';

export default class BatonReturnForm extends LightningElement {
  /** `needs_revision` or `rejected`. */
  @api decision;
  /** The missing items to pick from, `{ label, value }`. */
  @api options = [];
  /** While the card saves or holds a conflict. */
  @api disabled = false;

  picked = [];
  typed = '';

  get label() {
    return this.decision === 'rejected' ? 'Reject' : 'Ask for revision';
  }

  get variant() {
    return this.decision === 'rejected' ? 'destructive' : 'brand';
  }

  get gaps() {
    return namedGaps(this.picked, this.typed);
  }

  get sendDisabled() {
    return this.disabled || this.gaps.length === 0;
  }

  handlePicked(event) {
    this.picked = event.detail.value;
  }

  handleTyped(event) {
    this.typed = event.detail.value ?? '';
  }

  handleSend() {
    const action = { type: 'return', decision: this.decision, gaps: this.gaps };
    this.dispatchEvent(new CustomEvent('act', { detail: { action } }));
  }

  handleCancel() {
    this.dispatchEvent(new CustomEvent('cancel'));
  }
}
