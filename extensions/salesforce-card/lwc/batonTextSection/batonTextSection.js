// One section of fields of the handoff document on the Baton card (customer context,
// objectives, technical, the implementation plan's dates and notes, commercial terms, the risk
// register): its saved values, or, while the AE edits it, a field each (a text area, one line for
// a date or an amount, a choice for the churn risk) with its error beside it. It shows what the card hands it (`panel`, sectionPanels.js) and tells the card
// what the AE did; the card keeps the edit, checks it with the core and saves it.
import { LightningElement, api } from 'lwc';

export default class BatonTextSection extends LightningElement {
  /** What to show: title, fields, editing, and what is allowed now. */
  @api panel;

  get showEdit() {
    return this.panel.editable && !this.panel.editing;
  }

  tell(name, detail = {}) {
    this.dispatchEvent(new CustomEvent(name, { detail: { section: this.panel.key, ...detail } }));
  }

  handleEdit() {
    this.tell('edit');
  }

  handleChange(event) {
    this.tell('fieldchange', { field: event.target.dataset.field, value: event.detail.value });
  }

  handleSave() {
    this.tell('save');
  }

  handleCancel() {
    this.tell('cancel');
  }
}
