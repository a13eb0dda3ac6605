// The card's API: everything the deal's handoff card shows in one load, section saves with
// optimistic concurrency (two people editing never silently overwrite each other), the
// lifecycle actions with the core's guards, and the intro email. Thin: the core decides, the
// CRM port stores.
import { z } from 'zod';
import {
  type ActorRole,
  type HandoffDocument,
  type LifecycleAction,
  type LifecycleEvent,
  type Policy,
  analyzeHandoff,
  applyAction,
  availableActions,
  buildChecklist,
  buildIntroEmail,
  calendarOf,
  describeFieldError,
  handoffDocumentSchema,
  lifecycleActionSchema,
  maySend,
  nextAction,
  requiredParticipants,
  parseWith,
} from '../core';
import {
  type CrmAdapter,
  type DealContext,
  HandoffConflictError,
  type StoredHandoff,
} from '../crm/crm-adapter';
import { CardError, fromRefusal } from './card-errors';
import { buildHandoffWrite } from './handoff-write';
import type { KeyedLocks } from './keyed-locks';
import { decidePreClose } from './pre-close';

export interface CardUser {
  id: string;
  role: ActorRole;
}

export interface CardDeps {
  crm: CrmAdapter;
  policy: Policy;
  locks: KeyedLocks;
  now: () => number;
  /** Every transition, for the audit log (who, when, what). */
  audit?: (handoffKey: string, events: readonly LifecycleEvent[]) => Promise<void>;
  /** After every save, still under the deal's lock: the backend indexes the handoff's clocks. */
  onSaved?: (dealId: string, handoff: StoredHandoff) => Promise<void>;
}

/** The sections the AE edits on the card; the rest moves only through lifecycle actions. */
const EDITABLE = [
  'customerContext',
  'stakeholders',
  'objectives',
  'commitments',
  'technical',
  'implementation',
  'commercial',
  'risks',
] as const;

export const sectionPatchSchema = handoffDocumentSchema
  .pick(
    Object.fromEntries(EDITABLE.map((key) => [key, true])) as Record<
      (typeof EDITABLE)[number],
      true
    >,
  )
  .partial()
  .strict();

export const saveRequestSchema = z.strictObject({
  baseVersion: z.number().int().min(1, { error: 'expected the version the edit started from' }),
  sections: sectionPatchSchema,
});

export const actionRequestSchema = z.strictObject({
  baseVersion: z.number().int().min(1, { error: 'expected the version the action started from' }),
  action: lifecycleActionSchema,
});

function view(context: DealContext, user: CardUser, deps: CardDeps) {
  const now = deps.now();
  if (context.handoff === null) {
    return {
      dealId: context.deal.id,
      deal: context.deal,
      handoff: null,
      canStart: context.deal.isClosedWon,
      canRequestPreClose: decidePreClose(context, user, deps.policy).kind === 'request',
    };
  }
  const doc = context.handoff.document;
  const template = deps.policy.templates[doc.handoffType];
  const analysis = analyzeHandoff(doc, deps.policy, now);
  const actions = availableActions(doc, { actor: user, now, policy: deps.policy });
  return {
    dealId: context.deal.id,
    deal: context.deal,
    canStart: false,
    canRequestPreClose: false,
    handoff: {
      key: context.handoff.key,
      version: context.handoff.version,
      document: doc,
      state: analysis.state,
      ownership: analysis.ownership,
      completeness: analysis.completeness,
      minimumCompleteness: analysis.minimumCompleteness,
      quality: analysis.quality,
      clocks: analysis.clocks,
      slaState: analysis.slaState,
      alerts: analysis.alerts,
      checklist: buildChecklist(doc, template, {
        clocks: analysis.clocks,
        csmAssigned: context.deal.csmOwnerId !== null,
      }),
      /** Who the template expects at the handoff meeting for this deal (strategic adds some). */
      meetingParticipants: requiredParticipants(doc, template),
      actions,
      nextAction: nextAction(actions),
      canEdit: maySend(doc, template, user).allowed,
    },
  };
}

export type CardView = ReturnType<typeof view>;

async function loadExisting(
  dealId: string,
  deps: CardDeps,
): Promise<DealContext & { handoff: NonNullable<DealContext['handoff']> }> {
  const context = await deps.crm.loadDealContext(dealId);
  if (context.handoff === null)
    throw new CardError('not_found', `deal ${dealId} has no handoff yet`);
  return context as DealContext & { handoff: NonNullable<DealContext['handoff']> };
}

export async function loadCard(dealId: string, user: CardUser, deps: CardDeps): Promise<CardView> {
  return view(await deps.crm.loadDealContext(dealId), user, deps);
}

function checkVersion(
  context: { handoff: { version: number; key: string } },
  baseVersion: number,
): void {
  if (context.handoff.version !== baseVersion) {
    throw new CardError(
      'conflict',
      `someone else saved this handoff (now version ${context.handoff.version}, your edit started from ${baseVersion}): reload to see their changes`,
    );
  }
}

async function write(
  context: DealContext,
  document: HandoffDocument,
  deps: CardDeps,
): Promise<DealContext> {
  const handoffWrite = buildHandoffWrite(context, {
    policy: deps.policy,
    now: deps.now(),
    document,
  });
  try {
    const saved = await deps.crm.saveHandoff(handoffWrite);
    await deps.onSaved?.(context.deal.id, saved.handoff);
    return { ...context, handoff: saved.handoff };
  } catch (error) {
    if (error instanceof HandoffConflictError) {
      throw new CardError(
        'conflict',
        'someone else saved this handoff a moment ago: reload to see their changes',
      );
    }
    throw error;
  }
}

/** Commitments get stable ids on first save, so their CRM records survive reordering. */
function withCommitmentIds(doc: HandoffDocument): HandoffDocument {
  if (!doc.commitments?.some((c) => !c.id?.trim())) return doc;
  const used = new Set(doc.commitments.map((c) => c.id?.trim()).filter(Boolean));
  let n = 1;
  const next = () => {
    while (used.has(`c-${n}`)) n++;
    used.add(`c-${n}`);
    return `c-${n}`;
  };
  return {
    ...doc,
    commitments: doc.commitments.map((c) => (c.id?.trim() ? c : { ...c, id: next() })),
  };
}

export async function saveCard(
  dealId: string,
  user: CardUser,
  body: unknown,
  deps: CardDeps,
): Promise<CardView> {
  const request = parseWith(saveRequestSchema, body);
  if (!request.success)
    throw new CardError('invalid_input', request.errors.map(describeFieldError).join('; '));
  return deps.locks.run(`deal:${dealId}`, async () => {
    const context = await loadExisting(dealId, deps);
    checkVersion(context, request.value.baseVersion);
    const doc = context.handoff.document;
    const permission = maySend(doc, deps.policy.templates[doc.handoffType], user);
    if (!permission.allowed) throw new CardError('forbidden', permission.reason);
    const merged = parseWith(
      handoffDocumentSchema,
      withCommitmentIds({ ...doc, ...request.value.sections }),
    );
    if (!merged.success)
      throw new CardError('invalid_input', merged.errors.map(describeFieldError).join('; '));
    return view(await write(context, merged.value, deps), user, deps);
  });
}

export async function actOnCard(
  dealId: string,
  user: CardUser,
  body: unknown,
  deps: CardDeps,
): Promise<{ card: CardView; events: LifecycleEvent[] }> {
  const request = parseWith(actionRequestSchema, body);
  if (!request.success)
    throw new CardError('invalid_input', request.errors.map(describeFieldError).join('; '));
  return deps.locks.run(`deal:${dealId}`, async () => {
    const context = await loadExisting(dealId, deps);
    checkVersion(context, request.value.baseVersion);
    const result = applyAction(context.handoff.document, request.value.action as LifecycleAction, {
      actor: user,
      now: deps.now(),
      policy: deps.policy,
    });
    if (!result.ok) throw fromRefusal(result.code, result.reason);
    if (!result.changed) return { card: view(context, user, deps), events: [] };
    const saved = await write(context, result.document, deps);
    await deps.audit?.(context.handoff.key, result.events);
    return { card: view(saved, user, deps), events: result.events };
  });
}

export async function introEmailForCard(
  dealId: string,
  deps: CardDeps,
): Promise<ReturnType<typeof buildIntroEmail>> {
  const context = await loadExisting(dealId, deps);
  const doc = context.handoff.document;
  const people = await deps.crm.listPeople();
  const person = (id: string | null | undefined) => people.find((p) => p.id === id) ?? null;
  const ae = person(doc.deal.ownerId);
  const csm = person(
    (context.deal.csmOwnerId ?? Object.values(context.handoff.links.tasks).length)
      ? context.deal.csmOwnerId
      : null,
  );
  return buildIntroEmail(doc, deps.policy.templates[doc.handoffType], calendarOf(deps.policy), {
    ae: ae ? { name: ae.name, email: ae.email } : null,
    csm: csm ? { name: csm.name, email: csm.email } : null,
    customerName: context.company?.name ?? null,
  });
}
