// The shape of a custom workflow action as Baton defines it: what the workflow editor shows, the
// backend endpoint HubSpot posts to, and the output fields a workflow can branch on, each typed
// from the value the backend answers with. src/crm/hubspot/workflow-action-meta.ts turns one
// into HubSpot's `workflow-action` component.

/** Standard objects a workflow can enroll, as HubSpot names them in `objectTypes`. */
export type WorkflowObjectType = 'CONTACT' | 'COMPANY' | 'DEAL' | 'TICKET';

export interface ActionOption<V extends string = string> {
  value: V;
  label: string;
}

export interface NumberOutputField {
  type: 'number';
}

export interface EnumerationOutputField {
  type: 'enumeration';
  /** Every value the backend can answer with, in the order the workflow editor lists them. */
  options: readonly ActionOption[];
}

/**
 * A number the backend may leave empty (`null`) is a number field; a string is an enumeration,
 * so that a workflow can branch on it value by value rather than on free text.
 */
export type OutputFieldFor<V> = [V] extends [number | null]
  ? NumberOutputField
  : [V] extends [string]
    ? EnumerationOutputField
    : never;

/** What one language says; `en` is required by HubSpot, other locales are optional. */
export interface ActionLabels<Outputs, Outcome extends string> {
  actionName: string;
  actionDescription: string;
  /** Shown on the action's card in a workflow, once added. */
  actionCardContent: string;
  appDisplayName: string;
  outputFields: Record<keyof Outputs & string, string>;
  /** Shown in the workflow's history for each value of the definition's `messagesBy` field. */
  executionMessages: Record<Outcome, string>;
}

export interface WorkflowActionDefinition<
  Outputs extends Record<string, unknown>,
  Outcome extends string,
> {
  /** The component's uid (src/crm/objects/universal-identifiers.ts): never changes once shipped. */
  uid: string;
  /** The backend endpoint HubSpot posts to, relative to the public URL. */
  path: string;
  objectTypes: readonly WorkflowObjectType[];
  /** Visible in the accounts that installed the app (HubSpot's default is false). */
  published: boolean;
  outputFields: { [K in keyof Outputs & string]: OutputFieldFor<Outputs[K]> };
  /** The output field whose value picks the execution message. */
  messagesBy: keyof Outputs & string;
  labels: { en: ActionLabels<Outputs, Outcome> } & Record<string, ActionLabels<Outputs, Outcome>>;
}
