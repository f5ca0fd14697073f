/**
 * In a shared plan, the municipality a card answer is for, where the person may answer for more
 * than one (two municipalities of their own, or the plan's coordinator): a choice per measure,
 * set to where their answer goes by default, or empty when they must choose (domain rule:
 * municipal-answers.ts). Read back by submission.ts as `organisation:<measure>` and checked again
 * when recorded, so a card sent before a change in the directory cannot store for the wrong one.
 */
import { actorOf, isCoordinator } from '../../domain/access';
import { answerScopeOf } from '../../domain/municipal-answers';
import type { Measure, Plan } from '../../domain/plan';
import type { Person } from '../../domain/responsibility';
import { t, type Language } from '../../i18n';
import { withValue, type CardElement } from './card-elements';
import type { FormValues } from './status-card';

export const organisationInputId = (measureId: string): string => `organisation:${measureId}`;

export function organisationInputs(
  lang: Language,
  person: Person,
  plan: Plan,
  m: Measure,
  entered: FormValues,
): CardElement[] {
  const scope = answerScopeOf(person, plan, m, { coordinator: isCoordinator(actorOf(person), plan) });
  if (scope.answersFor.length < 2) return [];
  const id = organisationInputId(m.id);
  const fallback = scope.byDefault === null || scope.byDefault === 'choose' ? undefined : scope.byDefault;
  return [
    {
      type: 'Input.ChoiceSet',
      id,
      label: t(lang, 'card.organisationLabel', { number: m.number }),
      style: 'compact',
      placeholder: t(lang, 'card.organisationPlaceholder'),
      choices: plan.owners.filter((o) => scope.answersFor.includes(o.id)).map((o) => ({ title: o.name, value: o.id })),
      ...withValue(id in entered ? entered[id] : fallback),
    },
  ];
}
