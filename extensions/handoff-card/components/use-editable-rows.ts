// A table section's rows as edited, against what was saved: add, change and remove rows in
// place, discard back to the saved ones. Row ids are the card's own (positions at load, then
// counting up), never the document's ids, which the backend assigns on save.
import { useState } from 'react';

export interface EditableRows<R extends { id: number }> {
  rows: readonly R[];
  saved: readonly R[];
  add: () => void;
  update: (id: number, change: Partial<Omit<R, 'id'>>) => void;
  remove: (id: number) => void;
  discard: () => void;
}

export function useEditableRows<R extends { id: number }>(
  load: () => R[],
  blank: (id: number) => R,
): EditableRows<R> {
  const [saved] = useState(load);
  const [rows, setRows] = useState<readonly R[]>(saved);
  const [nextId, setNextId] = useState(saved.length);
  return {
    rows,
    saved,
    add: () => {
      setRows((current) => [...current, blank(nextId)]);
      setNextId((id) => id + 1);
    },
    update: (id, change) =>
      setRows((current) => current.map((row) => (row.id === id ? { ...row, ...change } : row))),
    remove: (id) => setRows((current) => current.filter((row) => row.id !== id)),
    discard: () => setRows(saved),
  };
}
