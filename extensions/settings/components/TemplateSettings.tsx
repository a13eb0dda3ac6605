// One tab per handoff type: the minimum completeness to submit, the required items (from the
// core's catalogue), the window of each SLA clock the template runs (in hours or business days,
// as the policy counts), and the roles that must approve before the handoff starts.
import { Flex, Heading, MultiSelect, NumberInput, Tab, Tabs, Text } from '@hubspot/ui-extensions';
import { messageFor } from '../settings-draft';
import { SECTIONS, TEMPLATE_FIELDS, windowUnit } from '../settings-text';
import type { HandoffType } from '../settings-types';
import { type SectionProps, capitalized } from './fields';

export function TemplateSettings(props: SectionProps) {
  const { catalogue, draft } = props.names;
  return (
    <Flex direction="column" gap="small">
      <Heading>{SECTIONS.templates}</Heading>
      <Text>{SECTIONS.templatesNote}</Text>
      <Tabs defaultSelected={catalogue.handoffTypes[0]}>
        {catalogue.handoffTypes.map((type) => (
          <Tab key={type} tabId={type} title={draft.templates[type].label}>
            <TemplateForm type={type} {...props} />
          </Tab>
        ))}
      </Tabs>
    </Flex>
  );
}

function TemplateForm({
  type,
  names,
  errors,
  editable,
  edit,
}: SectionProps & { type: HandoffType }) {
  const { catalogue, draft } = names;
  const template = draft.templates[type];
  const at = (field: string) => `templates.${type}.${field}`;
  const problem = (path: string) => messageFor(errors, path, names);
  const unit = windowUnit(draft.timeBasis);
  const hoursPer = draft.timeBasis === 'business_days' ? 24 : 1;
  const itemOptions = catalogue.items.map((item) => ({
    label: `${item.category}: ${item.label}`,
    value: item.path,
  }));
  const roleOptions = catalogue.roles.map(({ role, label }) => ({
    label: capitalized(label),
    value: role,
  }));
  const clocks = catalogue.clocks.filter((clock) => template.sla[clock.name] !== undefined);

  return (
    <Flex direction="column" gap="small" testId={`template:${type}`}>
      <NumberInput
        name={at('minimumCompleteness')}
        label={TEMPLATE_FIELDS.minimumCompleteness}
        description={TEMPLATE_FIELDS.minimumCompletenessNote}
        value={template.minimumCompleteness}
        min={0}
        max={100}
        readOnly={!editable}
        onChange={(value) =>
          edit((d) => {
            d.templates[type].minimumCompleteness = value;
          })
        }
        error={problem(at('minimumCompleteness')) !== undefined}
        validationMessage={problem(at('minimumCompleteness'))}
      />
      <MultiSelect
        name={at('requiredItems')}
        label={TEMPLATE_FIELDS.requiredItems}
        description={TEMPLATE_FIELDS.requiredItemsNote}
        options={itemOptions}
        value={template.requiredItems}
        readOnly={!editable}
        onChange={(values) =>
          edit((d) => {
            d.templates[type].requiredItems = values.map(String);
          })
        }
        error={problem(at('requiredItems')) !== undefined}
        validationMessage={problem(at('requiredItems'))}
      />
      <Text format={{ fontWeight: 'demibold' }}>{`${TEMPLATE_FIELDS.sla} (${unit})`}</Text>
      {clocks.map((clock) => {
        const path = at(`sla.${clock.name}.hours`);
        const hours = template.sla[clock.name]!.hours;
        return (
          <NumberInput
            key={clock.name}
            name={path}
            label={`${clock.label} (${unit})`}
            value={Number.isFinite(hours) ? hours / hoursPer : undefined}
            min={0}
            readOnly={!editable}
            onChange={(value) =>
              edit((d) => {
                d.templates[type].sla[clock.name]!.hours = value * hoursPer;
              })
            }
            error={problem(path) !== undefined}
            validationMessage={problem(path)}
          />
        );
      })}
      <MultiSelect
        name={at('approverRoles')}
        label={TEMPLATE_FIELDS.approverRoles}
        description={TEMPLATE_FIELDS.approverRolesNote}
        options={roleOptions}
        value={template.approverRoles}
        readOnly={!editable}
        onChange={(values) =>
          edit((d) => {
            d.templates[type].approverRoles = values.map(String) as typeof template.approverRoles;
          })
        }
        error={problem(at('approverRoles')) !== undefined}
        validationMessage={problem(at('approverRoles'))}
      />
    </Flex>
  );
}
