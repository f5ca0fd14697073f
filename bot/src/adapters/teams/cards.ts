/**
 * Adaptive Cards (1.5, Universal Actions) built by pure functions. Text from plans and people goes
 * into RichTextBlock/TextRun, which hosts do not parse as Markdown: nothing in a comment or a
 * measure's text can turn into a link or a heading.
 */
import type { Escalation } from '../../app/ports';
import type { StatusForm } from '../../domain/status-form';
import type { Measure, Plan } from '../../domain/plan';
import { MAX_COMMENT_LENGTH, STATUS_CODES, UNCHANGED, type StatusReport } from '../../domain/status';
import { formatOsloDateTime, periodLabel, t, type Language } from '../../i18n';

export const SUBMIT_STATUS_VERB = 'submitStatus';
export const CARD_VERSION = '1.5';

export type CardElement = Record<string, unknown>;
export interface AdaptiveCard extends CardElement {
  type: 'AdaptiveCard';
  version: string;
  body: CardElement[];
}

/** Values of a form as the person left them, to show again next to an error. */
export type FormValues = Record<string, string | number | undefined>;

export const inputId = {
  status: (measureId: string) => `status:${measureId}`,
  comment: (measureId: string) => `comment:${measureId}`,
  value: (measureId: string) => `value:${measureId}`,
};

export function statusFormCard(form: StatusForm, options: { error?: string; values?: FormValues } = {}): AdaptiveCard {
  const lang: Language = form.plan.language;
  const valueOf = (id: string, fallback: string | number | undefined): string | number | undefined =>
    options.values && id in options.values ? options.values[id] : fallback;

  const measureBlocks = form.measures.map((m): CardElement => {
    // This period's answer when there is one; otherwise last period's, as a starting point.
    const previous = form.previous?.get(m.id);
    const current = form.current.get(m.id) ?? previous;
    const statusChoices = STATUS_CODES.map((code) => ({ title: t(lang, `status.${code}`), value: code }));
    const items: CardElement[] = [
      richText([{ text: `${m.number} `, weight: 'Bolder' }, { text: m.text }]),
      richText([{ text: t(lang, 'card.indicator', { text: m.indicator.text || '–' }), isSubtle: true }]),
      ...(previous ? [richText([{ text: previousLine(lang, previous), isSubtle: true }])] : []),
      {
        type: 'Input.ChoiceSet',
        id: inputId.status(m.id),
        label: t(lang, 'card.statusLabel', { number: m.number }),
        style: 'compact',
        placeholder: t(lang, 'card.statusPlaceholder'),
        choices: previous ? [{ title: t(lang, 'card.unchanged'), value: UNCHANGED }, ...statusChoices] : statusChoices,
        ...withValue(valueOf(inputId.status(m.id), current?.status)),
      },
      {
        type: 'Input.Text',
        id: inputId.comment(m.id),
        label: t(lang, 'card.commentLabel', { number: m.number }),
        isMultiline: true,
        maxLength: MAX_COMMENT_LENGTH,
        ...withValue(valueOf(inputId.comment(m.id), current?.comment)),
      },
    ];
    if (m.indicator.kind === 'numeric') {
      const unit = m.indicator.unit;
      items.push({
        type: 'Input.Number',
        id: inputId.value(m.id),
        label: unit
          ? t(lang, 'card.valueLabelUnit', { number: m.number, unit })
          : t(lang, 'card.valueLabel', { number: m.number }),
        ...withValue(valueOf(inputId.value(m.id), current?.value)),
      });
    }
    return { type: 'Container', separator: true, spacing: 'Medium', items };
  });

  return card(
    [
      heading(t(lang, 'card.title', { plan: form.plan.title })),
      richText([
        {
          text: form.substitute
            ? t(lang, 'card.introSubstitute', {
                period: periodLabel(lang, form.period.id),
                count: form.measures.length,
                name: form.person.name,
              })
            : t(lang, 'card.intro', {
                period: periodLabel(lang, form.period.id),
                count: form.measures.length,
              }),
        },
      ]),
      ...(options.error ? [errorBanner(options.error)] : []),
      ...measureBlocks,
      // Repeated next to the button: after a long form that is where the person is looking.
      ...(options.error ? [errorBanner(options.error)] : []),
    ],
    [
      {
        type: 'Action.Execute',
        verb: SUBMIT_STATUS_VERB,
        title: t(lang, 'card.submit'),
        style: 'positive',
        data: { submissionId: form.submissionId, planId: form.plan.id, periodId: form.period.id },
      },
    ],
  );
}

/** The read-only card that replaces the form once answered: what was reported, by whom, when. */
export function statusSummaryCard(plan: Plan, reports: StatusReport[]): AdaptiveCard {
  const lang: Language = plan.language;
  const first = reports[0];
  const measures = new Map<string, Measure>();
  const walk = (nodes: Plan['goals']): void =>
    nodes.forEach((n) => {
      n.measures.forEach((m) => measures.set(m.id, m));
      walk(n.children);
    });
  walk(plan.goals);
  const when = first ? formatOsloDateTime(first.reportedAt) : undefined;

  const rows = reports.map((r): CardElement => {
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

  return card([
    heading(t(lang, 'card.answeredTitle', { plan: plan.title })),
    ...(first && when
      ? [richText([{ text: t(lang, 'card.answeredBy', { name: first.reportedBy.name, ...when }), isSubtle: true }])]
      : []),
    ...rows,
  ]);
}

/** "Forrige periode: I rute · Kommentaren" */
function previousLine(lang: Language, report: StatusReport): string {
  const parts = [
    t(lang, `status.${report.status}`),
    report.value !== undefined ? String(report.value) : undefined,
    report.comment,
  ];
  return t(lang, 'card.previous', { answer: parts.filter(Boolean).join(' · ') });
}

/** To the coordinator (or a manager) after the deadline: who has not answered, and for what. */
export function escalationCard(escalation: Escalation): AdaptiveCard {
  const lang: Language = escalation.plan.language;
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
    ...escalation.missing.map((m): CardElement => ({
      type: 'Container',
      separator: true,
      items: [richText([{ text: `${m.name}: `, weight: 'Bolder' }, { text: m.numbers.join(', ') }])],
    })),
  ]);
}

/**
 * No `lang` on the card: the adaptivecards parser validates it with a global regex whose state
 * makes every second check fail, so hosts built on it may reject a valid "nb". Texts are already
 * in the plan's language.
 */
function card(body: CardElement[], actions: CardElement[] = []): AdaptiveCard {
  return {
    type: 'AdaptiveCard',
    $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
    version: CARD_VERSION,
    body,
    ...(actions.length ? { actions } : {}),
  };
}

interface Run {
  text: string;
  weight?: 'Bolder';
  isSubtle?: boolean;
  color?: 'Attention';
}

function richText(runs: Run[]): CardElement {
  return { type: 'RichTextBlock', inlines: runs.map((r) => ({ type: 'TextRun', ...r })) };
}

function heading(text: string): CardElement {
  return {
    type: 'RichTextBlock',
    inlines: [{ type: 'TextRun', text, weight: 'Bolder', size: 'Medium' }],
  };
}

function errorBanner(text: string): CardElement {
  return {
    type: 'Container',
    style: 'attention',
    items: [richText([{ text, weight: 'Bolder', color: 'Attention' }])],
  };
}

function withValue(value: string | number | undefined): { value?: string } {
  return value === undefined || value === '' ? {} : { value: String(value) };
}
