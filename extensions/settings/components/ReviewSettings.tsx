// Who decides on one handoff type beside its receiver: the roles that approve before it starts,
// the arbiters of a dispute between the sides, and after how many returns it escalates to sales
// leadership (PROTOCOL.md section 6).
import { Flex, MultiSelect, NumberInput } from '@hubspot/ui-extensions';
import { messageFor } from '../settings-draft';
import { TEMPLATE_FIELDS } from '../settings-text';
import type { HandoffTemplate } from '../settings-types';
import { type TemplateSectionProps, capitalized, problemProps } from './fields';

type RoleList = 'approverRoles' | 'arbiterRoles';

const LISTS: { list: RoleList; note: string }[] = [
  { list: 'approverRoles', note: TEMPLATE_FIELDS.approverRolesNote },
  { list: 'arbiterRoles', note: TEMPLATE_FIELDS.arbiterRolesNote },
];

export function ReviewSettings({ type, names, errors, editable, edit }: TemplateSectionProps) {
  const { catalogue, draft } = names;
  const template = draft.templates[type];
  const at = (field: string) => `templates.${type}.${field}`;
  const roleOptions = catalogue.roles.map(({ role, label }) => ({
    label: capitalized(label),
    value: role,
  }));
  return (
    <Flex direction="column" gap="small" testId={`review:${type}`}>
      {LISTS.map(({ list, note }) => (
        <MultiSelect
          key={list}
          name={at(list)}
          label={TEMPLATE_FIELDS[list]}
          description={note}
          options={roleOptions}
          value={template[list]}
          readOnly={!editable}
          onChange={(values) =>
            edit((d) => {
              d.templates[type][list] = values.map(String) as HandoffTemplate[RoleList];
            })
          }
          {...problemProps(messageFor(errors, at(list), names))}
        />
      ))}
      <NumberInput
        name={at('escalateAfterReturns')}
        label={TEMPLATE_FIELDS.escalateAfterReturns}
        description={TEMPLATE_FIELDS.escalateAfterReturnsNote}
        value={template.escalateAfterReturns}
        min={1}
        max={10}
        readOnly={!editable}
        onChange={(value) =>
          edit((d) => {
            d.templates[type].escalateAfterReturns = value;
          })
        }
        {...problemProps(messageFor(errors, at('escalateAfterReturns'), names))}
      />
    </Flex>
  );
}
