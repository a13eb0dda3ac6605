// The handoff document v1 (PROTOCOL.md section 2): the API body, the import/export format and
// the CLI input. Only `handoffType` and `deal.id` are required: a handoff starts thin and fills
// up, and an absent field is simply a missing item. Invalid values are errors, and unknown keys
// are refused too, because a misspelt field would otherwise be dropped silently and show up as
// "missing" after the AE filled it in.
import { z } from 'zod';
import { isFilledText, isNotApplicable } from './filled';
import { isIsoDate, isIsoDateTime } from './dates';
import {
  AGENDA_SEGMENTS,
  CHURN_RISKS,
  COMMITMENT_STATUSES,
  COMMITMENT_TYPES,
  HANDOFF_TYPES,
  MEETING_PARTICIPANTS,
  RELATIONSHIP_STRENGTHS,
  REVIEW_STATUSES,
  SENTIMENTS,
  STAKEHOLDER_ROLES,
} from './vocabulary';

const text = () => z.string({ error: 'expected text' }).nullish();

/** An instant: ISO 8601 date-time with an offset, or null while it has not happened. */
const dateTime = () =>
  z
    .string({ error: 'expected an ISO date-time' })
    .refine(isIsoDateTime, { error: 'expected an ISO date-time' })
    .nullish();

/**
 * A calendar date (YYYY-MM-DD). Blank or a placeholder such as "TBD" is accepted as missing, and
 * "N/A" as filled: the protocol asks for N/A where a field does not apply (no go-live date).
 */
const date = () =>
  z
    .string({ error: 'expected a date (YYYY-MM-DD)' })
    .refine(
      (value) =>
        !isFilledText(value) ||
        isNotApplicable(value) ||
        isIsoDate(value.trim()) ||
        isIsoDateTime(value.trim()),
      {
        error: 'expected a date (YYYY-MM-DD)',
      },
    )
    .nullish();

/** An enumeration that forms may send as "" when nothing is picked. */
const choice = <const T extends readonly [string, ...string[]]>(values: T) =>
  z.preprocess(
    (value) => (value === '' ? undefined : value),
    z.enum(values, { error: `expected one of ${values.join(', ')}` }).nullish(),
  );

const money = () =>
  z
    .number({ error: 'expected a number' })
    .finite({ error: 'expected a finite number' })
    .nonnegative({ error: 'expected a non-negative amount' })
    .nullish();

const count = () =>
  z
    .number({ error: 'expected a whole number' })
    .int({ error: 'expected a whole number' })
    .nonnegative({ error: 'expected a whole number of 0 or more' });

const rating = () =>
  z
    .number({ error: 'expected a rating from 1 to 5' })
    .int({ error: 'expected a rating from 1 to 5' })
    .min(1, { error: 'expected a rating from 1 to 5' })
    .max(5, { error: 'expected a rating from 1 to 5' })
    .nullish();

const email = () =>
  z
    .string({ error: 'expected an email address' })
    .refine((value) => !isFilledText(value) || /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(value.trim()), {
      error: 'expected an email address',
    })
    .nullish();

export const dealSchema = z.strictObject({
  id: z.string({ error: 'required' }).trim().min(1, { error: 'required' }),
  name: text(),
  amount: money(),
  currency: z
    .string({ error: 'expected a 3-letter currency code' })
    .regex(/^[A-Z]{3}$/, { error: 'expected a 3-letter ISO 4217 currency code such as USD' })
    .nullish(),
  closedWonAt: dateTime(),
  ownerId: text(),
  strategic: z.boolean({ error: 'expected true or false' }).nullish(),
});

export const customerContextSchema = z.strictObject({
  companyOverview: text(),
  industry: text(),
  size: text(),
  businessChallenge: text(),
  purchaseContext: text(),
  whyUs: text(),
  whyNow: text(),
  alternativesEvaluated: text(),
});

export const stakeholderSchema = z.strictObject({
  role: z.enum(STAKEHOLDER_ROLES, { error: `expected one of ${STAKEHOLDER_ROLES.join(', ')}` }),
  name: text(),
  title: text(),
  email: email(),
  objectives: text(),
  communicationPreference: text(),
  relationshipStrength: choice(RELATIONSHIP_STRENGTHS),
  sentiment: choice(SENTIMENTS),
});

export const objectivesSchema = z.strictObject({
  primaryObjective: text(),
  successCriteria: text(),
  roiExpectation: text(),
  personalWins: text(),
});

export const commitmentSchema = z.strictObject({
  id: text(),
  type: choice(COMMITMENT_TYPES),
  description: text(),
  owner: text(),
  dueDate: date(),
  inContract: z.boolean({ error: 'expected true or false' }).nullish(),
  status: choice(COMMITMENT_STATUSES),
});

export const technicalSchema = z.strictObject({
  environment: text(),
  integrations: text(),
  dataMigration: text(),
  securityCompliance: text(),
  validationStatus: text(),
});

export const milestoneSchema = z.strictObject({ name: text(), date: date() });

export const implementationSchema = z.strictObject({
  startDate: date(),
  goLiveDate: date(),
  milestones: z.array(milestoneSchema, { error: 'expected a list of milestones' }).nullish(),
  customerResources: text(),
  dependencies: text(),
  timelineRisks: text(),
});

export const commercialSchema = z.strictObject({
  contractValue: money(),
  discount: text(),
  paymentTerms: text(),
  specialTerms: text(),
});

export const risksSchema = z.strictObject({
  objections: text(),
  howHandled: text(),
  remainingConcerns: text(),
  churnIndicators: text(),
  churnRisk: choice(CHURN_RISKS),
});

export const meetingSchema = z.strictObject({
  heldAt: dateTime(),
  participants: z
    .array(
      z.enum(MEETING_PARTICIPANTS, { error: `expected one of ${MEETING_PARTICIPANTS.join(', ')}` }),
    )
    .nullish(),
  agendaCovered: z
    .array(z.enum(AGENDA_SEGMENTS, { error: `expected one of ${AGENDA_SEGMENTS.join(', ')}` }))
    .nullish(),
  questionsAsked: count().nullish(),
  questionsAnswered: count().nullish(),
});

export const timelineSchema = z.strictObject({
  submittedAt: dateTime(),
  acceptedAt: dateTime(),
  introSentAt: dateTime(),
  firstCsContactAt: dateTime(),
  csPrepDoneAt: dateTime(),
  kickoffScheduledAt: dateTime(),
  kickoffHeldAt: dateTime(),
  /** Added to v1 by Baton: when the relationship passed fully to CS (lifecycle `completed`). */
  completedAt: dateTime(),
});

export const reviewSchema = z.strictObject({
  status: choice(REVIEW_STATUSES),
  gaps: z
    .array(z.string({ error: 'expected text' }), { error: 'expected a list of gaps' })
    .nullish(),
  rejections: count().nullish(),
  // The fields below are Baton's optional additions to v1 (docs/handoff-document.md): the
  // stamps the lifecycle needs to say who decided and when, and the two ratings of section 9.
  returnedAt: dateTime(),
  decidedBy: text(),
  acceptedBy: text(),
  approvedAt: dateTime(),
  approvedBy: text(),
  escalatedAt: dateTime(),
  csRating: rating(),
  customerRating: rating(),
});

export const handoffDocumentSchema = z.strictObject(
  {
    handoffType: z.enum(HANDOFF_TYPES, { error: `expected one of ${HANDOFF_TYPES.join(', ')}` }),
    deal: dealSchema,
    customerContext: customerContextSchema.nullish(),
    stakeholders: z
      .array(stakeholderSchema, { error: 'expected a list of stakeholders' })
      .nullish(),
    objectives: objectivesSchema.nullish(),
    commitments: z.array(commitmentSchema, { error: 'expected a list of commitments' }).nullish(),
    technical: technicalSchema.nullish(),
    implementation: implementationSchema.nullish(),
    commercial: commercialSchema.nullish(),
    risks: risksSchema.nullish(),
    meeting: meetingSchema.nullish(),
    timeline: timelineSchema.nullish(),
    review: reviewSchema.nullish(),
  },
  { error: 'expected a handoff document (a JSON object)' },
);

export type HandoffDocument = z.infer<typeof handoffDocumentSchema>;
export type HandoffDocumentInput = z.input<typeof handoffDocumentSchema>;
export type Deal = z.infer<typeof dealSchema>;
export type Stakeholder = z.infer<typeof stakeholderSchema>;
export type Commitment = z.infer<typeof commitmentSchema>;
export type Meeting = z.infer<typeof meetingSchema>;
export type Timeline = z.infer<typeof timelineSchema>;
export type Review = z.infer<typeof reviewSchema>;
