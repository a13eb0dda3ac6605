// The customer introduction email (PROTOCOL.md section 8): from the AE, names the CSM, lists up
// to three objectives, says the CSM has full context, and sets the next step: the kickoff.
import type { HandoffDocument, Stakeholder } from '../document/handoff-document.schema';
import { isFilledText, isNotApplicable } from '../document/filled';
import { toInstant } from '../document/dates';
import type { HandoffTemplate } from '../policy/policy.schema';
import { type WorkingCalendar, addWindow } from '../time/working-calendar';

export interface Person {
  name: string;
  email?: string | null;
}

export interface IntroEmailInput {
  ae?: Person | null;
  csm?: Person | null;
  /** The customer's name as people say it; defaults to the deal name. */
  customerName?: string | null;
  /** The vendor's name, for "Thank you for choosing …". */
  vendorName?: string | null;
}

export interface IntroEmail {
  to: string[];
  cc: string[];
  subject: string;
  body: string;
  objectives: string[];
  /** What the email could not say because the handoff lacks it, so the AE can fix it first. */
  warnings: string[];
}

const ADDRESSED_ROLES = ['executive_sponsor', 'champion', 'economic_buyer'] as const;

function firstName(name: string): string {
  return name.trim().split(/\s+/)[0] ?? name;
}

function listNames(names: string[]): string {
  if (names.length <= 1) return names[0] ?? '';
  return `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`;
}

/**
 * Splits free text into objectives: one per line, bullet or semicolon. A bullet or a number is
 * only a marker when a space follows it, so "2.5x faster" and "-15% churn" keep their meaning.
 */
function objectivesIn(text: string | null | undefined): string[] {
  if (!isFilledText(text)) return [];
  return text!
    .split(/\r?\n|;|•/)
    .map((line) => line.replace(/^\s*(?:[-*]\s+|\d+[.)]\s+)/, '').trim())
    .filter((line) => isFilledText(line) && !isNotApplicable(line))
    .map((line) => line.charAt(0).toUpperCase() + line.slice(1));
}

function addressees(stakeholders: readonly Stakeholder[]): Stakeholder[] {
  const picked: Stakeholder[] = [];
  for (const role of ADDRESSED_ROLES) {
    for (const s of stakeholders) {
      if (s.role === role && isFilledText(s.name) && !picked.some((p) => p.name === s.name))
        picked.push(s);
    }
  }
  return picked.slice(0, 3);
}

function longDate(instant: number, timeZone: string): string {
  return new Intl.DateTimeFormat('en-US', { month: 'long', day: 'numeric', timeZone }).format(
    instant,
  );
}

export function buildIntroEmail(
  doc: HandoffDocument,
  template: HandoffTemplate,
  calendar: WorkingCalendar,
  input: IntroEmailInput = {},
): IntroEmail {
  const warnings: string[] = [];
  const customer = input.customerName?.trim() || doc.deal.name?.trim() || 'your team';
  const csmName = input.csm?.name?.trim() || null;
  if (csmName === null)
    warnings.push('No CSM is assigned yet: the email names "your Customer Success Manager".');
  const aeName = input.ae?.name?.trim() || null;
  if (aeName === null) warnings.push('No AE name is given: sign the email before sending it.');

  const people = addressees(doc.stakeholders ?? []);
  if (people.length === 0)
    warnings.push('No executive sponsor, champion or economic buyer is named to address.');
  const to = people.map((p) => p.email?.trim()).filter((e): e is string => isFilledText(e));
  if (people.length > 0 && to.length === 0)
    warnings.push('None of the addressees has an email address.');
  const cc = [input.csm?.email?.trim()].filter((e): e is string => isFilledText(e));

  const objectives = [
    ...objectivesIn(doc.objectives?.primaryObjective),
    ...objectivesIn(doc.objectives?.successCriteria),
    ...objectivesIn(doc.objectives?.roiExpectation),
  ].slice(0, 3);
  if (objectives.length === 0)
    warnings.push('No objectives are filled in: the email cannot restate them.');

  const closedWonAt = toInstant(doc.deal.closedWonAt);
  const kickoffHours = template.sla.kickoff_held?.hours;
  const kickoffBy =
    closedWonAt !== null && kickoffHours !== undefined
      ? ` by ${longDate(addWindow(closedWonAt, kickoffHours, calendar), calendar.timeZone)}`
      : '';

  const greeting =
    people.length === 0 ? 'Hi team,' : `Hi ${listNames(people.map((p) => firstName(p.name!)))},`;
  const thanks = input.vendorName?.trim()
    ? `Thank you for choosing ${input.vendorName.trim()}.`
    : 'Thank you for your trust.';
  const copied = cc.length > 0 ? ' (copied here)' : '';
  const introduction =
    csmName === null
      ? `${thanks} From here on, your Customer Success Manager will be your main point of contact.`
      : `${thanks} I'd like to introduce ${csmName}, who will be your Customer Success Manager from here on${copied}.`;
  const they =
    csmName === null
      ? { subject: 'They', has: 'have' }
      : { subject: firstName(csmName), has: 'has' };
  const lines = [
    greeting,
    '',
    introduction,
    '',
    `${they.subject} ${they.has} the full context of our conversations: your goals, what we agreed, and your timeline, so you won't have to repeat yourselves.`,
  ];
  if (objectives.length > 0) {
    lines.push('', 'As we discussed, together we are working towards:');
    objectives.forEach((objective, i) => lines.push(`  ${i + 1}. ${objective}`));
  }
  lines.push(
    '',
    `Next step: ${csmName === null ? 'they' : they.subject} will be in touch to schedule our kickoff${kickoffBy}, where we confirm the objectives, success criteria and implementation plan together.`,
    '',
    "I'm still here for you, and I'll join the kickoff.",
    '',
    'Best regards,',
    aeName ?? '',
  );
  return {
    to,
    cc,
    subject:
      csmName === null
        ? `Introducing your Customer Success Manager for ${customer}`
        : `Introducing ${csmName}, your Customer Success Manager for ${customer}`,
    body: lines.join('\n').trimEnd() + '\n',
    objectives,
    warnings,
  };
}
