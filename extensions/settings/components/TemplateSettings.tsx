// One tab per handoff type: its name and the names of its two sides, the minimum completeness to
// submit and the required items (from the core's catalogue); then its clocks, meeting, task plan
// and who approves and arbitrates, each a section of its own.
import {
  Flex,
  Heading,
  Input,
  MultiSelect,
  NumberInput,
  Tab,
  Tabs,
  Text,
} from '@hubspot/ui-extensions';
import { messageFor } from '../settings-draft';
import { SECTIONS, TEMPLATE_FIELDS } from '../settings-text';
import { ClockSettings } from './ClockSettings';
import { type SectionProps, type TemplateSectionProps, problemProps } from './fields';
import { MeetingSettings } from './MeetingSettings';
import { ReviewSettings } from './ReviewSettings';
import { TaskPlanSettings } from './TaskPlanSettings';

export function TemplateSettings(props: SectionProps) {
  const { catalogue, draft } = props.names;
  return (
    <Flex direction="column" gap="small">
      <Heading>{SECTIONS.templates}</Heading>
      <Text>{SECTIONS.templatesNote}</Text>
      <Tabs defaultSelected={catalogue.handoffTypes[0]}>
        {catalogue.handoffTypes.map((type) => (
          <Tab key={type} tabId={type} title={draft.templates[type].label || type}>
            <TemplateForm type={type} {...props} />
          </Tab>
        ))}
      </Tabs>
    </Flex>
  );
}

type LabelField = 'label' | 'senderLabel' | 'receiverLabel';

const LABELS: { field: LabelField; note?: string }[] = [
  { field: 'label' },
  { field: 'senderLabel', note: TEMPLATE_FIELDS.senderLabelNote },
  { field: 'receiverLabel', note: TEMPLATE_FIELDS.receiverLabelNote },
];

function TemplateForm(props: TemplateSectionProps) {
  const { type, names, errors, editable, edit } = props;
  const { catalogue, draft } = names;
  const template = draft.templates[type];
  const at = (field: string) => `templates.${type}.${field}`;
  const problem = (path: string) => messageFor(errors, path, names);
  const itemOptions = catalogue.items.map((item) => ({
    label: `${item.category}: ${item.label}`,
    value: item.path,
  }));

  return (
    <Flex direction="column" gap="small" testId={`template:${type}`}>
      {LABELS.map(({ field, note }) => (
        <Input
          key={field}
          name={at(field)}
          label={TEMPLATE_FIELDS[field]}
          description={note}
          value={template[field]}
          readOnly={!editable}
          onInput={(value) =>
            edit((d) => {
              d.templates[type][field] = value;
            })
          }
          {...problemProps(problem(at(field)))}
        />
      ))}
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
        {...problemProps(problem(at('minimumCompleteness')))}
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
        {...problemProps(problem(at('requiredItems')))}
      />
      <ClockSettings {...props} />
      <MeetingSettings {...props} />
      <TaskPlanSettings {...props} />
      <ReviewSettings {...props} />
    </Flex>
  );
}
