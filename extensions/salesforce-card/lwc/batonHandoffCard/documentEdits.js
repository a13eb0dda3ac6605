// Editing one section of the handoff document on the card, pure: open a section's form, apply
// what the AE types, check the edited document with the core's schema as it is typed, and plan
// the save as the card API would make it (src/functions/card-api.ts, saveCard): the sender
// only, the section replaced, new commitments given ids, the document re-validated and then
// written, scores and all, with the version raised by one (record-fields.ts).
import {
  cardWrite,
  describeFieldError,
  handoffDocumentSchema,
  maySend,
  parseWith,
} from 'c/batonCore';
import {
  COMMITMENTS,
  LIST_PATHS,
  MILESTONES,
  STAKEHOLDERS,
  blankRow,
  formOf,
  isTextSection,
  sectionOf,
} from './sectionForms';

/** Whether `actor` may edit the document: the card API's rule, the sending side's (maySend). */
export function mayEdit(document, actor, policy) {
  return maySend(document, policy.templates[document.handoffType], actor).allowed;
}

/** An edit of `section`, starting from what `document` holds. */
export function openEdit(document, section) {
  return { section, form: formOf(document, section) };
}

function withRows(edit, rows, nextKey = edit.form.nextKey) {
  return { ...edit, form: { rows, nextKey } };
}

/** The edit with one field typed: `row` is the row's key, absent in a text section. */
export function editField(edit, { row, field, value }) {
  const text = typeof value === 'string' ? value : '';
  if (!edit.form.rows) return { ...edit, form: { values: { ...edit.form.values, [field]: text } } };
  return withRows(
    edit,
    edit.form.rows.map((r) =>
      r.key === row ? { ...r, values: { ...r.values, [field]: text } } : r,
    ),
  );
}

export function addRow(edit) {
  const key = `row-${edit.form.nextKey}`;
  return withRows(edit, [...edit.form.rows, blankRow(edit.section, key)], edit.form.nextKey + 1);
}

export function removeRow(edit, row) {
  return withRows(
    edit,
    edit.form.rows.filter((r) => r.key !== row),
  );
}

/** The edit after what its section told the card: a field typed, a row added or removed. */
export function changedBy(edit, { type, detail }) {
  if (type === 'addrow') return addRow(edit);
  if (type === 'removerow') return removeRow(edit, detail.row);
  return editField(edit, detail);
}

/** Commitments get stable ids on their first save, `c-1`, `c-2`…, as the card API gives them. */
function withCommitmentIds(commitments) {
  const used = new Set(commitments.map((c) => c.id?.trim()).filter(Boolean));
  let n = 1;
  return commitments.map((commitment) => {
    if (commitment.id?.trim()) return commitment;
    while (used.has(`c-${n}`)) n++;
    used.add(`c-${n}`);
    return { ...commitment, id: `c-${n}` };
  });
}

/**
 * The document with the edited section in place: a section of fields over what it held (the
 * implementation plan keeps its milestones), a list replaced (the milestones inside the plan).
 */
export function editedDocument(document, edit) {
  const section = sectionOf(edit.section, edit.form);
  if (isTextSection(edit.section))
    return { ...document, [edit.section]: { ...document[edit.section], ...section } };
  if (edit.section === MILESTONES)
    return { ...document, implementation: { ...document.implementation, milestones: section } };
  return {
    ...document,
    [edit.section]: edit.section === COMMITMENTS ? withCommitmentIds(section) : section,
  };
}

/**
 * A row the core would never count, which the HubSpot card refuses to save as well: a
 * stakeholder without a name maps nobody, a commitment without a description commits to nothing,
 * a milestone without a name marks nothing.
 */
const ROW_RULES = {
  [STAKEHOLDERS]: { field: 'name', message: 'name this stakeholder, or remove the row' },
  [COMMITMENTS]: { field: 'description', message: 'describe this commitment, or remove the row' },
  [MILESTONES]: { field: 'name', message: 'name this milestone, or remove the row' },
};

function rowErrors(edit) {
  const rule = ROW_RULES[edit.section];
  if (!rule) return [];
  return edit.form.rows.flatMap((row, index) =>
    row.values[rule.field].trim() === ''
      ? [{ path: `${LIST_PATHS[edit.section]}[${index}].${rule.field}`, message: rule.message }]
      : [],
  );
}

/**
 * The edit checked as typed: the edited document as the schema parses it (null while it does
 * not; what the scores are computed from), every error with the path of its field, and whether
 * the section differs from the saved one.
 */
export function reviewEdit(document, edit) {
  const parsed = parseWith(handoffDocumentSchema, editedDocument(document, edit));
  const errors = [...(parsed.success ? [] : parsed.errors), ...rowErrors(edit)];
  const before = sectionOf(edit.section, formOf(document, edit.section));
  return {
    document: parsed.success ? parsed.value : null,
    errors,
    changed: JSON.stringify(sectionOf(edit.section, edit.form)) !== JSON.stringify(before),
  };
}

/**
 * What saving the edit writes: `{ ok: true, write }` (the handoff's and the Opportunity's
 * fields), `{ ok: true, write: null }` when the section is as saved (saving again changes
 * nothing), or `{ ok: false, message }` naming every field in error, or the permission refused.
 */
export function planEdit(document, edit, { version, actor, policy, now }) {
  const permission = maySend(document, policy.templates[document.handoffType], actor);
  if (!permission.allowed) return { ok: false, message: permission.reason };
  const review = reviewEdit(document, edit);
  if (review.errors.length > 0) {
    return { ok: false, message: review.errors.map(describeFieldError).join('; ') };
  }
  if (!review.changed) return { ok: true, write: null };
  return { ok: true, write: cardWrite(review.document, version, policy, now) };
}
