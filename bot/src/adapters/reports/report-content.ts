/**
 * What the council's report says, worded once in the plan's language, so the PDF and the Word
 * document (and any later format) carry the same content: the cover, a summary per goal with its
 * numbers in words, what changed since the period before, the leadership meeting's decisions and
 * follow-ups, and the goal table with the plan's own numbering and level names; a report narrowed
 * by a filter says so on its cover. Pure: no I/O, no clock.
 */
import { benefitLines } from './report-benefits';
import { OVERVIEW_STATUSES, type Overview, type OverviewMeasure, type OverviewStatus } from '../../app/get-overview';
import type { Decision } from '../../domain/decision';
import { isFiltered, type MeasureFilter } from '../../domain/measure-filter';
import { allMeasures, type Deadline, type GoalNode, type Indicator, type Measure, type Plan } from '../../domain/plan';
import { formatOsloDateTime, periodLabel, responsibleLabel, statusLabel, t, type Language } from '../../i18n';

export interface ReportInput {
  plan: Plan;
  overview: Overview;
  /** When the report was made (the lock time for a locked period). */
  madeAt: string;
  /** Set for a locked period; absent: the report says it is preliminary. */
  lockedAt?: string;
  /** The period's decisions and follow-ups on the measures shown, in the order recorded. */
  decisions?: Decision[];
  /** The filter the plan and overview were narrowed by, said on the cover. */
  filter?: MeasureFilter;
}

export interface GoalSummary {
  heading: string;
  counts: Record<OverviewStatus, number>;
  /** The chart's numbers in words: "12 tiltak: 3 fullført, 4 i rute …". */
  words: string;
  /** The chart's alternative text for a screen reader. */
  chartAlt: string;
}

/** A row of the goal table: a heading of a level under the goal ("Strategi 1.1 …"), or a measure. */
export type TableRow =
  | { kind: 'group'; text: string }
  | {
      kind: 'measure';
      number: string;
      text: string;
      status: OverviewStatus;
      statusText: string;
      indicator: string;
      deadline: string;
      responsible: string;
      comment: string;
    };

export interface TableSection {
  heading: string;
  rows: TableRow[];
}

export interface ReportContent {
  lang: Language;
  /** BCP 47, for the document's language. */
  locale: string;
  documentTitle: string;
  cover: {
    municipalities: string;
    title: string;
    subtitle: string;
    period: string;
    stamp: string;
    /** Which measures a filtered report holds ("Utvalg: sektor Felles …"); absent for the whole plan. */
    filter?: string;
  };
  summaryHeading: string;
  summaries: GoalSummary[];
  changes: { heading: string; lines: string[] };
  decisions: { heading: string; lines: string[] };
  /** Gevinstrealisering: expected against realised per type and year, the return against the target. */
  benefits: { heading: string; lines: string[] };
  tableHeading: string;
  columns: string[];
  sections: TableSection[];
  /** What the report does not hold yet, said rather than left out silently. */
  notIncluded: string;
  /** "Side {page} av {pages}", filled in per page. */
  pageLabel: (page: number, pages: number) => string;
  /** The same label in pieces, for formats that number pages themselves (Word's fields). */
  pageLabelParts: (string | { field: 'page' | 'pages' })[];
}

/** "1 234,5" and "−35": Norwegian grouping and the true minus sign; the embedded font has both. */
export function norwegianNumber(value: number): string {
  return value.toLocaleString('nb-NO', { maximumFractionDigits: 2 });
}

/** Where the plan names no responsible role, the report says so rather than leaving a blank. */
export function reportContent(input: ReportInput): ReportContent {
  const { plan, overview } = input;
  const lang: Language = plan.language;
  const period = periodLabel(lang, overview.period.id);
  const title = plan.title;
  return {
    lang,
    locale: lang === 'nn' ? 'nn-NO' : 'nb-NO',
    documentTitle: `${title} – ${period}`,
    cover: {
      municipalities: municipalitiesOf(plan, lang),
      title,
      subtitle: t(lang, 'report.cover'),
      period,
      stamp: reportStamp(lang, input),
      ...(input.filter && isFiltered(input.filter) ? { filter: filterText(plan, lang, input.filter) } : {}),
    },
    summaryHeading: t(lang, 'report.summary'),
    summaries: [
      ...overview.goals.map((g) => summaryOf(lang, headingOf(plan, g.number, g.text, 0), g.counts)),
      summaryOf(lang, t(lang, 'overview.total'), overview.totals),
    ],
    changes: changesOf(lang, overview),
    decisions: decisionsOf(plan, lang, input.decisions ?? []),
    benefits: benefitLines(lang, overview.benefits),
    tableHeading: t(lang, 'report.goalTable'),
    columns: [
      t(lang, 'report.number'),
      plan.levels.at(-1) ?? t(lang, 'report.measure'),
      t(lang, 'report.status'),
      t(lang, 'report.indicator'),
      t(lang, 'report.deadline'),
      t(lang, 'report.responsible'),
      t(lang, 'report.comment'),
    ],
    sections: sectionsOf(plan, overview, lang),
    notIncluded: t(lang, 'report.notIncluded'),
    pageLabel: (page, pages) => t(lang, 'report.page', { page, pages }),
    // Without values, t leaves the placeholders as they are written: "Side {page} av {pages}".
    pageLabelParts: t(lang, 'report.page')
      .split(/(\{pages?\})/)
      .filter(Boolean)
      .map((part) => (part === '{page}' ? { field: 'page' } : part === '{pages}' ? { field: 'pages' } : part)),
  };
}

/** "Utvalg: kommune Årdal kommune, sektor Felles. …" in the plan's words (the owner by its name). */
export function filterText(plan: Pick<Plan, 'owners'>, lang: Language, filter: MeasureFilter): string {
  const owner = filter.owner ? (plan.owners.find((o) => o.id === filter.owner)?.name ?? filter.owner) : undefined;
  const parts = [
    ...(owner ? [t(lang, 'report.filter.owner', { name: owner })] : []),
    ...(filter.sector ? [t(lang, 'report.filter.sector', { name: filter.sector })] : []),
    ...(filter.role ? [t(lang, 'report.filter.role', { name: filter.role })] : []),
  ];
  return t(lang, 'report.filter', { filter: parts.join(', ') });
}

/** One line per decision: the measure, the kind, what, who follows it up and by when. */
function decisionsOf(plan: Plan, lang: Language, decisions: Decision[]): ReportContent['decisions'] {
  const heading = t(lang, 'report.decisions');
  if (decisions.length === 0) return { heading, lines: [t(lang, 'report.decisions.none')] };
  const measures = new Map(allMeasures(plan).map((m) => [m.id, m]));
  const lines = decisions.map((d) => {
    const measure = measures.get(d.measureId);
    const who = [
      d.assignee ? t(lang, 'decision.who', { name: d.assignee.name }) : '',
      d.dueDate ? t(lang, 'decision.due', { date: dayText(d.dueDate) }) : '',
    ]
      .filter(Boolean)
      .join(' ');
    const what = `${t(lang, `decision.kind.${d.kind}`)}: ${d.text}`;
    return [`${measure?.number ?? d.measureId} ${measure?.text ?? ''}`.trim(), what, who].filter(Boolean).join(' – ');
  });
  return { heading, lines };
}

/** 2027-03-15 as Norwegians write it: 15.03.2027. */
function dayText(day: string): string {
  return day.split('-').reverse().join('.');
}

function municipalitiesOf(plan: Plan, lang: Language): string {
  return plan.owners
    .map((o) => (o.id === plan.hostOwnerId ? t(lang, 'report.host', { name: o.name }) : o.name))
    .join(', ');
}

/** "Låst 1. februar 2027", or when it was made and that it is preliminary. */
export function reportStamp(lang: Language, input: Pick<ReportInput, 'madeAt' | 'lockedAt'>): string {
  return input.lockedAt
    ? t(lang, 'report.lockedAt', { date: formatOsloDateTime(input.lockedAt).date })
    : `${t(lang, 'report.generated', { date: formatOsloDateTime(input.madeAt).date })}. ${t(lang, 'overview.preliminary')}`;
}

/** "Hovedmål 1: Digitalisere …", in the plan's own words for the level. */
function headingOf(plan: Plan, number: string, text: string, level: number): string {
  const name = plan.levels[level] ?? '';
  return [`${name} ${number}`.trim(), text].filter(Boolean).join(': ');
}

function summaryOf(lang: Language, heading: string, counts: Record<OverviewStatus, number>): GoalSummary {
  const total = OVERVIEW_STATUSES.reduce((n, s) => n + counts[s], 0);
  const parts = OVERVIEW_STATUSES.filter((s) => counts[s] > 0).map(
    (s) => `${counts[s]} ${statusLabel(lang, s).toLocaleLowerCase(lang)}`,
  );
  const words = t(lang, 'report.words', { total, parts: parts.join(', ') });
  return { heading, counts, words, chartAlt: t(lang, 'report.chartAlt', { goal: heading, words }) };
}

function changesOf(lang: Language, overview: Overview): ReportContent['changes'] {
  if (!overview.previousPeriod)
    return { heading: t(lang, 'report.changes.first'), lines: [t(lang, 'report.changes.noPrevious')] };
  const heading = t(lang, 'overview.change.title', { period: periodLabel(lang, overview.previousPeriod.id) });
  const lines = overview.goals
    .flatMap((g) => g.measures)
    .filter((m): m is OverviewMeasure & { change: 'better' | 'worse' | 'newly-late' } => m.change !== 'same')
    .map((m) =>
      t(lang, 'report.changes.line', {
        number: m.number,
        text: m.text,
        from: statusLabel(lang, m.previousStatus ?? 'not_reported'),
        to: statusLabel(lang, m.status),
        change: t(lang, `overview.change.${m.change}`),
      }),
    );
  return { heading, lines: lines.length ? lines : [t(lang, 'overview.change.none')] };
}

function sectionsOf(plan: Plan, overview: Overview, lang: Language): TableSection[] {
  const measures = new Map(overview.goals.flatMap((g) => g.measures).map((m) => [m.id, m]));
  return plan.goals.map((goal) => ({
    heading: headingOf(plan, goal.number, goal.text, goal.level),
    rows: rowsOf(plan, goal, measures, lang, true),
  }));
}

function rowsOf(
  plan: Plan,
  node: GoalNode,
  measures: Map<string, OverviewMeasure>,
  lang: Language,
  top: boolean,
): TableRow[] {
  const group: TableRow[] = top ? [] : [{ kind: 'group', text: headingOf(plan, node.number, node.text, node.level) }];
  return [
    ...group,
    ...node.measures.map((m) => measureRow(m, measures.get(m.id), lang)),
    ...node.children.flatMap((c) => rowsOf(plan, c, measures, lang, false)),
  ];
}

function measureRow(m: Measure, seen: OverviewMeasure | undefined, lang: Language): TableRow {
  const status = seen?.status ?? 'not_reported';
  return {
    kind: 'measure',
    number: m.number,
    text: m.text,
    status,
    statusText: statusLabel(lang, status),
    indicator: indicatorText(m.indicator, seen?.value, lang),
    deadline: deadlineText(m.deadline),
    responsible: responsibleLabel(lang, m),
    comment: seen?.comment ?? '',
  };
}

/** The indicator as the plan wrote it, then the value with its unit, against the target and its direction. */
function indicatorText(indicator: Indicator, value: number | undefined, lang: Language): string {
  const lines = indicator.text ? [indicator.text] : [];
  const unit = indicator.kind === 'numeric' && indicator.unit ? ` ${indicator.unit}` : '';
  if (value !== undefined) lines.push(t(lang, 'report.valueIs', { value: `${norwegianNumber(value)}${unit}` }));
  if (indicator.kind === 'numeric') {
    if (indicator.target !== undefined)
      lines.push(t(lang, 'report.targetIs', { target: `${norwegianNumber(indicator.target)}${unit}` }));
    lines.push(t(lang, indicator.direction === 'higher' ? 'report.higherBetter' : 'report.lowerBetter'));
    if (value === undefined) lines.push(t(lang, 'overview.indicator.noValue'));
  }
  return lines.join('\n') || '–';
}

function deadlineText(deadline: Deadline | undefined): string {
  return deadline?.text.trim() || '–';
}
