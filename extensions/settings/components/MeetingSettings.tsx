// Who must attend one handoff type's internal handoff meeting: always, and also on a strategic
// deal. The meeting's quality points count who of them attended (PROTOCOL.md section 4).
import { Flex, MultiSelect } from '@hubspot/ui-extensions';
import { messageFor } from '../settings-draft';
import { TEMPLATE_FIELDS } from '../settings-text';
import type { HandoffTemplate } from '../settings-types';
import { type TemplateSectionProps, problemProps } from './fields';

type ParticipantList = 'requiredParticipants' | 'strategicParticipants';

const LISTS: { list: ParticipantList; note?: string }[] = [
  { list: 'requiredParticipants', note: TEMPLATE_FIELDS.requiredParticipantsNote },
  { list: 'strategicParticipants' },
];

export function MeetingSettings({ type, names, errors, editable, edit }: TemplateSectionProps) {
  const { catalogue, draft } = names;
  const options = catalogue.participants.map(({ participant, label }) => ({
    label,
    value: participant,
  }));
  return (
    <Flex direction="column" gap="small" testId={`meeting:${type}`}>
      {LISTS.map(({ list, note }) => {
        const path = `templates.${type}.${list}`;
        return (
          <MultiSelect
            key={list}
            name={path}
            label={TEMPLATE_FIELDS[list]}
            description={note}
            options={options}
            value={draft.templates[type][list]}
            readOnly={!editable}
            onChange={(values) =>
              edit((d) => {
                d.templates[type][list] = values.map(String) as HandoffTemplate[ParticipantList];
              })
            }
            {...problemProps(messageFor(errors, path, names))}
          />
        );
      })}
    </Flex>
  );
}
