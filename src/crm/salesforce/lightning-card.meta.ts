// Baton's Lightning web components, as the generated SFDX project ships them: the handoff card
// for the Opportunity record page (its source is extensions/salesforce-card/lwc/batonHandoffCard,
// copied as it is), the components inside it (its sections, the return form, the meeting
// checklist and form; copied as they are too), and `batonCore`, the module the card imports the
// core from (an esbuild bundle of extensions/salesforce-card/baton-core.ts;
// scripts/salesforce/bundle-lightning-card.ts). Here: where they go and their js-meta.xml files.
//
// Elements of a js-meta.xml are written in the order of Salesforce's own templates
// (@salesforce/templates, lightningcomponent/lwc): `targets` before `targetConfigs`.
import { SALESFORCE_API_VERSION } from './api-version';
import { METADATA_DIR } from './generated-files';
import { el, metadataDocument } from './metadata-xml';
import { STANDARD_OBJECTS } from './salesforce-names';

export const LWC_DIR = `${METADATA_DIR}/lwc`;

/**
 * The most a component's JavaScript file may weigh ("Component JavaScript File", LWC Developer
 * Guide: 1 MB, 1,000,000 bytes; older releases documented 128 KB).
 */
export const LWC_JS_MAX_BYTES = 1_000_000;

const RECORD_PAGE = 'lightning__RecordPage';

export const LIGHTNING_CARD = {
  bundle: 'batonHandoffCard',
  source: 'extensions/salesforce-card/lwc/batonHandoffCard',
  masterLabel: 'Baton handoff',
  description:
    "The Opportunity's sales-to-CS handoff: state, owner, completeness, quality, SLA clocks, stakeholders, commitments and the actions the user may take.",
  object: STANDARD_OBJECTS.deal,
} as const;

/** Components the card is made of: inside it only, never placed on a page by themselves. */
export const CARD_PARTS = [
  {
    bundle: 'batonTextSection',
    source: 'extensions/salesforce-card/lwc/batonTextSection',
    description:
      "A section of fields of the Baton handoff card (customer context, objectives, technical, implementation plan, commercial terms, risk register): shown, or edited by the deal's AE.",
  },
  {
    bundle: 'batonListSection',
    source: 'extensions/salesforce-card/lwc/batonListSection',
    description:
      "A list of the Baton handoff card (stakeholder map, commitment log, milestones): shown with its gaps, or edited row by row by the deal's AE.",
  },
  {
    bundle: 'batonReturnForm',
    source: 'extensions/salesforce-card/lwc/batonReturnForm',
    description:
      "The Baton handoff card's form for sending a handoff back (revision or rejection) with the gaps the receiver names.",
  },
  {
    bundle: 'batonMeetingChecklist',
    source: 'extensions/salesforce-card/lwc/batonMeetingChecklist',
    description:
      "The Baton handoff card's meeting checklist: when the handoff meeting was held, expected participants against those present, CS questions, and the protocol's checklist.",
  },
  {
    bundle: 'batonMeetingForm',
    source: 'extensions/salesforce-card/lwc/batonMeetingForm',
    description:
      "The Baton handoff card's form for recording the handoff meeting: when, who was there, the agenda covered and the CS questions asked and answered.",
  },
] as const;

export const CORE_MODULE = {
  bundle: 'batonCore',
  entry: 'extensions/salesforce-card/baton-core.ts',
  description:
    "Baton's handoff protocol core for the handoff card: scores, SLA clocks, lifecycle rules.",
} as const;

/** `force-app/main/default/lwc/<bundle>/<file>`. */
export function lwcPath(bundle: string, file: string): string {
  return `${LWC_DIR}/${bundle}/${file}`;
}

/** On Opportunity record pages in the Lightning App Builder, and nowhere else. */
export function cardBundleMeta(): string {
  return metadataDocument('LightningComponentBundle', [
    el('apiVersion', SALESFORCE_API_VERSION),
    el('description', LIGHTNING_CARD.description),
    el('isExposed', true),
    el('masterLabel', LIGHTNING_CARD.masterLabel),
    el('targets', [el('target', RECORD_PAGE)]),
    el('targetConfigs', [
      el('targetConfig', [el('objects', [el('object', LIGHTNING_CARD.object)])], {
        targets: RECORD_PAGE,
      }),
    ]),
  ]);
}

/** A module or component only other components use; not placeable on a page. */
function internalBundleMeta(description: string): string {
  return metadataDocument('LightningComponentBundle', [
    el('apiVersion', SALESFORCE_API_VERSION),
    el('description', description),
    el('isExposed', false),
  ]);
}

export function coreModuleMeta(): string {
  return internalBundleMeta(CORE_MODULE.description);
}

export function cardPartMeta(part: (typeof CARD_PARTS)[number]): string {
  return internalBundleMeta(part.description);
}
