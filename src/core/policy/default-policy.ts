// The defaults of PROTOCOL.md: what a new portal gets before CS ops changes anything.
import { PROTOCOL_REQUIRED_ITEMS } from '../items/handoff-items';
import type { HandoffTemplate, Policy, TaskTemplate } from './policy.schema';

const SALES_TO_CS_TASKS: TaskTemplate[] = [
  {
    key: 'handoff_meeting',
    subject: 'Hold the internal handoff meeting for {deal}',
    body:
      'Book 45 minutes with the CSM (and the CS manager for strategic deals) within 24-48 hours of close. ' +
      'Agenda: customer overview, stakeholders, objectives, scope and commitments, implementation, risks, CS questions. ' +
      'Fill in the handoff first: {missing}',
    assignee: 'sender',
    dueAfterHours: 48,
  },
  {
    key: 'intro_email',
    subject: 'Send the customer introduction email for {deal}',
    body:
      'Introduce {receiver} to the customer: name the CSM, restate up to three objectives, say the CSM has full context, ' +
      'and set the next step (the kickoff). The card drafts the email for you.',
    assignee: 'sender',
    dueAfterHours: 48,
  },
  {
    key: 'cs_prep',
    subject: 'Prepare the success plan for {deal}',
    body:
      'Review the handoff (commitments, stakeholders, risks), accept it or return it with named gaps, ' +
      'and have the success plan ready before the kickoff.',
    assignee: 'receiver',
    dueAfterHours: 72,
  },
  {
    key: 'schedule_kickoff',
    subject: 'Schedule the kickoff with {deal}',
    body: 'Agree a kickoff date with the customer stakeholders; the kickoff should take place within 7-10 days of close.',
    assignee: 'receiver',
    dueAfterHours: 120,
  },
  {
    key: 'hold_kickoff',
    subject: 'Hold the kickoff with {deal}',
    body: 'Run the kickoff: confirm objectives and success criteria, walk through the commitment log and the plan.',
    assignee: 'receiver',
    dueAfterHours: 240,
  },
];

const POST_CLOSE_SLA: HandoffTemplate['sla'] = {
  handoff_meeting: { hours: 48 },
  intro_email: { hours: 48 },
  first_cs_contact: { hours: 48 },
  cs_prep: { hours: 72 },
  kickoff_scheduled: { hours: 120 },
  kickoff_held: { hours: 240 },
  revision_fix: { hours: 24 },
};

const CS_RECEIVES = {
  senderLabel: 'AE',
  receiverLabel: 'CS',
  senderRoles: ['ae', 'sales_manager'],
  receiverRoles: ['csm', 'cs_manager'],
  arbiterRoles: ['cs_ops', 'cs_manager'],
  requiredParticipants: ['ae', 'csm'],
  strategicParticipants: ['cs_manager'],
  escalateAfterReturns: 2,
} satisfies Partial<HandoffTemplate>;

const salesToCs: HandoffTemplate = {
  ...CS_RECEIVES,
  label: 'Sales to CS (post-close)',
  requiredItems: [...PROTOCOL_REQUIRED_ITEMS],
  minimumCompleteness: 80,
  sla: POST_CLOSE_SLA,
  tasks: SALES_TO_CS_TASKS,
  approverRoles: [],
};

const preClose: HandoffTemplate = {
  ...CS_RECEIVES,
  label: 'Pre-close (strategic deals)',
  // "Pending contract": full completion needs the signed contract.
  requiredItems: [...PROTOCOL_REQUIRED_ITEMS, 'deal.closedWonAt'],
  minimumCompleteness: 80,
  requiredParticipants: ['ae', 'csm', 'cs_manager'],
  sla: POST_CLOSE_SLA,
  tasks: [
    {
      key: 'approve_pre_close',
      subject: 'Approve the pre-close handoff for {deal}',
      body: 'The AE asks CS to engage before the contract is signed. Approve it so the handoff can start, or talk to the AE.',
      assignee: 'receiver_manager',
      dueAfterHours: 24,
    },
    ...SALES_TO_CS_TASKS,
  ],
  approverRoles: ['cs_manager'],
};

const pocToPaid: HandoffTemplate = {
  ...CS_RECEIVES,
  label: 'POC to paid',
  // The POC learnings carry over: what was validated, and how.
  requiredItems: [...PROTOCOL_REQUIRED_ITEMS, 'technical.validationStatus'],
  minimumCompleteness: 80,
  sla: POST_CLOSE_SLA,
  tasks: SALES_TO_CS_TASKS.map((task) =>
    task.key === 'cs_prep'
      ? {
          ...task,
          body: `${task.body} Carry over the POC learnings: what was validated, by whom, and what is still open.`,
        }
      : task,
  ),
  approverRoles: [],
};

const repToRep: HandoffTemplate = {
  label: 'Rep to rep (reassignment)',
  senderLabel: 'Current rep',
  receiverLabel: 'Receiving rep',
  requiredItems: [
    'customerContext.companyOverview',
    'customerContext.businessChallenge',
    'customerContext.purchaseContext',
    'stakeholders.executive_sponsor',
    'stakeholders.champion',
    'objectives.primaryObjective',
    'commitments.described',
    'commitments.ownersAndDueDates',
    'risks.objections',
    'risks.remainingConcerns',
    'risks.churnRisk',
  ],
  minimumCompleteness: 80,
  requiredParticipants: ['ae'],
  strategicParticipants: ['sales_manager'],
  sla: {
    acceptance: { hours: 24 },
    intro_email: { hours: 48, from: 'submittedAt' },
    revision_fix: { hours: 24 },
  },
  tasks: [
    {
      key: 'accept_reassignment',
      subject: 'Review and accept the reassigned account {deal}',
      body: 'Read the handoff, then accept it or return it with named gaps. The current rep owns the customer until you accept.',
      assignee: 'receiver',
      dueAfterHours: 24,
    },
    {
      key: 'introduce_new_rep',
      subject: 'Introduce {receiver} to {deal}',
      body: 'Tell the customer who their new contact is and why, and hand over any open commitments.',
      assignee: 'sender',
      dueAfterHours: 48,
    },
  ],
  senderRoles: ['ae', 'sales_manager'],
  receiverRoles: ['ae', 'sales_manager'],
  approverRoles: [],
  arbiterRoles: ['sales_manager', 'cs_ops'],
  escalateAfterReturns: 2,
};

const sdrToAe: HandoffTemplate = {
  label: 'SDR to AE (qualified lead)',
  senderLabel: 'SDR',
  receiverLabel: 'AE',
  requiredItems: [
    'customerContext.companyOverview',
    'customerContext.businessChallenge',
    'customerContext.whyNow',
    'stakeholders.champion',
    'objectives.primaryObjective',
    'risks.objections',
  ],
  minimumCompleteness: 80,
  requiredParticipants: ['ae'],
  strategicParticipants: [],
  sla: { acceptance: { hours: 24 }, revision_fix: { hours: 24 } },
  tasks: [
    {
      key: 'accept_lead',
      subject: 'Review and accept the qualified lead {deal}',
      body: 'Check the qualification notes, then accept the lead or return it to the SDR with named gaps.',
      assignee: 'receiver',
      dueAfterHours: 24,
    },
  ],
  senderRoles: ['sdr', 'sales_manager'],
  receiverRoles: ['ae', 'sales_manager'],
  approverRoles: [],
  arbiterRoles: ['sales_manager'],
  escalateAfterReturns: 2,
};

export const DEFAULT_POLICY: Policy = {
  version: 1,
  timeBasis: 'calendar_hours',
  workingDays: [1, 2, 3, 4, 5],
  holidays: [],
  timeZone: 'UTC',
  atRiskRatio: 0.75,
  meetingReminderHours: 24,
  templates: {
    sales_to_cs: salesToCs,
    pre_close: preClose,
    poc_to_paid: pocToPaid,
    rep_to_rep: repToRep,
    sdr_to_ae: sdrToAe,
  },
};
