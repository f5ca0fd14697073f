/**
 * The revision's diff in words: what the draft adds, removes, renumbers and changes, each group with
 * its heading and one line per measure, and what adopting it will do to measures left out. Plain
 * functions (no React), so the wording is tested apart from the panel.
 */
import type { ComparedField, RevisionDiff } from '../../../bot/src/contract';
import { t, type Language, type MessageKey } from '../../../bot/src/contract';

export interface DiffGroup {
  kind: 'added' | 'removed' | 'renumbered' | 'changed';
  heading: string;
  items: { id: string; text: string }[];
}

const fieldKey = (field: ComparedField) => `revision.field.${field}` as MessageKey;

/** The fields a change names, each word once (priority and its text read as one "priority"). */
export function fieldWords(lang: Language, fields: readonly ComparedField[]): string {
  return [...new Set(fields.map((f) => t(lang, fieldKey(f))))].join(', ');
}

/** The groups that have measures, in the order a coordinator reads them: new, removed, renumbered, changed. */
export function diffGroups(lang: Language, diff: RevisionDiff): DiffGroup[] {
  const groups: DiffGroup[] = [
    {
      kind: 'added',
      heading: t(lang, 'revision.added', { count: diff.added.length }),
      items: diff.added.map((m) => ({
        id: m.id,
        text: t(lang, 'revision.addedItem', { number: m.number, text: m.text }),
      })),
    },
    {
      kind: 'removed',
      heading: t(lang, 'revision.removed', { count: diff.removed.length }),
      items: diff.removed.map((m) => ({
        id: m.id,
        text: t(lang, m.reported ? 'revision.removedReported' : 'revision.removedUnreported', {
          number: m.number,
          text: m.text,
        }),
      })),
    },
    {
      kind: 'renumbered',
      heading: t(lang, 'revision.renumbered', { count: diff.renumbered.length }),
      items: diff.renumbered.map((m) => ({
        id: m.id,
        text: t(lang, 'revision.renumberedItem', { from: m.from, to: m.number, text: m.text }),
      })),
    },
    {
      kind: 'changed',
      heading: t(lang, 'revision.changed', { count: diff.changed.length }),
      items: diff.changed.map((m) => ({
        id: m.id,
        text: t(lang, 'revision.changedItem', { number: m.number, text: m.text, fields: fieldWords(lang, m.fields) }),
      })),
    },
  ];
  return groups.filter((g) => g.items.length > 0);
}

/** Whether the draft changes anything at all. */
export function draftChangesNothing(diff: RevisionDiff): boolean {
  return !diff.added.length && !diff.removed.length && !diff.renumbered.length && !diff.changed.length;
}

/**
 * What the adopt dialog says will happen: the plan in force kept as version `archived`, and the
 * measures left out — closed with their reports, or deleted when they have none.
 */
export function adoptConsequences(lang: Language, diff: RevisionDiff, archived: number): string[] {
  const closing = diff.removed.filter((m) => m.reported).length;
  const dropping = diff.removed.length - closing;
  return [
    t(lang, 'revision.adoptConfirm', { version: archived }),
    t(lang, 'revision.adoptSummary', {
      added: diff.added.length,
      renumbered: diff.renumbered.length,
      changed: diff.changed.length,
      removed: diff.removed.length,
    }),
    ...(closing ? [t(lang, 'revision.adoptClosing', { count: closing })] : []),
    ...(dropping ? [t(lang, 'revision.adoptDropping', { count: dropping })] : []),
  ];
}
