// Recording the handoff meeting on the Baton card: when it was held (now, unless the user says
// otherwise), who was there (the template's required participants marked, a strategic deal's
// too), the agenda segments covered and the CS questions asked and answered. Checked as typed
// (meetingDraft.js: the core's action schema), each error beside its field once the field is
// touched; it names the expected participants who were not there, and records the meeting all the
// same, as the core does (the quality score counts them missing). It tells the card the
// `record_meeting` action to take; the card applies it with the core and saves it.
import { LightningElement, api } from 'lwc';
import {
  AGENDA_LABELS,
  AGENDA_SEGMENTS,
  PARTICIPANT_LABELS,
  describeFieldError,
} from 'c/batonCore';
import { MEETING_FIELDS, draftFrom, fieldOf, reviewMeeting } from './meetingDraft';

const LABELS = {
  heldAt: 'Held at',
  participants: 'Participants present',
  agendaCovered: 'Agenda segments covered',
  questionsAsked: 'CS questions asked',
  questionsAnswered: 'CS questions answered',
};

const AGENDA_OPTIONS = AGENDA_SEGMENTS.map((s) => ({ label: AGENDA_LABELS[s], value: s }));

export default class BatonMeetingForm extends LightningElement {
  /** The card's view of the form (meetingView.js): `{ saved, expected, participantOptions }`. */
  @api meeting;
  /** While the card saves, holds a conflict or has a section open. */
  @api disabled = false;

  labels = LABELS;
  agendaOptions = AGENDA_OPTIONS;
  draft;
  /** The fields the user changed: only theirs say what is wrong, an untouched form says nothing. */
  touched = [];

  connectedCallback() {
    this.draft = draftFrom(this.meeting.saved, Date.now());
  }

  get review() {
    return reviewMeeting(this.draft);
  }

  get shownErrors() {
    return this.review.errors.filter((error) => this.touched.includes(fieldOf(error.path)));
  }

  /** Each field's error, in words beside it, or null. */
  get errors() {
    const errors = Object.fromEntries(MEETING_FIELDS.map((field) => [field, null]));
    for (const error of this.shownErrors) {
      const field = fieldOf(error.path);
      if (errors[field] === null) errors[field] = `${LABELS[field]}: ${error.message}`;
    }
    return errors;
  }

  get problem() {
    const errors = this.shownErrors;
    return errors.length > 0
      ? `Fix before recording: ${errors.map(describeFieldError).join('; ')}`
      : null;
  }

  /** The expected participants not picked, once someone is: recorded, but named. */
  get absent() {
    const picked = this.draft.participants;
    const absent = this.meeting.expected.filter((p) => !picked.includes(p));
    if (picked.length === 0 || absent.length === 0) return null;
    const names = absent.map((p) => PARTICIPANT_LABELS[p]).join(', ');
    return `Expected but not present: ${names}. The quality score counts them missing.`;
  }

  get uncovered() {
    const covered = this.draft.agendaCovered;
    const left = AGENDA_SEGMENTS.filter((s) => !covered.includes(s));
    if (covered.length === 0 || left.length === 0) return null;
    return `Not covered: ${left.map((s) => AGENDA_LABELS[s]).join(', ')}.`;
  }

  get recordDisabled() {
    return this.disabled || this.review.errors.length > 0;
  }

  handleChange(event) {
    const field = event.target.dataset.field;
    const value = event.detail.value;
    this.draft = { ...this.draft, [field]: Array.isArray(value) ? [...value] : (value ?? '') };
    if (!this.touched.includes(field)) this.touched = [...this.touched, field];
  }

  handleRecord() {
    const { action, errors } = this.review;
    if (errors.length > 0) return;
    this.dispatchEvent(new CustomEvent('act', { detail: { action } }));
  }

  handleCancel() {
    this.dispatchEvent(new CustomEvent('cancel'));
  }
}
