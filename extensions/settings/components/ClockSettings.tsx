// The SLA clocks of one handoff type: each switched on or off (a clock that is off is absent from
// the template's `sla`), and for one that is on, its window (in hours, or business days when the
// policy counts them) and the moment it is counted from.
import { Flex, NumberInput, Select, Text, Toggle } from '@hubspot/ui-extensions';
import { messageFor } from '../settings-draft';
import { ANCHOR_LABELS, CLOCK_FIELDS, TEMPLATE_FIELDS, windowUnit } from '../settings-text';
import { type TemplateSectionProps, hoursPerUnit, problemProps } from './fields';

export function ClockSettings({ type, names, errors, editable, edit }: TemplateSectionProps) {
  const { catalogue, draft } = names;
  const unit = windowUnit(draft.timeBasis);
  const perUnit = hoursPerUnit(draft.timeBasis);
  const problem = (path: string) => messageFor(errors, path, names);
  return (
    <Flex direction="column" gap="small" testId={`clocks:${type}`}>
      <Text format={{ fontWeight: 'demibold' }}>{`${TEMPLATE_FIELDS.sla} (${unit})`}</Text>
      <Text variant="microcopy">{TEMPLATE_FIELDS.slaNote}</Text>
      {catalogue.clocks.map((clock) => {
        const at = `templates.${type}.sla.${clock.name}`;
        const window = draft.templates[type].sla[clock.name];
        const anchors = catalogue.anchors.map((anchor) => ({
          label:
            anchor === clock.defaultAnchor
              ? `${ANCHOR_LABELS[anchor]} (default)`
              : ANCHOR_LABELS[anchor],
          value: anchor,
        }));
        return (
          <Flex key={clock.name} direction="column" gap="extra-small">
            <Toggle
              name={at}
              label={clock.label}
              size="sm"
              checked={window !== undefined}
              readOnly={!editable}
              onChange={(on) =>
                edit((d) => {
                  if (on) d.templates[type].sla[clock.name] = { hours: clock.defaultHours };
                  else delete d.templates[type].sla[clock.name];
                })
              }
            />
            {window ? (
              <Flex direction="row" gap="small">
                <NumberInput
                  name={`${at}.hours`}
                  label={`${clock.label} (${unit})`}
                  value={Number.isFinite(window.hours) ? window.hours / perUnit : undefined}
                  min={0}
                  readOnly={!editable}
                  onChange={(value) =>
                    edit((d) => {
                      d.templates[type].sla[clock.name]!.hours = value * perUnit;
                    })
                  }
                  {...problemProps(problem(`${at}.hours`))}
                />
                <Select
                  name={`${at}.from`}
                  label={CLOCK_FIELDS.from(clock.label)}
                  options={anchors}
                  value={window.from ?? clock.defaultAnchor}
                  readOnly={!editable}
                  onChange={(value) =>
                    edit((d) => {
                      const edited = d.templates[type].sla[clock.name]!;
                      // The default anchor is left implicit, as the policy files write it.
                      if (value === clock.defaultAnchor) delete edited.from;
                      else edited.from = value as typeof clock.defaultAnchor;
                    })
                  }
                  {...problemProps(problem(`${at}.from`))}
                />
              </Flex>
            ) : null}
          </Flex>
        );
      })}
    </Flex>
  );
}
