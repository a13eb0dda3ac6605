// The holidays business-day clocks skip: listed by date, each removable, a new one picked from a
// calendar. A date listed twice, or one that is no date (from a policy file), is named beside the
// list as the user adds it.
import { useState } from 'react';
import {
  Button,
  DateInput,
  Flex,
  Table,
  TableBody,
  TableCell,
  TableRow,
  Text,
} from '@hubspot/ui-extensions';
import { problemsUnder } from '../settings-draft';
import { HOLIDAY_FIELDS, WEEKDAYS, sentence } from '../settings-text';
import { type SectionProps, problemProps } from './fields';

interface PickedDate {
  year: number;
  /** 0 = January, as HubSpot's DateInput counts. */
  month: number;
  date: number;
}

const pad = (n: number) => String(n).padStart(2, '0');

function isoDate({ year, month, date }: PickedDate): string {
  return `${year}-${pad(month + 1)}-${pad(date)}`;
}

function weekday(iso: string): string {
  const day = new Date(`${iso}T00:00:00Z`);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(iso) || Number.isNaN(day.getTime())) return '';
  return WEEKDAYS[(day.getUTCDay() + 6) % 7]!;
}

export function HolidaySettings({ names, errors, editable, edit }: SectionProps) {
  const { holidays } = names.draft;
  const [picked, setPicked] = useState<PickedDate | null>(null);
  // Shown by date; each keeps its index in the settings, which its problems are named by.
  const listed = holidays
    .map((date, index) => ({ date, index }))
    .sort((a, b) => a.date.localeCompare(b.date) || a.index - b.index);
  const problems = problemsUnder(errors, 'holidays').map((error) => {
    const date = /^holidays\[(\d+)\]/.exec(error.path);
    const value = date ? holidays[Number(date[1])] : undefined;
    return sentence(value === undefined ? error.message : `${value}: ${error.message}`);
  });
  const message = problems.length > 0 ? problems.join(' ') : undefined;

  return (
    <Flex direction="column" gap="small" testId="holidays">
      <Text format={{ fontWeight: 'demibold' }}>{HOLIDAY_FIELDS.heading}</Text>
      <Text variant="microcopy">{HOLIDAY_FIELDS.note}</Text>
      {listed.length === 0 ? (
        <Text>{HOLIDAY_FIELDS.none}</Text>
      ) : (
        <Table bordered={true}>
          <TableBody>
            {listed.map(({ date, index }) => (
              <TableRow key={`${date}:${index}`}>
                <TableCell>
                  <Text testId={`holiday:${index}`}>{date}</Text>
                </TableCell>
                <TableCell>{weekday(date)}</TableCell>
                {editable ? (
                  <TableCell>
                    <Button
                      testId={`remove-holiday:${index}`}
                      variant="transparent"
                      onClick={() =>
                        edit((d) => {
                          d.holidays.splice(index, 1);
                        })
                      }
                    >
                      {HOLIDAY_FIELDS.remove(date)}
                    </Button>
                  </TableCell>
                ) : null}
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
      {editable ? (
        <Flex direction="row" gap="small" align="end">
          <DateInput
            name="holidays"
            label={HOLIDAY_FIELDS.pick}
            format="YYYY-MM-DD"
            value={picked ?? undefined}
            onChange={(value) => setPicked(value ?? null)}
            {...problemProps(message)}
          />
          <Button
            testId="add-holiday"
            disabled={picked === null}
            onClick={() => {
              if (picked === null) return;
              edit((d) => {
                d.holidays = [...d.holidays, isoDate(picked)].sort();
              });
              setPicked(null);
            }}
          >
            {HOLIDAY_FIELDS.add}
          </Button>
        </Flex>
      ) : message ? (
        <Text>{message}</Text>
      ) : null}
    </Flex>
  );
}
