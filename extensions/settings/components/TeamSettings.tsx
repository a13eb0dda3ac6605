// The CS team, picked from the account's people: its CS managers (approvers and escalation
// targets of the CS side), CSMs (who receive new handoffs) and CS ops; and the sales managers,
// each with the AEs or HubSpot teams they lead, who receive the sales side's escalations.
import {
  Button,
  Flex,
  Heading,
  MultiSelect,
  Select,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableHeader,
  TableRow,
  Text,
} from '@hubspot/ui-extensions';
import { messageFor } from '../settings-draft';
import {
  SALES_MANAGER_FIELDS,
  SECTIONS,
  TEAM_FIELDS,
  type TeamList,
  sentence,
} from '../settings-text';
import { type SectionProps, peopleOptions, teamOptions } from './fields';

const LISTS: TeamList[] = ['csManagers', 'csms', 'csOps'];

export function TeamSettings(props: SectionProps) {
  const { names, errors, editable, edit } = props;
  const { draft, people } = names;
  return (
    <Flex direction="column" gap="small">
      <Heading>{SECTIONS.team}</Heading>
      <Text>{SECTIONS.teamNote}</Text>
      {LISTS.map((list) => {
        const path = `team.${list}`;
        const problem = messageFor(errors, path, names);
        return (
          <MultiSelect
            key={list}
            name={path}
            label={TEAM_FIELDS[list].label}
            description={TEAM_FIELDS[list].note}
            options={peopleOptions(people, draft.team[list])}
            value={draft.team[list]}
            readOnly={!editable}
            onChange={(values) =>
              edit((d) => {
                d.team[list] = values.map(String);
              })
            }
            error={problem !== undefined}
            validationMessage={problem}
          />
        );
      })}
      <SalesManagers {...props} />
    </Flex>
  );
}

function SalesManagers({ names, errors, editable, edit }: SectionProps) {
  const { draft, people } = names;
  const managers = draft.team.salesManagers;
  const named = managers.flatMap((m) => [m.managerId, ...m.memberIds]);
  const personChoices = peopleOptions(people, named);
  const teamChoices = teamOptions(
    people,
    managers.flatMap((m) => m.teamIds),
  );
  return (
    <Flex direction="column" gap="small" testId="sales-managers">
      <Text format={{ fontWeight: 'demibold' }}>{SECTIONS.escalation}</Text>
      <Text variant="microcopy">{SECTIONS.escalationNote}</Text>
      {managers.length > 0 ? (
        <Table bordered={true}>
          <TableHead>
            <TableRow>
              <TableHeader>{SALES_MANAGER_FIELDS.manager}</TableHeader>
              <TableHeader>{SALES_MANAGER_FIELDS.members}</TableHeader>
              <TableHeader>{SALES_MANAGER_FIELDS.teams}</TableHeader>
              {editable ? <TableHeader>{''}</TableHeader> : null}
            </TableRow>
          </TableHead>
          <TableBody>
            {managers.map((manager, index) => {
              const at = `team.salesManagers[${index}]`;
              const problem = (path: string) => messageFor(errors, path, names);
              // "Leads nobody" is the row's own problem; it shows under whom they lead.
              const leadsNobody = errors.find((e) => e.path === at)?.message;
              const members = [problem(`${at}.memberIds`), leadsNobody && sentence(leadsNobody)]
                .filter(Boolean)
                .join(' ');
              return (
                <TableRow key={index}>
                  <TableCell>
                    <Select
                      name={`${at}.managerId`}
                      label={SALES_MANAGER_FIELDS.manager}
                      options={personChoices}
                      value={manager.managerId}
                      readOnly={!editable}
                      onChange={(value) =>
                        edit((d) => {
                          d.team.salesManagers[index]!.managerId = String(value);
                        })
                      }
                      error={problem(`${at}.managerId`) !== undefined}
                      validationMessage={problem(`${at}.managerId`)}
                    />
                  </TableCell>
                  <TableCell>
                    <MultiSelect
                      name={`${at}.memberIds`}
                      label={SALES_MANAGER_FIELDS.members}
                      options={personChoices}
                      value={manager.memberIds}
                      readOnly={!editable}
                      onChange={(values) =>
                        edit((d) => {
                          d.team.salesManagers[index]!.memberIds = values.map(String);
                        })
                      }
                      error={members !== ''}
                      validationMessage={members === '' ? undefined : members}
                    />
                  </TableCell>
                  <TableCell>
                    <MultiSelect
                      name={`${at}.teamIds`}
                      label={SALES_MANAGER_FIELDS.teams}
                      options={teamChoices}
                      value={manager.teamIds}
                      readOnly={!editable}
                      onChange={(values) =>
                        edit((d) => {
                          d.team.salesManagers[index]!.teamIds = values.map(String);
                        })
                      }
                      error={problem(`${at}.teamIds`) !== undefined}
                      validationMessage={problem(`${at}.teamIds`)}
                    />
                  </TableCell>
                  {editable ? (
                    <TableCell>
                      <Button
                        testId={`remove-sales-manager:${index}`}
                        variant="transparent"
                        onClick={() =>
                          edit((d) => {
                            d.team.salesManagers.splice(index, 1);
                          })
                        }
                      >
                        {SALES_MANAGER_FIELDS.remove}
                      </Button>
                    </TableCell>
                  ) : null}
                </TableRow>
              );
            })}
          </TableBody>
        </Table>
      ) : null}
      {editable ? (
        <Button
          testId="add-sales-manager"
          onClick={() =>
            edit((d) => {
              d.team.salesManagers.push({ managerId: '', memberIds: [], teamIds: [] });
            })
          }
        >
          {SALES_MANAGER_FIELDS.add}
        </Button>
      ) : null}
    </Flex>
  );
}
