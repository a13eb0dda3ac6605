// A list in the handoff document on the Baton card (the stakeholder map, the commitment log, the
// implementation plan's milestones): its saved rows and the gaps the core still counts, or, while
// the AE edits it, a small form per row (text fields and choices, each error beside its field) to
// change, add and remove rows. It shows what the card hands it (`panel`, sectionPanels.js) and
// tells the card what the AE did; the card keeps the edit, checks it with the core and saves it.
import { LightningElement, api } from 'lwc';

export default class BatonListSection extends LightningElement {
  /** What to show: title, rows or form, gaps, editing, and what is allowed now. */
  @api panel;

  get showEdit() {
    return this.panel.editable && !this.panel.editing;
  }

  get hasRows() {
    return this.panel.rows.length > 0;
  }

  get hasGaps() {
    return this.panel.gaps.length > 0;
  }

  tell(name, detail = {}) {
    this.dispatchEvent(new CustomEvent(name, { detail: { section: this.panel.key, ...detail } }));
  }

  handleEdit() {
    this.tell('edit');
  }

  handleChange(event) {
    const { row, field } = event.target.dataset;
    this.tell('fieldchange', { row, field, value: event.detail.value });
  }

  handleAdd() {
    this.tell('addrow');
  }

  handleRemove(event) {
    this.tell('removerow', { row: event.target.dataset.row });
  }

  handleSave() {
    this.tell('save');
  }

  handleCancel() {
    this.tell('cancel');
  }
}
