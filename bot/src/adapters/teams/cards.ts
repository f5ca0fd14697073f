/**
 * Adaptive Cards (1.5, Universal Actions) built by pure functions. Text from plans and people goes
 * into RichTextBlock/TextRun, which hosts do not parse as Markdown: nothing in a comment or a
 * measure's text can turn into a link or a heading.
 */
import type { Escalation } from '../../app/ports';
import type { Measure, Plan } from '../../domain/plan';
import { UNREACHABLE_REASONS, type UnreachableReason } from '../../domain/round';
import type { StatusReport } from '../../domain/status';
import { formatOsloDateTime, periodLabel, t, type Language } from '../../i18n';
import { card, heading, richText, type AdaptiveCard, type CardElement } from './card-elements';
import { STATUS_PAGE_VERB } from './status-card';

export { CARD_VERSION, type AdaptiveCard, type CardElement } from './card-elements';
export { REFRESH_STATUS_VERB, statusRefresh, teamsUserMri } from './card-refresh';
export {
  inputId,
  pageHolding,
  statusFormCard,
  statusPages,
  STATUS_PAGE_VERB,
  SUBMIT_STATUS_VERB,
  teamsBytes,
  type FormValues,
} from './status-card';

/** What is still missing after a part of the form was sent: "Fortsett: 3 av 19 gjenstår". */
export interface RemainingMeasures {
  personId: string;
  missing: number;
  total: number;
}

/**
 * The read-only card that replaces the form once answered: what was reported, by whom, when; with
 * a button to the measures still missing when the person answered only part of them.
 */
export function statusSummaryCard(
  plan: Plan,
  reports: StatusReport[],
  remaining?: RemainingMeasures,
  /** Universal Actions' refresh (card-refresh.ts), so that a later lock or change shows. */
  refresh?: CardElement,
): AdaptiveCard {
  const lang: Language = plan.language;
  const first = reports[0];
  const when = first ? formatOsloDateTime(first.reportedAt) : undefined;
  const summary = card(
    [
      heading(t(lang, 'card.answeredTitle', { plan: plan.title })),
      ...(first && when
        ? [richText([{ text: t(lang, 'card.answeredBy', { name: first.reportedBy.name, ...when }), isSubtle: true }])]
        : []),
      ...answerRows(plan, reports),
    ],
    remaining && remaining.missing > 0 ? [continueAction(plan, remaining)] : [],
  );
  return refresh ? { ...summary, refresh } : summary;
}

/** One block per answer: the measure, then its status, value and comment. */
export function answerRows(plan: Plan, reports: StatusReport[]): CardElement[] {
  const lang: Language = plan.language;
  const measures = new Map<string, Measure>();
  const walk = (nodes: Plan['goals']): void =>
    nodes.forEach((n) => {
      n.measures.forEach((m) => measures.set(m.id, m));
      walk(n.children);
    });
  walk(plan.goals);
  return reports.map((r): CardElement => {
    const m = measures.get(r.measureId);
    const details = [t(lang, `status.${r.status}`), r.value !== undefined ? String(r.value) : undefined, r.comment]
      .filter((x): x is string => Boolean(x))
      .join(' · ');
    return {
      type: 'Container',
      separator: true,
      items: [
        richText([{ text: `${m?.number ?? r.measureId} `, weight: 'Bolder' }, { text: m?.text ?? '' }]),
        richText([{ text: details }]),
      ],
    };
  });
}

function continueAction(plan: Plan, remaining: RemainingMeasures): CardElement {
  return {
    type: 'Action.Execute',
    verb: STATUS_PAGE_VERB,
    title: t(plan.language, 'card.continue', { missing: remaining.missing, total: remaining.total }),
    style: 'positive',
    data: { planId: plan.id, personId: remaining.personId, page: 0, missingOnly: true },
  };
}

/**
 * To the coordinator (or a manager) after the deadline: who has not answered, and for what (a
 * partial answer shows how far it came); then those the round never reached, and why.
 */
export function escalationCard(escalation: Escalation): AdaptiveCard {
  const lang: Language = escalation.plan.language;
  const partly = escalation.missing.filter((m) => m.answered > 0).length;
  const unreached = escalation.unreached;
  return card([
    heading(t(lang, 'card.escalationTitle', { plan: escalation.plan.title })),
    richText([
      {
        text: t(lang, 'card.escalationIntro', {
          period: periodLabel(lang, escalation.periodId),
          count: escalation.missing.length,
        }),
      },
    ]),
    ...(partly > 0
      ? [richText([{ text: t(lang, 'card.escalationCounts', { none: escalation.missing.length - partly, partly }) }])]
      : []),
    ...escalation.missing.map((m): CardElement => ({
      type: 'Container',
      separator: true,
      items: [
        richText([
          { text: `${m.name}: `, weight: 'Bolder' },
          { text: m.numbers.join(', ') },
          ...(m.answered > 0
            ? [
                {
                  text: ` (${t(lang, 'card.escalationAnswered', { answered: m.answered, total: m.total })})`,
                  isSubtle: true,
                },
              ]
            : []),
        ]),
      ],
    })),
    ...(unreached.length > 0
      ? [
          {
            type: 'Container',
            separator: true,
            spacing: 'Large',
            items: [
              richText([{ text: t(lang, 'card.escalationUnreached', { count: unreached.length }), weight: 'Bolder' }]),
              ...unreached.map((u) =>
                richText([{ text: `${u.name}: `, weight: 'Bolder' }, { text: reasonText(lang, u.reason) }]),
              ),
            ],
          },
        ]
      : []),
  ]);
}

/** A delivery log's reason in words; one this version does not know is shown as Teams' refusal. */
function reasonText(lang: Language, reason: string): string {
  const known = (UNREACHABLE_REASONS as readonly string[]).includes(reason);
  return t(lang, `round.reason.${known ? (reason as UnreachableReason) : 'refused'}`);
}
