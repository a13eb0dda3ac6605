// JSON schemas of the project components Baton generates, for validating the project tree
// offline with @hubspot/project-parsing-lib (see validate-project.ts for why they are ours):
// the app objects here, the app, webhooks and workflow actions in app-feature-schemas.ts.
//
// Written from HubSpot's app objects reference
// (developers.hubspot.com/docs/apps/developer-platform/add-features/app-objects/reference),
// its app configuration reference (…/build-apps/app-configuration), HubSpot's early app-objects
// field notes (name UPPER_SNAKE_CASE; property names and option values lower_snake_case; group
// names lowercase words joined by `_` or `.`; singular/plural forms capitalised words of letters,
// at most 50; description at most 72; at most two secondary display properties) and the 2026.03
// templates in HubSpot/hubspot-project-components. Those notes also restrict property labels to
// letters and spaces, but HubSpot's own 2026.03 template uses "MSRP", "Certified Pre-Owned" and
// "Purchase Date & Time", so labels are left free here.
//
// Unknown keys are refused (`additionalProperties: false`) in what Baton emits, so a key HubSpot
// does not document cannot slip into a generated file unnoticed.

import { APPLICATION_SCHEMA, WEBHOOKS_SCHEMA, WORKFLOW_ACTION_SCHEMA } from './app-feature-schemas';

const LOWER_SNAKE = '^[a-z][a-z0-9]*(_[a-z0-9]+)*$';
const UPPER_SNAKE = '^[A-Z][A-Z0-9]*(_[A-Z0-9]+)*$';

const option = {
  type: 'object',
  required: ['label', 'value'],
  additionalProperties: false,
  properties: {
    label: { type: 'string', minLength: 1 },
    // `true`/`false` are the values of a booleancheckbox; the rest are lower_snake_case.
    value: { type: 'string', pattern: LOWER_SNAKE },
    description: { type: 'string' },
    displayOrder: { type: 'integer', minimum: 0 },
    hidden: { type: 'boolean' },
  },
} as const;

const property = {
  type: 'object',
  required: ['name', 'label', 'type', 'fieldType'],
  additionalProperties: false,
  properties: {
    name: { type: 'string', pattern: LOWER_SNAKE, maxLength: 100 },
    label: { type: 'string', minLength: 1 },
    description: { type: 'string' },
    type: { enum: ['string', 'number', 'date', 'datetime', 'enumeration', 'bool'] },
    fieldType: {
      enum: [
        'text',
        'textarea',
        'date',
        'file',
        'number',
        'select',
        'radio',
        'checkbox',
        'booleancheckbox',
        'calculation_equation',
        'html',
        'phonenumber',
      ],
    },
    groupName: { type: 'string', pattern: '^[a-z0-9]+([_.][a-z0-9]+)*$' },
    options: { type: 'array', items: option },
    hasUniqueValue: { type: 'boolean' },
    readOnlyValue: { type: 'boolean' },
    formField: { type: 'boolean' },
    hidden: { type: 'boolean' },
    calculationFormula: { type: 'string' },
  },
} as const;

const form = { type: 'string', pattern: '^[A-Z][a-z]*( [A-Z][a-z]*)*$', maxLength: 50 } as const;

export const APP_OBJECT_SCHEMA = {
  type: 'object',
  required: [
    'name',
    'description',
    'singularForm',
    'pluralForm',
    'properties',
    'primaryDisplayLabelPropertyName',
    'secondaryDisplayLabelPropertyNames',
    'settings',
  ],
  additionalProperties: false,
  properties: {
    name: { type: 'string', pattern: UPPER_SNAKE },
    appPrefix: { type: 'string', minLength: 1 },
    description: { type: 'string', minLength: 1, maxLength: 72 },
    singularForm: form,
    pluralForm: form,
    properties: { type: 'array', minItems: 1, items: property },
    propertyGroups: {
      type: 'array',
      items: {
        type: 'object',
        required: ['name', 'label'],
        additionalProperties: false,
        properties: {
          name: { type: 'string', pattern: '^[a-z0-9]+([_.][a-z0-9]+)*$' },
          label: { type: 'string', minLength: 1 },
        },
      },
    },
    primaryDisplayLabelPropertyName: { type: 'string', pattern: LOWER_SNAKE },
    secondaryDisplayLabelPropertyNames: {
      type: 'array',
      maxItems: 2,
      items: { type: 'string', pattern: LOWER_SNAKE },
    },
    defaultCreateFormFields: {
      type: 'array',
      items: {
        type: 'object',
        required: ['propertyName'],
        properties: {
          propertyName: { type: 'string' },
          isRequired: { type: 'boolean' },
          isRemovable: { type: 'boolean' },
        },
      },
    },
    settings: {
      type: 'object',
      required: ['hasRecordPage', 'allowsUserCreatedRecords', 'hasEngagements'],
      additionalProperties: false,
      properties: {
        hasRecordPage: { type: 'boolean' },
        allowsUserCreatedRecords: { type: 'boolean' },
        hasEngagements: { type: 'boolean' },
      },
    },
  },
} as const;

export const APP_OBJECT_ASSOCIATION_SCHEMA = {
  type: 'object',
  required: ['firstObjectType', 'secondObjectType'],
  additionalProperties: false,
  properties: {
    firstObjectType: { type: 'string', minLength: 1 },
    secondObjectType: { type: 'string', minLength: 1 },
  },
} as const;

/**
 * An app function (`app/functions/*-hsmeta.json`), from HubSpot's serverless functions reference
 * for 2026.03 (…/add-features/serverless-functions/reference) and the 2026.03 templates
 * (components/functions-private and functions-endpoint in HubSpot/hubspot-project-components). A
 * STAND-IN like the others. The reference's table calls the endpoint's method `method` (one
 * string) while the template writes `methods` (a list); both are accepted.
 */
export const APP_FUNCTION_SCHEMA = {
  type: 'object',
  required: ['entrypoint'],
  additionalProperties: false,
  properties: {
    // Relative to the project's srcDir, with a leading slash, as the templates write it.
    entrypoint: { type: 'string', pattern: '^/app/functions/[^/]+\\.(js|cjs|mjs|ts)$' },
    secretKeys: { type: 'array', items: { type: 'string', pattern: '^[A-Za-z_][A-Za-z0-9_]*$' } },
    endpoint: {
      type: 'object',
      required: ['path'],
      additionalProperties: false,
      properties: {
        path: { type: 'string', minLength: 1 },
        method: { enum: ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'] },
        methods: {
          type: 'array',
          minItems: 1,
          items: { enum: ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'] },
        },
      },
    },
  },
} as const;

/**
 * A card (`app/cards/*-hsmeta.json`), from HubSpot's app cards reference for 2026.03
 * (…/add-features/ui-extensibility/app-cards) and the 2026.03 templates (components/cards and
 * private-app-get-started-template in HubSpot/hubspot-project-components). A STAND-IN like the
 * others. The templates name standard objects both ways (`contacts`, `CONTACT`); both are
 * accepted, and app objects by their name.
 */
export const CARD_SCHEMA = {
  type: 'object',
  required: ['name', 'location', 'objectTypes', 'entrypoint'],
  additionalProperties: false,
  properties: {
    name: { type: 'string', minLength: 1, maxLength: 200 },
    description: { type: 'string', maxLength: 500 },
    location: {
      enum: ['crm.record.tab', 'crm.record.sidebar', 'crm.preview', 'helpdesk.sidebar'],
    },
    objectTypes: {
      type: 'array',
      minItems: 1,
      items: {
        anyOf: [
          { enum: ['contacts', 'companies', 'deals', 'tickets'] },
          { enum: ['CONTACT', 'COMPANY', 'DEAL', 'TICKET'] },
          { type: 'string', pattern: UPPER_SNAKE },
        ],
      },
    },
    // Relative to the project's srcDir, with a leading slash, as the templates write it.
    entrypoint: { type: 'string', pattern: '^/app/cards/[^/]+\\.(js|jsx|ts|tsx)$' },
  },
} as const;

/**
 * The app's settings page (`app/settings/*-hsmeta.json`), from HubSpot's "Create a settings
 * page" guide for 2025.2 and 2026.03 (…/add-features/ui-extensions/extension-points/
 * create-a-settings-page). A STAND-IN like the others: a name, and the entry file like a card's.
 */
export const SETTINGS_SCHEMA = {
  type: 'object',
  required: ['name', 'entrypoint'],
  additionalProperties: false,
  properties: {
    name: { type: 'string', minLength: 1, maxLength: 200 },
    // Relative to the project's srcDir, with a leading slash, as for cards.
    entrypoint: { type: 'string', pattern: '^/app/settings/[^/]+\\.(js|jsx|ts|tsx)$' },
  },
} as const;

/**
 * Keyed by the library's internal component types (`mapToInternalType`). A type missing here is
 * refused by the library as "Unsupported type", as HubSpot refuses a type it does not know.
 */
export const COMPONENT_SCHEMAS = {
  APPLICATION: APPLICATION_SCHEMA,
  APP_FUNCTION: APP_FUNCTION_SCHEMA,
  APP_OBJECT: APP_OBJECT_SCHEMA,
  APP_OBJECT_ASSOCIATION: APP_OBJECT_ASSOCIATION_SCHEMA,
  CARD: CARD_SCHEMA,
  SETTINGS: SETTINGS_SCHEMA,
  WEBHOOKS: WEBHOOKS_SCHEMA,
  WORKFLOW_ACTION: WORKFLOW_ACTION_SCHEMA,
} as const;
