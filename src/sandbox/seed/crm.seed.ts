// The seed's customers: ~60 companies, ~30 deals in every stage of both pipelines,
// and contacts with roles on their deals (deal → contact labels). Everything is written
// through the store's own API, with the clock moved to each record's moment, so the seed is
// checked like any API write and its stamps look lived-in.
import type { Clock } from '../clock';
import type { SandboxStore } from '../store/sandbox-store';
import type { ObjectRecord, PipelineDef } from '../store/state.schema';
import {
  COMPANY_KINDS,
  COMPANY_STEMS,
  CONTACT_ROLES,
  type ContactRole,
  DEAL_PRODUCTS,
  FIRST_NAMES,
  LAST_NAMES,
  PLACES,
} from './names';
import { SEED_TEAMS, seedOwnersWithRole } from './people.seed';
import type { Random } from './prng';

export interface SeedClock extends Clock {
  set(ms: number): void;
}

const DAY = 86_400_000;
const slug = (text: string) => text.toLowerCase().replace(/[^a-z0-9]/g, '');
const round = (n: number, to: number) => Math.max(to, Math.round(n / to) * to);
/** A moment during that day's working hours (UTC), so stamps do not all fall at midnight. */
const during = (random: Random, day: number) => day + random.int(8 * 3600, 18 * 3600) * 1000;

/** Deals in each stage of each pipeline, so every column of a pipeline board is full. */
export const SEED_DEALS_PER_STAGE = 30;
export const SEED_COMPANY_COUNT = 60;

interface SeedContext {
  store: SandboxStore;
  clock: SeedClock;
  random: Random;
  now: number;
}

function createCompanies({ store, clock, random, now }: SeedContext): ObjectRecord[] {
  const companies = store.type('companies');
  return random.sample(COMPANY_STEMS, SEED_COMPANY_COUNT).map((stem) => {
    const [suffix, industry] = random.pick(COMPANY_KINDS);
    const [city, country] = random.pick(PLACES);
    const employees = round(
      Math.exp(Math.log(20) + random.next() * (Math.log(25_000) - Math.log(20))),
      5,
    );
    clock.set(during(random, now - random.int(200, 700) * DAY));
    return store.records.create(companies, {
      name: `${stem} ${suffix}`,
      domain: `${slug(stem)}${slug(suffix)}.example`,
      industry,
      numberofemployees: String(employees),
      annualrevenue: String(round(employees * random.int(80_000, 240_000), 100_000)),
      city,
      country,
      lifecyclestage: 'lead',
    });
  });
}

/** ~30 deals in every stage of every pipeline, in a shuffled order. */
function dealStages(pipelines: readonly PipelineDef[], random: Random) {
  const slots = pipelines.flatMap((pipeline) =>
    pipeline.stages.flatMap((stage) =>
      Array.from({ length: SEED_DEALS_PER_STAGE }, () => ({ pipeline, stage })),
    ),
  );
  return random.sample(slots, slots.length);
}

function createContact(
  ctx: SeedContext,
  company: ObjectRecord,
  role: ContactRole | undefined,
  ownerId: string,
  usedEmails: Set<string>,
): ObjectRecord {
  const { store, random } = ctx;
  const first = random.pick(FIRST_NAMES);
  const last = random.pick(LAST_NAMES);
  const domain = company.properties['domain'] ?? 'example.example';
  let email = `${first}.${last}@${domain}`.toLowerCase();
  for (let n = 2; usedEmails.has(email); n++)
    email = `${first}.${last}${n}@${domain}`.toLowerCase();
  usedEmails.add(email);
  const title = role
    ? random.pick(CONTACT_ROLES[role].titles)
    : random.pick(CONTACT_ROLES.end_user.titles);
  const contact = store.records.create(store.type('contacts'), {
    firstname: first,
    lastname: last,
    email,
    jobtitle: title,
    phone: `+1 555-01${String(random.int(0, 99)).padStart(2, '0')}`,
    company: company.properties['name'] ?? '',
    lifecyclestage: role ? 'opportunity' : 'lead',
    hubspot_owner_id: ownerId,
  });
  // The contact's primary company (type 1) and, with it, the unlabeled one (279).
  store.associations.add(
    { objectTypeId: '0-1', id: contact.id },
    { objectTypeId: '0-2', id: company.id },
    [1],
  );
  return contact;
}

export function seedCrm(store: SandboxStore, clock: SeedClock, random: Random, now: number): void {
  const ctx: SeedContext = { store, clock, random, now };
  const roleTypes = new Map<ContactRole, number>();
  for (const [name, role] of Object.entries(CONTACT_ROLES) as [
    ContactRole,
    (typeof CONTACT_ROLES)[ContactRole],
  ][]) {
    const [forward] = store.associations.createLabel('0-3', '0-1', { name, label: role.label });
    if (forward) roleTypes.set(name, forward.typeId);
  }
  const companies = createCompanies(ctx);
  const deals = store.type('deals');
  const aes = seedOwnersWithRole('ae');
  const usedEmails = new Set<string>();
  const roles = Object.keys(CONTACT_ROLES) as ContactRole[];
  // A company's people play the same role on each of its deals (renewals, expansions).
  const people = new Map<string, Map<ContactRole, ObjectRecord>>();

  dealStages(store.pipelines, random).forEach(({ pipeline, stage }, index) => {
    const company = companies[index % companies.length] as ObjectRecord;
    const enterprise = pipeline.id !== 'default';
    const team = enterprise ? SEED_TEAMS.enterprise : SEED_TEAMS.midMarket;
    const owner = random.pick(aes.filter((ae) => ae.teamId === team.id));
    const closed = stage.metadata.isClosed === 'true';
    const closeAt = during(
      random,
      closed ? now - random.int(3, 120) * DAY : now + random.int(7, 120) * DAY,
    );
    const createdAt = during(random, Math.min(closeAt, now) - random.int(30, 150) * DAY);
    const amount = enterprise
      ? round(random.int(60_000, 600_000), 500)
      : round(random.int(8_000, 90_000), 500);
    const firstStage = pipeline.stages[0]?.id ?? stage.id;

    clock.set(createdAt);
    const deal = store.records.create(deals, {
      dealname: `${company.properties['name']} - ${random.pick(DEAL_PRODUCTS)}`,
      amount: String(amount),
      pipeline: pipeline.id,
      dealstage: closed ? firstStage : stage.id,
      closedate: new Date(closeAt).toISOString(),
      hubspot_owner_id: owner.id,
      dealtype: random.next() < 0.8 ? 'newbusiness' : 'existingbusiness',
      hs_priority: random.pick(['low', 'medium', 'high']),
    });
    const dealRef = { objectTypeId: '0-3', id: deal.id };
    store.associations.add(dealRef, { objectTypeId: '0-2', id: company.id }, [5]);
    store.records.update(store.type('companies'), company, {
      hubspot_owner_id: owner.id,
      lifecyclestage:
        closed && Number(stage.metadata.probability) === 1 ? 'customer' : 'opportunity',
    });

    const dealRoles: ContactRole[] = [
      'champion',
      ...random.sample(
        roles.filter((r) => r !== 'champion'),
        random.int(1, 3),
      ),
    ];
    for (const role of dealRoles) {
      const known = people.get(company.id) ?? new Map<ContactRole, ObjectRecord>();
      people.set(company.id, known);
      let contact = known.get(role);
      if (!contact) {
        clock.set(during(random, createdAt - random.int(1, 20) * DAY));
        contact = createContact(ctx, company, role, owner.id, usedEmails);
        known.set(role, contact);
      }
      store.associations.add(dealRef, { objectTypeId: '0-1', id: contact.id }, [
        roleTypes.get(role) ?? 3,
      ]);
    }
    if (closed) {
      clock.set(closeAt);
      store.records.update(deals, deal, { dealstage: stage.id });
    }
  });

  // Everyone also has a contact who is on no deal, as real portals do.
  companies.forEach((company) => {
    clock.set(during(random, Date.parse(company.createdAt) + random.int(1, 30) * DAY));
    createContact(ctx, company, undefined, random.pick(aes).id, usedEmails);
  });
  clock.set(now);
}
