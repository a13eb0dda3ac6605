// A workflow action definition (workflows/*.action.ts) as HubSpot's 2026.03 project component
// `app/workflow-actions/*-hsmeta.json` (`type: workflow-action`).
//
// The format follows HubSpot's custom workflow actions page for the developer platform
// (developers.hubspot.com/docs/apps/developer-platform/add-features/custom-workflow-actions),
// the 2026.03 template in HubSpot/hubspot-project-components
// (2026.03/components/workflow-actions/…/workflow-actions-hsmeta.json), and, for the keys that
// template leaves out (`outputFields`, `executionRules`, `labels.<locale>.outputFieldLabels` and
// `.executionRules`), the action definition of the automation actions API that the component is
// registered through (`PublicActionDefinitionEgg` in @hubspot/api-client 14).
// - `actionUrl`, `supportedClients` and `labels.en` are required;
// - an output field is `{ typeDefinition: { name, type, fieldType, options? } }`; the response's
//   `outputFields` object carries the values, plus HubSpot's `hs_execution_state`;
// - an execution rule matches output field values (`conditions`) and names a message in
//   `labels.<locale>.executionRules`, where `{{ field }}` is replaced by that field's value.
import type {
  ActionLabels,
  EnumerationOutputField,
  NumberOutputField,
  WorkflowObjectType,
} from '../../../workflows/workflow-action-definition';
import { backendUrl } from './public-url';

export interface ActionTypeDefinition {
  name: string;
  type: 'number' | 'enumeration';
  fieldType: 'number' | 'select';
  options?: { value: string; label: string }[];
}

export interface ActionLabelsMeta {
  actionName: string;
  actionDescription: string;
  actionCardContent: string;
  appDisplayName: string;
  outputFieldLabels: Record<string, string>;
  executionRules: Record<string, string>;
}

export interface WorkflowActionMeta {
  uid: string;
  type: 'workflow-action';
  config: {
    actionUrl: string;
    isPublished: boolean;
    supportedClients: { client: 'WORKFLOWS' }[];
    objectTypes: WorkflowObjectType[];
    /** Empty: the enrolled deal is all the action needs. */
    inputFields: never[];
    outputFields: { typeDefinition: ActionTypeDefinition }[];
    executionRules: { labelName: string; conditions: Record<string, string> }[];
    labels: Record<string, ActionLabelsMeta>;
  };
}

type AnyLabels = ActionLabels<Record<string, unknown>, string>;

/** Any `WorkflowActionDefinition`, seen from here: its fields' names no longer matter. */
export interface AnyWorkflowActionDefinition {
  uid: string;
  path: string;
  objectTypes: readonly WorkflowObjectType[];
  published: boolean;
  outputFields: Record<string, NumberOutputField | EnumerationOutputField>;
  messagesBy: string;
  labels: { en: AnyLabels } & Record<string, AnyLabels>;
}

function labelsMeta(labels: AnyLabels): ActionLabelsMeta {
  return {
    actionName: labels.actionName,
    actionDescription: labels.actionDescription,
    actionCardContent: labels.actionCardContent,
    appDisplayName: labels.appDisplayName,
    outputFieldLabels: { ...labels.outputFields },
    executionRules: { ...labels.executionMessages },
  };
}

/** The component for `definition`, calling the backend at `publicUrl`. */
export function workflowActionMeta(
  definition: AnyWorkflowActionDefinition,
  publicUrl: string,
): WorkflowActionMeta {
  const outputFields = Object.entries(definition.outputFields).map(([name, field]) => ({
    typeDefinition:
      field.type === 'number'
        ? { name, type: field.type, fieldType: 'number' as const }
        : {
            name,
            type: field.type,
            fieldType: 'select' as const,
            options: field.options.map(({ value, label }) => ({ value, label })),
          },
  }));
  // One rule per message: the rule is named after the value it matches.
  const messages = Object.keys(definition.labels.en.executionMessages);
  return {
    uid: definition.uid,
    type: 'workflow-action',
    config: {
      actionUrl: backendUrl(publicUrl, definition.path),
      isPublished: definition.published,
      supportedClients: [{ client: 'WORKFLOWS' }],
      objectTypes: [...definition.objectTypes],
      inputFields: [],
      outputFields,
      executionRules: messages.map((value) => ({
        labelName: value,
        conditions: { [definition.messagesBy]: value },
      })),
      labels: Object.fromEntries(
        Object.entries(definition.labels).map(([locale, labels]) => [locale, labelsMeta(labels)]),
      ),
    },
  };
}
