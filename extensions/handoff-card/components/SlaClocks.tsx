// The SLA clocks with their due times, and the alerts of the ones at risk or breached.
import {
  Alert,
  Flex,
  StatusTag,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableHeader,
  TableRow,
} from '@hubspot/ui-extensions';
import { CLOCK_STATUS, formatInstant } from '../card-text';
import type { HandoffView } from '../card-types';

export function SlaClocks({ handoff }: { handoff: HandoffView }) {
  return (
    <Flex direction="column" gap="small">
      {handoff.alerts
        .filter((alert) => alert.kind !== 'reminder')
        .map((alert) => (
          <Alert
            key={alert.key}
            title={alert.kind === 'breached' ? 'SLA breached' : 'SLA at risk'}
            variant={alert.kind === 'breached' ? 'danger' : 'warning'}
          >
            {alert.message}
          </Alert>
        ))}
      <Table bordered density="condensed" testId="sla-clocks">
        <TableHead>
          <TableRow>
            <TableHeader>Clock</TableHeader>
            <TableHeader>Status</TableHeader>
            <TableHeader>Due</TableHeader>
            <TableHeader>Done</TableHeader>
          </TableRow>
        </TableHead>
        <TableBody>
          {handoff.clocks.map((clock) => (
            <TableRow key={clock.name}>
              <TableCell>{clock.label}</TableCell>
              <TableCell>
                <StatusTag variant={CLOCK_STATUS[clock.status].variant}>
                  {CLOCK_STATUS[clock.status].label}
                </StatusTag>
              </TableCell>
              <TableCell>{formatInstant(clock.dueAt)}</TableCell>
              <TableCell>{formatInstant(clock.doneAt)}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </Flex>
  );
}
