/**
 * The edit dialog's "Gevinster": the measure's benefits (type, description, benefit owner, what it
 * is measured in, baseline, expected per year or a qualitative target, first year) and the
 * investment they are held against. At most one benefit per type (the service refuses more);
 * numbers are typed as text and sent as numbers, checked by the service (domain/measure-edit.ts).
 * Its own file so that the other fields (MeasureFields.tsx) change without it.
 */
import { Button, Field, Input, Select } from '@fluentui/react-components';
import { useEffect, useRef, useState } from 'react';
import type { Benefit, BenefitType, BenefitUnit, MeasureEditRequest, MeasureResponse } from '../../../bot/src/contract';
import { BENEFIT_TYPES, BENEFIT_UNITS, t, type Language } from '../../../bot/src/contract';

export interface BenefitDraft {
  type: BenefitType;
  text: string;
  owner: string;
  unit: BenefitUnit;
  baseline: string;
  expectedPerYear: string;
  target: string;
  firstYear: string;
  /** Older plans' realised amount without a period: kept as it was. */
  realisedNok?: number;
}

export interface BenefitsDraft {
  investment: string;
  benefits: BenefitDraft[];
}

export function benefitsDraftOf(m: MeasureResponse['measure']): BenefitsDraft {
  return {
    investment: m.investmentNok?.toString() ?? '',
    benefits: (m.benefits ?? []).map((b) => ({
      type: b.type,
      text: b.text,
      owner: b.owner ?? '',
      unit: b.unit ?? 'NOK',
      baseline: b.baseline ?? '',
      expectedPerYear: (b.expectedPerYear ?? b.expectedNok)?.toString() ?? '',
      target: b.target ?? '',
      firstYear: b.firstYear?.toString() ?? '',
      ...(b.realisedNok !== undefined ? { realisedNok: b.realisedNok } : {}),
    })),
  };
}

/** "1 234,5" or "1234.5" as a number; empty is none; anything else NaN, which the service refuses. */
function numberOf(text: string): number | undefined {
  const compact = text.replace(/[\s\u00a0]/g, '').replace(',', '.');
  return compact === '' ? undefined : Number(compact);
}

function benefitOf(d: BenefitDraft): Benefit {
  const expected = numberOf(d.expectedPerYear);
  const firstYear = numberOf(d.firstYear);
  return {
    type: d.type,
    text: d.text.trim(),
    ...(d.owner.trim() ? { owner: d.owner.trim() } : {}),
    unit: d.unit,
    ...(d.baseline.trim() ? { baseline: d.baseline.trim() } : {}),
    ...(d.unit !== 'qualitative' && expected !== undefined ? { expectedPerYear: expected } : {}),
    ...(d.unit === 'qualitative' && d.target.trim() ? { target: d.target.trim() } : {}),
    ...(firstYear !== undefined ? { firstYear } : {}),
    ...(d.realisedNok !== undefined ? { realisedNok: d.realisedNok } : {}),
  };
}

/** Only what changed: the benefits whole (the service keeps one per type), the investment alone. */
export function benefitChanges(before: BenefitsDraft, after: BenefitsDraft): MeasureEditRequest {
  const edit: MeasureEditRequest = {};
  if (JSON.stringify(before.benefits) !== JSON.stringify(after.benefits)) edit.benefits = after.benefits.map(benefitOf);
  if (before.investment !== after.investment) edit.investmentNok = numberOf(after.investment) ?? null;
  return edit;
}

export function BenefitFields(props: { draft: BenefitsDraft; lang: Language; onChange: (d: BenefitsDraft) => void }) {
  const { draft, lang, onChange } = props;
  const [added, setAdded] = useState<number>();
  const firstInput = useRef<HTMLSelectElement>(null);
  // A benefit just added gets the focus, so a keyboard or screen reader user is where it appeared.
  useEffect(() => {
    if (added !== undefined) firstInput.current?.focus();
  }, [added]);
  const free = BENEFIT_TYPES.filter((type) => !draft.benefits.some((b) => b.type === type));
  const setBenefit = (i: number, patch: Partial<BenefitDraft>) =>
    onChange({ ...draft, benefits: draft.benefits.map((b, j) => (j === i ? { ...b, ...patch } : b)) });
  const add = () => {
    const type = free[0];
    if (!type) return;
    const blank: BenefitDraft = {
      type,
      text: '',
      owner: '',
      unit: 'NOK',
      baseline: '',
      expectedPerYear: '',
      target: '',
      firstYear: '',
    };
    onChange({ ...draft, benefits: [...draft.benefits, blank] });
    setAdded(draft.benefits.length);
  };
  const remove = (i: number) => onChange({ ...draft, benefits: draft.benefits.filter((_, j) => j !== i) });
  return (
    <fieldset>
      <legend>{t(lang, 'edit.benefits')}</legend>
      <Field label={t(lang, 'edit.investment')}>
        <Input
          inputMode="decimal"
          value={draft.investment}
          onChange={(_e, d) => onChange({ ...draft, investment: d.value })}
        />
      </Field>
      {draft.benefits.map((b, i) => {
        const typeName = t(lang, `benefit.${b.type}`);
        return (
          <fieldset key={`${b.type}-${i}`} data-benefit={b.type}>
            <legend>{typeName}</legend>
            <Field label={t(lang, 'edit.benefit.type')}>
              <Select
                ref={i === added ? firstInput : undefined}
                value={b.type}
                onChange={(_e, d) => setBenefit(i, { type: d.value as BenefitType })}
              >
                {BENEFIT_TYPES.filter((type) => type === b.type || free.includes(type)).map((type) => (
                  <option key={type} value={type}>
                    {t(lang, `benefit.${type}`)}
                  </option>
                ))}
              </Select>
            </Field>
            <Field label={t(lang, 'edit.benefit.text')} required>
              <Input value={b.text} onChange={(_e, d) => setBenefit(i, { text: d.value })} />
            </Field>
            <Field label={t(lang, 'edit.benefit.owner')}>
              <Input value={b.owner} onChange={(_e, d) => setBenefit(i, { owner: d.value })} />
            </Field>
            <Field label={t(lang, 'edit.benefit.unit')}>
              <Select value={b.unit} onChange={(_e, d) => setBenefit(i, { unit: d.value as BenefitUnit })}>
                {BENEFIT_UNITS.map((unit) => (
                  <option key={unit} value={unit}>
                    {t(lang, `benefit.unit.${unit}`)}
                  </option>
                ))}
              </Select>
            </Field>
            <Field label={t(lang, 'edit.benefit.baseline')}>
              <Input value={b.baseline} onChange={(_e, d) => setBenefit(i, { baseline: d.value })} />
            </Field>
            {b.unit === 'qualitative' ? (
              <Field label={t(lang, 'edit.benefit.target')}>
                <Input value={b.target} onChange={(_e, d) => setBenefit(i, { target: d.value })} />
              </Field>
            ) : (
              <Field label={`${t(lang, 'edit.benefit.expectedPerYear')} (${t(lang, `benefit.unit.${b.unit}`)})`}>
                <Input
                  inputMode="decimal"
                  value={b.expectedPerYear}
                  onChange={(_e, d) => setBenefit(i, { expectedPerYear: d.value })}
                />
              </Field>
            )}
            <Field label={t(lang, 'edit.benefit.firstYear')}>
              <Input
                inputMode="numeric"
                value={b.firstYear}
                onChange={(_e, d) => setBenefit(i, { firstYear: d.value })}
              />
            </Field>
            <Button onClick={() => remove(i)}>{t(lang, 'edit.benefit.remove', { type: typeName })}</Button>
          </fieldset>
        );
      })}
      {free.length > 0 && <Button onClick={add}>{t(lang, 'edit.benefit.add')}</Button>}
    </fieldset>
  );
}
