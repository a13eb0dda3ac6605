// The handoff meeting on the Baton card, as the HubSpot card shows it: when it was held, who the
// template expects against who was there, the CS questions asked and answered, and the core's
// checklist (before, in and after the meeting), each item done, not done or left to people. It
// shows what the card hands it (`meeting`, meetingView.js); recording is lwc/batonMeetingForm.
import { LightningElement, api } from 'lwc';

export default class BatonMeetingChecklist extends LightningElement {
  /** The card's view of the meeting: `{ held, participants, questions, stages }`. */
  @api meeting;
}
