// The deal record's cards as HubSpot 2026.03 project components: for each card,
// `app/cards/<name>-hsmeta.json` (`type: card`) and its entry file; and the folder's
// package.json, shared by both.
//
// The format follows HubSpot's app cards reference for 2026.03
// (developers.hubspot.com/docs/apps/developer-platform/add-features/ui-extensibility/app-cards)
// and the 2026.03 templates in HubSpot/hubspot-project-components
// (private-app-get-started-template/src/app/cards/get-started-app-card-hsmeta.json and
// components/cards): `config.entrypoint` is the card's React file, relative to the project's
// srcDir with a leading slash; HubSpot bundles it on upload with the dependencies of the
// package.json beside it.
//
// An entry file is not extensions/<card> copied: the cards import the core's words and rules
// from src/, which a copy in the tree could not reach. Each is one esbuild bundle of its card
// (scripts/hubspot/bundle-handoff-card.ts) with everything of Baton's inlined and only React
// and @hubspot/ui-extensions left as imports, which HubSpot installs from CARD_PACKAGE.
export const CARDS_DIR = 'app/cards';

type CardLocation = 'crm.record.tab' | 'crm.record.sidebar';

export interface CardDefinition {
  uid: string;
  name: string;
  description: string;
  location: CardLocation;
  /** The card's source, bundled into the tree's entry file. */
  source: string;
}

export const CARDS = {
  'handoff-card': {
    uid: 'baton_handoff_card',
    name: 'Handoff',
    description:
      'The sales-to-CS handoff of this deal: lifecycle, completeness, quality, SLA clocks, and the sections to fill in.',
    location: 'crm.record.tab',
    source: 'extensions/handoff-card/index.tsx',
  },
  'handoff-sidebar': {
    uid: 'baton_handoff_sidebar',
    name: 'Handoff at a glance',
    description:
      "The state of this deal's handoff to CS: who owns the customer, completeness, quality, the next SLA clock and your next step.",
    location: 'crm.record.sidebar',
    source: 'extensions/handoff-sidebar/index.tsx',
  },
} as const satisfies Record<string, CardDefinition>;

export type CardName = keyof typeof CARDS;

export const CARD_NAMES = Object.keys(CARDS) as CardName[];

/** The bundle: JavaScript, named `.jsx` like the templates' plain cards. */
export function cardEntry(name: CardName): string {
  return `${CARDS_DIR}/${name}.jsx`;
}

export interface CardMeta {
  uid: string;
  type: 'card';
  config: {
    name: string;
    description: string;
    location: CardLocation;
    objectTypes: string[];
    entrypoint: string;
  };
}

export function cardMeta(name: CardName): CardMeta {
  const card: CardDefinition = CARDS[name];
  return {
    uid: card.uid,
    type: 'card',
    config: {
      name: card.name,
      description: card.description,
      location: card.location,
      objectTypes: ['deals'],
      entrypoint: `/${cardEntry(name)}`,
    },
  };
}

/**
 * `app/cards/package.json`: what HubSpot installs to bundle the cards. The same versions the
 * cards are built and tested with here (package.json's devDependencies; a test compares them).
 */
export const CARD_PACKAGE = {
  name: 'baton-cards',
  version: '0.1.0',
  private: true,
  dependencies: {
    '@hubspot/ui-extensions': '0.17.0',
    react: '18.3.1',
  },
} as const;
