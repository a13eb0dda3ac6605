// `baton intro-email FILE`: the customer introduction email, ready to paste.
import {
  type HandoffDocument,
  type IntroEmail,
  type Policy,
  buildIntroEmail,
  calendarOf,
} from '../../core';

export interface IntroEmailOptions {
  ae?: string;
  aeEmail?: string;
  csm?: string;
  csmEmail?: string;
  customer?: string;
  vendor?: string;
}

export function introEmail(
  doc: HandoffDocument,
  policy: Policy,
  options: IntroEmailOptions,
): IntroEmail {
  return buildIntroEmail(doc, policy.templates[doc.handoffType], calendarOf(policy), {
    ae: options.ae ? { name: options.ae, email: options.aeEmail ?? null } : null,
    csm: options.csm ? { name: options.csm, email: options.csmEmail ?? null } : null,
    customerName: options.customer ?? null,
    vendorName: options.vendor ?? null,
  });
}

export function introEmailText(email: IntroEmail): string {
  const header = [
    `To: ${email.to.length > 0 ? email.to.join(', ') : '(no addressee with an email yet)'}`,
    ...(email.cc.length > 0 ? [`Cc: ${email.cc.join(', ')}`] : []),
    `Subject: ${email.subject}`,
    '',
  ];
  const warnings = email.warnings.map((w) => `! ${w}`);
  return (
    [...header, email.body.trimEnd(), ...(warnings.length > 0 ? ['', ...warnings] : [])].join(
      '\n',
    ) + '\n'
  );
}
