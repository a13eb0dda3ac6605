// A new task's key, made from its subject: snake_case as the policy wants, unique within its
// handoff type. The CRM's tasks are reconciled by key, so a saved task's key never changes, and a
// new task never takes one a saved task has (it would take over that task's CRM records).

const MAX_KEY_LENGTH = 40;

function snakeCase(subject: string): string {
  const words = subject
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    // Placeholders such as {deal} are filled per handoff: they say nothing about the task.
    .replace(/\{\w*\}/g, ' ')
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '');
  const key = words.slice(0, MAX_KEY_LENGTH).replace(/_+$/, '');
  if (key === '') return 'task';
  return /^[a-z]/.test(key) ? key : `task_${key}`;
}

/** `taken`: the keys of the type's other tasks and of its saved ones. */
export function keyFromSubject(subject: string, taken: ReadonlySet<string>): string {
  const base = snakeCase(subject);
  if (!taken.has(base)) return base;
  let n = 2;
  while (taken.has(`${base}_${n}`)) n++;
  return `${base}_${n}`;
}
