// JSON schemas of the app, webhooks and workflow-action components, standing in offline for the
// ones @hubspot/project-parsing-lib fetches from HubSpot (see validate-project.ts). They are
// ours, not HubSpot's: written from HubSpot's documentation, and no stricter than it except
// that unknown keys are refused, so a misspelt key cannot slip into a generated file.
//
// Sources: the app configuration reference
// (developers.hubspot.com/docs/apps/developer-platform/build-apps/app-configuration: name up to
// 200 characters, description up to 8192, distribution, auth), its scopes page (required,
// conditionally required and optional scopes), its webhooks page (…/add-features/
// configure-webhooks: settings.targetUrl and maxConcurrentRequests, subscriptions in crmObjects,
// legacyCrmObjects and hubEvents), its custom workflow actions page (…/add-features/
// custom-workflow-actions: actionUrl, supportedClients and labels.en required), the 2026.03
// templates in HubSpot/hubspot-project-components, and for a workflow action's output fields and
// execution rules the automation actions API definition (`PublicActionDefinitionEgg` and
// `FieldTypeDefinition` in @hubspot/api-client 14), through which the component is registered.

const url = { type: 'string', format: 'uri', pattern: '^https?://' } as const;
const strings = { type: 'array', items: { type: 'string', minLength: 1 } } as const;
const stringMap = { type: 'object', additionalProperties: { type: 'string' } } as const;

export const APPLICATION_SCHEMA = {
  type: 'object',
  required: ['name', 'description', 'distribution', 'auth'],
  additionalProperties: false,
  properties: {
    name: { type: 'string', minLength: 1, maxLength: 200, pattern: '^\\S(.*\\S)?$' },
    description: { type: 'string', minLength: 1, maxLength: 8192 },
    distribution: { enum: ['marketplace', 'private'] },
    auth: {
      type: 'object',
      required: ['type', 'requiredScopes'],
      additionalProperties: false,
      properties: {
        type: { enum: ['oauth', 'static'] },
        redirectUrls: { type: 'array', items: url },
        requiredScopes: strings,
        optionalScopes: strings,
        conditionallyRequiredScopes: strings,
      },
      // An OAuth app must say where HubSpot sends the installing user back to.
      if: { properties: { type: { const: 'oauth' } } },
      then: { required: ['redirectUrls'], properties: { redirectUrls: { minItems: 1 } } },
    },
    permittedUrls: {
      type: 'object',
      additionalProperties: false,
      properties: {
        fetch: { type: 'array', items: url },
        iframe: { type: 'array', items: url },
        img: { type: 'array', items: url },
      },
    },
    support: {
      type: 'object',
      additionalProperties: false,
      properties: {
        supportEmail: { type: 'string', format: 'email' },
        documentationUrl: url,
        supportUrl: url,
        supportPhone: { type: 'string' },
      },
    },
  },
} as const;

const subscription = (required: readonly string[]) =>
  ({
    type: 'object',
    required: ['subscriptionType', ...required],
    additionalProperties: false,
    properties: {
      subscriptionType: { type: 'string', minLength: 1 },
      objectType: { type: 'string', minLength: 1 },
      propertyName: { type: 'string', minLength: 1 },
      active: { type: 'boolean' },
    },
  }) as const;

export const WEBHOOKS_SCHEMA = {
  type: 'object',
  required: ['settings', 'subscriptions'],
  additionalProperties: false,
  properties: {
    settings: {
      type: 'object',
      required: ['targetUrl', 'maxConcurrentRequests'],
      additionalProperties: false,
      properties: {
        targetUrl: url,
        maxConcurrentRequests: { type: 'integer', minimum: 1 },
      },
    },
    subscriptions: {
      type: 'object',
      additionalProperties: false,
      minProperties: 1,
      properties: {
        // The current format (`object.*`) names the object in `objectType`.
        crmObjects: {
          type: 'array',
          items: {
            ...subscription(['objectType']),
            properties: {
              ...subscription([]).properties,
              subscriptionType: { type: 'string', pattern: '^object\\.' },
            },
          },
        },
        legacyCrmObjects: { type: 'array', items: subscription([]) },
        hubEvents: { type: 'array', items: subscription([]) },
      },
    },
  },
} as const;

const FIELD_TYPES = [
  'string',
  'number',
  'bool',
  'datetime',
  'enumeration',
  'date',
  'phone_number',
  'currency_number',
  'json',
  'object_coordinates',
] as const;

const typeDefinition = {
  type: 'object',
  required: ['name', 'type'],
  additionalProperties: false,
  properties: {
    name: { type: 'string', minLength: 1 },
    type: { enum: FIELD_TYPES },
    fieldType: {
      enum: [
        'booleancheckbox',
        'checkbox',
        'date',
        'file',
        'number',
        'phonenumber',
        'radio',
        'select',
        'text',
        'textarea',
        'calculation_equation',
        'html',
      ],
    },
    label: { type: 'string' },
    description: { type: 'string' },
    helpText: { type: 'string' },
    options: {
      type: 'array',
      items: {
        type: 'object',
        required: ['value', 'label'],
        additionalProperties: false,
        properties: {
          value: { type: 'string', minLength: 1 },
          label: { type: 'string', minLength: 1 },
          description: { type: 'string' },
          displayOrder: { type: 'integer' },
          hidden: { type: 'boolean' },
        },
      },
    },
    optionsUrl: url,
    referencedObjectType: { type: 'string' },
    externalOptions: { type: 'boolean' },
  },
  // A workflow branches on an enumeration's options: without them there is nothing to pick.
  if: { properties: { type: { const: 'enumeration' } } },
  then: {
    anyOf: [
      { required: ['options'], properties: { options: { minItems: 1 } } },
      { required: ['optionsUrl'] },
      { required: ['referencedObjectType'] },
    ],
  },
} as const;

const actionLabels = {
  type: 'object',
  required: ['actionName'],
  additionalProperties: false,
  properties: {
    actionName: { type: 'string', minLength: 1 },
    actionDescription: { type: 'string' },
    actionCardContent: { type: 'string' },
    appDisplayName: { type: 'string' },
    inputFieldLabels: stringMap,
    inputFieldDescriptions: stringMap,
    inputFieldOptionLabels: { type: 'object', additionalProperties: stringMap },
    outputFieldLabels: stringMap,
    executionRules: stringMap,
  },
} as const;

export const WORKFLOW_ACTION_SCHEMA = {
  type: 'object',
  required: ['actionUrl', 'supportedClients', 'labels'],
  additionalProperties: false,
  properties: {
    actionUrl: url,
    isPublished: { type: 'boolean' },
    supportedClients: {
      type: 'array',
      minItems: 1,
      items: {
        type: 'object',
        required: ['client'],
        properties: { client: { enum: ['WORKFLOWS', 'AGENTS'] } },
      },
    },
    objectTypes: { type: 'array', items: { type: 'string', minLength: 1 } },
    objectRequestOptions: {
      type: 'object',
      additionalProperties: false,
      properties: { properties: strings },
    },
    inputFields: {
      type: 'array',
      items: {
        type: 'object',
        required: ['typeDefinition', 'supportedValueTypes'],
        additionalProperties: false,
        properties: {
          typeDefinition,
          supportedValueTypes: {
            type: 'array',
            items: { enum: ['STATIC_VALUE', 'OBJECT_PROPERTY'] },
          },
          isRequired: { type: 'boolean' },
        },
      },
    },
    inputFieldDependencies: { type: 'array', items: { type: 'object' } },
    outputFields: {
      type: 'array',
      items: {
        type: 'object',
        required: ['typeDefinition'],
        additionalProperties: false,
        properties: { typeDefinition },
      },
    },
    executionRules: {
      type: 'array',
      items: {
        type: 'object',
        required: ['labelName', 'conditions'],
        additionalProperties: false,
        properties: {
          labelName: { type: 'string', minLength: 1 },
          conditions: { type: 'object' },
        },
      },
    },
    labels: {
      type: 'object',
      required: ['en'],
      additionalProperties: actionLabels,
    },
  },
} as const;
