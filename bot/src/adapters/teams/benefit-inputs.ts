/**
 * The optional "Realisert gevinst" inputs of a measure with benefits on the status card: a number
 * (kroner or hours) per quantified benefit, a comment per qualitative one. Submitted with the
 * status answer (submission.ts reads them), checked in the domain (invalid-benefit).
 */
import { unitOf } from '../../domain/benefit';
import type { Measure } from '../../domain/plan';
import { t, type Language } from '../../i18n';
import { richText, withValue, type CardElement } from './card-elements';
import type { FormValues } from './status-card';

export const benefitInputId = {
  value: (type: string, measureId: string) => `benefitValue:${type}:${measureId}`,
  comment: (type: string, measureId: string) => `benefitComment:${type}:${measureId}`,
};

export function benefitInputs(lang: Language, m: Measure, entered: FormValues): CardElement[] {
  const benefits = m.benefits ?? [];
  if (!benefits.length) return [];
  return [
    richText([{ text: t(lang, 'benefit.realised.heading'), weight: 'Bolder' }]),
    ...benefits.map((b): CardElement => {
      const type = t(lang, `benefit.${b.type}`);
      const unit = unitOf(b);
      if (unit === 'qualitative') {
        const id = benefitInputId.comment(b.type, m.id);
        return {
          type: 'Input.Text',
          id,
          label: t(lang, 'benefit.realised.comment', { type }),
          isMultiline: true,
          maxLength: 2000,
          ...withValue(entered[id]),
        };
      }
      const id = benefitInputId.value(b.type, m.id);
      return {
        type: 'Input.Number',
        id,
        min: 0,
        label: t(lang, 'benefit.realised.label', { type, unit: t(lang, `benefit.unit.${unit}`) }),
        ...withValue(entered[id]),
      };
    }),
  ];
}
