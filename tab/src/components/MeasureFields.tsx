/**
 * The edit dialog's fields beyond text and responsibility, grouped as a coordinator thinks of them:
 * the indicator (a deliverable, or a number with unit, baseline, target, direction, target date),
 * the plan's own facts (deadline, priority, sector, quick win, notes), and closing the measure with
 * a reason. Numbers are typed as text and sent as numbers; the service checks them (domain/measure-edit.ts).
 */
import { Checkbox, Field, Input, Radio, RadioGroup, Textarea } from '@fluentui/react-components';
import type { MeasureEditRequest, MeasureResponse } from '../../../bot/src/contract';
import { t, type Language } from '../../../bot/src/contract';

export interface FieldsDraft {
  numeric: boolean;
  unit: string;
  baseline: string;
  target: string;
  direction: 'higher' | 'lower';
  targetDate: string;
  deadline: string;
  priority: string;
  sector: string;
  quickWin: boolean;
  notes: string;
  closed: boolean;
  reason: string;
}

export function fieldsDraftOf(m: MeasureResponse['measure']): FieldsDraft {
  const numeric = m.indicator.kind === 'numeric' ? m.indicator : undefined;
  return {
    numeric: Boolean(numeric),
    unit: numeric?.unit ?? '',
    baseline: numeric?.baseline?.toString() ?? '',
    target: numeric?.target?.toString() ?? '',
    direction: numeric?.direction ?? 'higher',
    targetDate: numeric?.targetDate ?? '',
    deadline: m.deadline?.text ?? '',
    priority: m.priority?.toString() ?? '',
    sector: m.sector ?? '',
    quickWin: Boolean(m.quickWin),
    notes: m.notes ?? '',
    closed: Boolean(m.closed),
    reason: m.closed?.reason ?? '',
  };
}

/** "1 234,5" or "1234.5" as a number; empty is none; anything else NaN, which the service refuses. */
function numberOf(text: string): number | undefined {
  const compact = text.replace(/[\s\u00a0]/g, '').replace(',', '.');
  return compact === '' ? undefined : Number(compact);
}

/** Only what changed, so the audit trail names what the coordinator changed. */
export function fieldChanges(
  before: FieldsDraft,
  after: FieldsDraft,
  indicatorText: string,
  indicatorTextChanged: boolean,
): MeasureEditRequest {
  const edit: MeasureEditRequest = {};
  const indicatorKeys = ['numeric', 'unit', 'baseline', 'target', 'direction', 'targetDate'] as const;
  if (indicatorKeys.some((k) => before[k] !== after[k]) || (indicatorTextChanged && after.numeric)) {
    const baseline = numberOf(after.baseline);
    const target = numberOf(after.target);
    edit.indicator = after.numeric
      ? {
          kind: 'numeric',
          text: indicatorText,
          ...(after.unit.trim() ? { unit: after.unit } : {}),
          ...(baseline !== undefined ? { baseline } : {}),
          ...(target !== undefined ? { target } : {}),
          direction: after.direction,
          ...(after.targetDate ? { targetDate: after.targetDate } : {}),
        }
      : { kind: 'deliverable', text: indicatorText };
  }
  if (before.deadline !== after.deadline) edit.deadline = after.deadline.trim() || null;
  if (before.priority !== after.priority) edit.priority = numberOf(after.priority) ?? null;
  if (before.sector !== after.sector) edit.sector = after.sector.trim() || null;
  if (before.quickWin !== after.quickWin) edit.quickWin = after.quickWin;
  if (before.notes !== after.notes) edit.notes = after.notes.trim() || null;
  if (before.closed !== after.closed || (after.closed && before.reason !== after.reason))
    edit.closed = after.closed ? { reason: after.reason } : null;
  return edit;
}

export function MeasureFields(props: {
  draft: FieldsDraft;
  onChange: (draft: FieldsDraft) => void;
  /** The plan's sectors, offered as suggestions; a new one may be written. */
  sectors: string[];
  lang: Language;
}) {
  const { draft, lang } = props;
  const set = (change: Partial<FieldsDraft>) => props.onChange({ ...draft, ...change });
  const text = (key: 'unit' | 'baseline' | 'target' | 'deadline' | 'priority', label: string, hint?: string) => (
    <Field label={label} {...(hint ? { hint } : {})}>
      <Input
        value={draft[key]}
        inputMode={key === 'baseline' || key === 'target' || key === 'priority' ? 'decimal' : 'text'}
        onChange={(_e, d) => set({ [key]: d.value })}
      />
    </Field>
  );
  return (
    <>
      <fieldset>
        <legend>{t(lang, 'edit.indicatorGroup')}</legend>
        <Checkbox
          checked={draft.numeric}
          label={t(lang, 'edit.numeric')}
          onChange={(_e, d) => set({ numeric: Boolean(d.checked) })}
        />
        {draft.numeric && (
          <>
            {text('unit', t(lang, 'edit.unit'))}
            {text('baseline', t(lang, 'edit.baseline'))}
            {text('target', t(lang, 'edit.target'))}
            <Field label={t(lang, 'edit.direction')}>
              <RadioGroup
                value={draft.direction}
                onChange={(_e, d) => set({ direction: d.value === 'lower' ? 'lower' : 'higher' })}
              >
                <Radio value="higher" label={t(lang, 'edit.higher')} />
                <Radio value="lower" label={t(lang, 'edit.lower')} />
              </RadioGroup>
            </Field>
            <Field label={t(lang, 'edit.targetDate')}>
              <Input type="date" value={draft.targetDate} onChange={(_e, d) => set({ targetDate: d.value })} />
            </Field>
          </>
        )}
      </fieldset>
      <fieldset>
        <legend>{t(lang, 'edit.planGroup')}</legend>
        {text('deadline', t(lang, 'edit.deadline'), t(lang, 'edit.deadlineHint'))}
        {text('priority', t(lang, 'edit.priority'))}
        <Field label={t(lang, 'edit.sector')}>
          <Input value={draft.sector} list="measure-sectors" onChange={(_e, d) => set({ sector: d.value })} />
        </Field>
        <datalist id="measure-sectors">
          {props.sectors.map((s) => (
            <option key={s} value={s} />
          ))}
        </datalist>
        <Checkbox
          checked={draft.quickWin}
          label={t(lang, 'edit.quickWin')}
          onChange={(_e, d) => set({ quickWin: Boolean(d.checked) })}
        />
        <Field label={t(lang, 'edit.notes')}>
          <Textarea value={draft.notes} resize="vertical" onChange={(_e, d) => set({ notes: d.value })} />
        </Field>
      </fieldset>
      <fieldset>
        <legend>{t(lang, 'edit.closeGroup')}</legend>
        <Checkbox
          checked={draft.closed}
          label={t(lang, 'edit.closed')}
          onChange={(_e, d) => set({ closed: Boolean(d.checked) })}
        />
        {draft.closed && (
          <Field label={t(lang, 'edit.reason')} required>
            <Textarea value={draft.reason} resize="vertical" onChange={(_e, d) => set({ reason: d.value })} />
          </Field>
        )}
      </fieldset>
    </>
  );
}
