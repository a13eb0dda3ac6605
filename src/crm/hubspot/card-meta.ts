// The deal record's handoff card as a HubSpot 2026.03 project component:
// `app/cards/handoff-card-hsmeta.json` (`type: card`), its entry file and the folder's
// package.json.
//
// The format follows HubSpot's app cards reference for 2026.03
// (developers.hubspot.com/docs/apps/developer-platform/add-features/ui-extensibility/app-cards)
// and the 2026.03 templates in HubSpot/hubspot-project-components
// (private-app-get-started-template/src/app/cards/get-started-app-card-hsmeta.json and
// components/cards): `config.entrypoint` is the card's React file, relative to the project's
// srcDir with a leading slash; HubSpot bundles it on upload with the dependencies of the
// package.json beside it.
//
// The entry file is not extensions/handoff-card copied: the card imports the core's words and
// rules from src/, which a copy in the tree could not reach. It is one esbuild bundle of the
// card (scripts/hubspot/bundle-handoff-card.ts) with everything of Baton's inlined and only
// React and @hubspot/ui-extensions left as imports, which HubSpot installs from CARD_PACKAGE.
export const CARDS_DIR = 'app/cards';

export const HANDOFF_CARD_UID = 'baton_handoff_card';

/** The card's source, bundled into the tree's entry file. */
export const HANDOFF_CARD_SOURCE = 'extensions/handoff-card/index.tsx';

/** The bundle: JavaScript, named `.jsx` like the templates' plain cards. */
export const HANDOFF_CARD_ENTRY = `${CARDS_DIR}/handoff-card.jsx`;

export interface CardMeta {
  uid: string;
  type: 'card';
  config: {
    name: string;
    description: string;
    location: 'crm.record.tab' | 'crm.record.sidebar';
    objectTypes: string[];
    entrypoint: string;
  };
}

export function handoffCardMeta(): CardMeta {
  return {
    uid: HANDOFF_CARD_UID,
    type: 'card',
    config: {
      name: 'Handoff',
      description:
        'The sales-to-CS handoff of this deal: lifecycle, completeness, quality, SLA clocks, and the sections to fill in.',
      location: 'crm.record.tab',
      objectTypes: ['deals'],
      entrypoint: `/${HANDOFF_CARD_ENTRY}`,
    },
  };
}

/**
 * `app/cards/package.json`: what HubSpot installs to bundle the cards. The same versions the
 * card is built and tested with here (package.json's devDependencies; a test compares them).
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
