// How every template's clocks count: calendar hours or business days (with the working days and
// their time zone and holidays), when a clock turns at risk, and when the AE is reminded of the
// meeting.
import {
  Flex,
  Heading,
  Input,
  NumberInput,
  Select,
  Text,
  ToggleGroup,
} from '@hubspot/ui-extensions';
import { messageFor } from '../settings-draft';
import { CALENDAR_FIELDS, SECTIONS, TIME_BASES, WEEKDAYS } from '../settings-text';
import type { PortalSettings } from '../settings-types';
import type { SectionProps } from './fields';
import { HolidaySettings } from './HolidaySettings';

/** The policy keeps a fraction; people think in percent. */
const AT_RISK_PROBLEM = 'Expected a percentage above 0 and below 100.';

export function CalendarSettings(props: SectionProps) {
  const { names, errors, editable, edit } = props;
  const { draft } = names;
  const problem = (path: string) => messageFor(errors, path, names);
  const atRisk = problem('atRiskRatio');
  return (
    <Flex direction="column" gap="small">
      <Heading>{SECTIONS.calendar}</Heading>
      <Text>{SECTIONS.calendarNote}</Text>
      <Select
        name="timeBasis"
        label={CALENDAR_FIELDS.timeBasis}
        options={TIME_BASES}
        value={draft.timeBasis}
        readOnly={!editable}
        onChange={(value) =>
          edit((d) => {
            d.timeBasis = String(value) as PortalSettings['timeBasis'];
          })
        }
      />
      <NumberInput
        name="atRiskRatio"
        label={CALENDAR_FIELDS.atRiskPercent}
        value={Number.isFinite(draft.atRiskRatio) ? Math.round(draft.atRiskRatio * 100) : undefined}
        min={1}
        max={99}
        readOnly={!editable}
        onChange={(value) =>
          edit((d) => {
            d.atRiskRatio = value / 100;
          })
        }
        error={atRisk !== undefined}
        validationMessage={atRisk === undefined ? undefined : AT_RISK_PROBLEM}
      />
      <NumberInput
        name="meetingReminderHours"
        label={CALENDAR_FIELDS.meetingReminderHours}
        value={draft.meetingReminderHours}
        min={0}
        readOnly={!editable}
        onChange={(value) =>
          edit((d) => {
            d.meetingReminderHours = value;
          })
        }
        error={problem('meetingReminderHours') !== undefined}
        validationMessage={problem('meetingReminderHours')}
      />
      <Input
        name="timeZone"
        label={CALENDAR_FIELDS.timeZone}
        description={CALENDAR_FIELDS.timeZoneNote}
        value={draft.timeZone}
        readOnly={!editable}
        onInput={(value) =>
          edit((d) => {
            d.timeZone = value.trim();
          })
        }
        error={problem('timeZone') !== undefined}
        validationMessage={problem('timeZone')}
      />
      <ToggleGroup
        toggleType="checkboxList"
        name="workingDays"
        label={CALENDAR_FIELDS.workingDays}
        inline={true}
        options={WEEKDAYS.map((label, index) => ({
          label,
          value: String(index + 1),
          readOnly: !editable,
        }))}
        value={draft.workingDays.map(String)}
        onChange={(values) =>
          edit((d) => {
            d.workingDays = values.map(Number).sort((a, b) => a - b);
          })
        }
        error={problem('workingDays') !== undefined}
        validationMessage={problem('workingDays')}
      />
      <HolidaySettings {...props} />
    </Flex>
  );
}
