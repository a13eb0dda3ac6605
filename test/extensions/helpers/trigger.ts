// `trigger(event, arg)` of @hubspot/ui-extensions/testing 0.17 types `arg` as the handler
// itself, while at run time it is the value the handler receives; type what a person types,
// choose what a person chooses.
import type {
  InputProps,
  MultiSelectProps,
  SelectProps,
  TextAreaProps,
} from '@hubspot/ui-extensions';
import type { RenderedElementNode } from '@hubspot/ui-extensions/testing';

type TypedNode = RenderedElementNode<TextAreaProps> | RenderedElementNode<InputProps>;

export function typeInto(node: TypedNode, value: string): void {
  (node as RenderedElementNode<TextAreaProps>).trigger(
    'onInput',
    value as unknown as (value: string) => void,
  );
}

export function choose(node: RenderedElementNode<SelectProps>, value: string): void {
  node.trigger('onChange', value as unknown as NonNullable<SelectProps['onChange']>);
}

export function chooseMany(node: RenderedElementNode<MultiSelectProps>, values: string[]): void {
  node.trigger('onChange', values as unknown as MultiSelectProps['onChange']);
}
