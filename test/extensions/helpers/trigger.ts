// `trigger(event, arg)` of @hubspot/ui-extensions/testing 0.17 types `arg` as the handler
// itself, while at run time it is the value the handler receives; type what a person types.
import type { TextAreaProps } from '@hubspot/ui-extensions';
import type { RenderedElementNode } from '@hubspot/ui-extensions/testing';

type TextAreaNode = RenderedElementNode<TextAreaProps>;

export function typeInto(node: TextAreaNode, value: string): void {
  node.trigger('onInput', value as unknown as (value: string) => void);
}
