// One handoff type's task plan: the tasks each new handoff creates in HubSpot, with subject,
// body, owner and due time. A new task's key is made from its subject; a saved task keeps its key
// whatever its subject becomes, because the tasks already in the CRM are found by it.
import {
  Button,
  Flex,
  Input,
  NumberInput,
  Select,
  Text,
  TextArea,
  Tile,
} from '@hubspot/ui-extensions';
import { messageFor, problemsUnder } from '../settings-draft';
import {
  TASK_FIELDS,
  TEMPLATE_FIELDS,
  assigneeLabel,
  sentence,
  windowUnit,
} from '../settings-text';
import type { HandoffTemplate } from '../settings-types';
import { keyFromSubject } from '../task-keys';
import { type TemplateSectionProps, hoursPerUnit, problemProps } from './fields';

type Task = HandoffTemplate['tasks'][number];

/** The policy schema's cap on a body (a subject's is checked as it is typed). */
const MAX_BODY = 4000;

export function TaskPlanSettings(props: TemplateSectionProps) {
  const { type, names, errors, editable, edit } = props;
  const tasks = names.draft.templates[type].tasks;
  const savedKeys = new Set(names.saved.templates[type]?.tasks.map((task) => task.key) ?? []);
  // "Two tasks share a key" is the plan's own problem, not one task's.
  const planProblem = errors.find((e) => e.path === `templates.${type}.tasks`)?.message;

  const add = () =>
    edit((d) => {
      const plan = d.templates[type].tasks;
      const taken = new Set([...savedKeys, ...plan.map((task) => task.key)]);
      plan.push({
        key: keyFromSubject('', taken),
        subject: '',
        body: '',
        assignee: 'receiver',
        dueAfterHours: 24,
      });
    });

  return (
    <Flex direction="column" gap="small" testId={`tasks:${type}`}>
      <Text format={{ fontWeight: 'demibold' }}>{TEMPLATE_FIELDS.tasks}</Text>
      <Text variant="microcopy">{TASK_FIELDS.note}</Text>
      {planProblem ? <Text testId={`tasks-problem:${type}`}>{sentence(planProblem)}</Text> : null}
      {tasks.length === 0 ? <Text>{TASK_FIELDS.none}</Text> : null}
      {tasks.map((task, index) => (
        <TaskForm
          key={index}
          {...props}
          task={task}
          index={index}
          isNew={!savedKeys.has(task.key)}
          savedKeys={savedKeys}
        />
      ))}
      {editable ? (
        <Button testId={`add-task:${type}`} onClick={add}>
          {TASK_FIELDS.add}
        </Button>
      ) : null}
    </Flex>
  );
}

function TaskForm({
  type,
  names,
  errors,
  editable,
  edit,
  task,
  index,
  isNew,
  savedKeys,
}: TemplateSectionProps & { task: Task; index: number; isNew: boolean; savedKeys: Set<string> }) {
  const { draft } = names;
  const at = `templates.${type}.tasks[${index}]`;
  const problem = (field: keyof Task) => messageFor(errors, `${at}.${field}`, names);
  const perUnit = hoursPerUnit(draft.timeBasis);
  const template = draft.templates[type];
  const change = (apply: (edited: Task, plan: Task[]) => void) =>
    edit((d) => {
      const plan = d.templates[type].tasks;
      apply(plan[index]!, plan);
    });
  const title = TASK_FIELDS.title(index, '');
  const ownProblem = problemsUnder(errors, at)
    .filter((e) => e.path === at)
    .map((e) => sentence(e.message))
    .join(' ');

  return (
    <Tile>
      <Flex direction="column" gap="extra-small" testId={`task:${type}:${index}`}>
        <Text format={{ fontWeight: 'demibold' }}>{TASK_FIELDS.title(index, task.subject)}</Text>
        <Text variant="microcopy" testId={`task-key:${type}:${index}`}>
          {isNew ? TASK_FIELDS.newKey(task.key) : TASK_FIELDS.key(task.key)}
        </Text>
        {ownProblem !== '' || problem('key') ? (
          <Text>{[ownProblem, problem('key')].filter(Boolean).join(' ')}</Text>
        ) : null}
        <Input
          name={`${at}.subject`}
          label={`${title} ${TASK_FIELDS.subject.toLowerCase()}`}
          value={task.subject}
          readOnly={!editable}
          onInput={(value) =>
            change((edited, plan) => {
              edited.subject = value;
              if (!isNew) return;
              const others = plan.filter((_, i) => i !== index).map((t) => t.key);
              edited.key = keyFromSubject(value, new Set([...savedKeys, ...others]));
            })
          }
          {...problemProps(problem('subject'))}
        />
        <TextArea
          name={`${at}.body`}
          label={`${title} ${TASK_FIELDS.body.toLowerCase()}`}
          value={task.body}
          maxLength={MAX_BODY}
          rows={3}
          readOnly={!editable}
          onInput={(value) =>
            change((edited) => {
              edited.body = value;
            })
          }
          {...problemProps(problem('body'))}
        />
        <Flex direction="row" gap="small">
          <Select
            name={`${at}.assignee`}
            label={`${title} ${TASK_FIELDS.assignee.toLowerCase()}`}
            options={names.catalogue.assignees.map((assignee) => ({
              label: assigneeLabel(assignee, template),
              value: assignee,
            }))}
            value={task.assignee}
            readOnly={!editable}
            onChange={(value) =>
              change((edited) => {
                edited.assignee = value as Task['assignee'];
              })
            }
            {...problemProps(problem('assignee'))}
          />
          <NumberInput
            name={`${at}.dueAfterHours`}
            label={`${title} ${TASK_FIELDS.dueAfter.toLowerCase()} (${windowUnit(draft.timeBasis)})`}
            value={Number.isFinite(task.dueAfterHours) ? task.dueAfterHours / perUnit : undefined}
            min={0}
            readOnly={!editable}
            onChange={(value) =>
              change((edited) => {
                edited.dueAfterHours = value * perUnit;
              })
            }
            {...problemProps(problem('dueAfterHours'))}
          />
        </Flex>
        {editable ? (
          <Button
            testId={`remove-task:${type}:${index}`}
            variant="transparent"
            onClick={() => change((_, plan) => void plan.splice(index, 1))}
          >
            {TASK_FIELDS.remove}
          </Button>
        ) : null}
      </Flex>
    </Tile>
  );
}
