import { Badge, Text, makeStyles, tokens } from '@fluentui/react-components';
import type { GoalTable, GoalTableNode, MeasureRow } from '../../../bot/src/contract';
import { formatOsloDateTime, t, type Language } from '../../../bot/src/contract';
import { StatusBadge } from './StatusBadge';

const useStyles = makeStyles({
  number: { fontWeight: tokens.fontWeightSemibold, marginRight: tokens.spacingHorizontalXS },
  detail: { display: 'block', marginTop: tokens.spacingVerticalXS, color: tokens.colorNeutralForeground2 },
  notes: { whiteSpace: 'pre-line' },
  tag: { marginRight: tokens.spacingHorizontalXS },
  labelled: { display: 'block', marginTop: tokens.spacingVerticalXS, fontWeight: tokens.fontWeightRegular },
  label: { fontWeight: tokens.fontWeightSemibold },
  chips: { listStyleType: 'none', margin: `${tokens.spacingVerticalXS} 0 0`, padding: 0 },
  chip: { marginTop: tokens.spacingVerticalXXS, fontSize: tokens.fontSizeBase200 },
  more: {
    marginTop: tokens.spacingVerticalXS,
    fontWeight: tokens.fontWeightRegular,
    '& summary': { cursor: 'pointer', color: tokens.colorBrandForeground1 },
    '& ul': { margin: `${tokens.spacingVerticalXS} 0 0`, paddingLeft: tokens.spacingHorizontalL },
  },
});

const NUMBER_FORMAT = new Intl.NumberFormat('nb-NO', { maximumFractionDigits: 2 });

/** A goal or strategy cell: number, text, and the plan's labelled texts (No-situasjonen, Mål …). */
export function NodeContent({ node }: { node: GoalTableNode }) {
  const styles = useStyles();
  return (
    <>
      <span className={styles.number}>{node.number}</span>
      {node.text}
      {node.details?.map((d, i) => (
        <span key={i} className={styles.labelled}>
          <span className={styles.label}>{d.label}:</span> {d.text}
        </span>
      ))}
    </>
  );
}

export function MeasureContent({ measure, table }: { measure: MeasureRow; table: GoalTable }) {
  const styles = useStyles();
  const lang = table.plan.language;
  const appliesTo = measure.appliesTo?.map((id) => table.plan.owners.find((o) => o.id === id)?.name ?? id).join(', ');
  return (
    <>
      {measure.kind === 'goal' && (
        <Badge appearance="outline" className={styles.tag}>
          {t(lang, 'measure.goal')}
        </Badge>
      )}
      {measure.quickWin && (
        <Badge appearance="outline" color="success" className={styles.tag}>
          {t(lang, 'measure.quickWin')}
        </Badge>
      )}
      <span className={styles.number}>{measure.number}</span>
      {measure.text}
      {measure.priority !== undefined && (
        <Text className={styles.detail}>{t(lang, 'measure.priority', { rank: measure.priority })}</Text>
      )}
      {measure.deadline && (
        <Text className={styles.detail}>
          {t(lang, 'measure.deadline', { deadline: deadlineText(measure.deadline) })}
        </Text>
      )}
      {appliesTo && <Text className={styles.detail}>{t(lang, 'measure.appliesTo', { owners: appliesTo })}</Text>}
      {measure.notes && <Text className={`${styles.detail} ${styles.notes}`}>{measure.notes}</Text>}
      {(measure.benefits?.length || measure.feasibility) && (
        <details className={styles.more}>
          <summary>
            {t(lang, 'measure.benefitsAndFeasibility')}
            {measure.benefits?.length
              ? `: ${measure.benefits.map((b) => t(lang, `benefit.${b.type}`)).join(', ')}`
              : ''}
          </summary>
          <ul>
            {measure.benefits?.map((b, i) => (
              <li key={i}>{b.text}</li>
            ))}
            {measure.feasibility && (
              <li>
                <span className={styles.label}>{t(lang, 'measure.feasibility')}:</span> {measure.feasibility}
              </li>
            )}
          </ul>
        </details>
      )}
    </>
  );
}

export function IndicatorContent({ measure, lang }: { measure: MeasureRow; lang: Language }) {
  const styles = useStyles();
  const indicator = measure.indicator;
  if (indicator.kind !== 'numeric') return <>{indicator.text || '–'}</>;
  const unit = indicator.unit ?? '';
  const range =
    indicator.target === undefined
      ? undefined
      : indicator.baseline === undefined
        ? t(lang, 'indicator.targetOnly', { target: NUMBER_FORMAT.format(indicator.target), unit })
        : t(lang, 'indicator.numeric', {
            baseline: NUMBER_FORMAT.format(indicator.baseline),
            target: NUMBER_FORMAT.format(indicator.target),
            unit,
          });
  const by = indicator.targetDate ? t(lang, 'indicator.by', { date: formatDate(indicator.targetDate) }) : undefined;
  return (
    <>
      {indicator.text}
      {range && <Text className={styles.detail}>{[range, by].filter(Boolean).join(' ')}</Text>}
      {measure.status?.value !== undefined && (
        <Text className={styles.detail}>
          {t(lang, 'indicator.latest', { value: NUMBER_FORMAT.format(measure.status.value), unit })}
        </Text>
      )}
    </>
  );
}

/** A shared measure seen whole: the roll-up and each municipality's own status, told in text. */
function MunicipalStatuses({ measure, lang, uiLang }: { measure: MeasureRow; lang: Language; uiLang: Language }) {
  const styles = useStyles();
  const rollUp = measure.rollUp ?? { done: 0, total: 0 };
  return (
    <>
      <Text weight="semibold" data-testid="roll-up">
        {t(uiLang, 'tab.rollUp', rollUp)}
      </Text>
      <ul className={styles.chips} aria-label={t(uiLang, 'tab.municipalStatuses')} data-testid="municipal-statuses">
        {(measure.municipalities ?? []).map((m) => (
          <li key={m.ownerId} className={styles.chip} data-owner={m.ownerId}>
            <span>{m.name}:</span> <StatusBadge status={m.status?.code} lang={lang} />
          </li>
        ))}
      </ul>
    </>
  );
}

export function StatusContent({ measure, lang, uiLang }: { measure: MeasureRow; lang: Language; uiLang: Language }) {
  const styles = useStyles();
  if (measure.municipalities && !measure.closed)
    return <MunicipalStatuses measure={measure} lang={lang} uiLang={uiLang} />;
  return (
    <>
      <StatusBadge status={measure.closed ? 'closed' : measure.status?.code} lang={lang} />
      {measure.closed && (
        <Text className={styles.detail} data-testid="closed">
          {t(uiLang, 'tab.closedBecause', { date: formatDate(measure.closed.on), reason: measure.closed.reason })}
        </Text>
      )}
      {measure.overdue && (
        <Badge appearance="filled" color="danger" className={styles.tag} data-testid="overdue">
          {t(lang, 'status.overdue')}
        </Badge>
      )}
      {measure.status?.pending && (
        <Text size={200} className={styles.detail} data-testid="pending-report">
          {t(uiLang, 'tab.pendingReport')}
        </Text>
      )}
      {measure.status?.comment && <Text className={styles.detail}>{measure.status.comment}</Text>}
      {measure.status?.fromDocument && (
        <Text size={200} className={styles.detail}>
          {t(uiLang, 'report.fromDocument')}
        </Text>
      )}
      {measure.status && (
        <Text size={200} className={styles.detail}>
          {t(uiLang, 'tab.reportedBy', {
            name: measure.status.answeredFor
              ? `${measure.status.reportedBy} ${t(uiLang, 'tab.answeredFor', { name: measure.status.answeredFor })}`
              : measure.status.reportedBy,
            date: formatOsloDateTime(measure.status.reportedAt).date,
          })}
        </Text>
      )}
    </>
  );
}

/** 2024-12-31 → 31.12.2024 */
function formatDate(isoDate: string): string {
  const [y, m, d] = isoDate.split('-');
  return `${d}.${m}.${y}`;
}

/** A deadline as the plan wrote it; a legend's category with its years: "kortsiktig (2024–2025)". */
function deadlineText(deadline: NonNullable<MeasureRow['deadline']>): string {
  if (deadline.kind !== 'category' || deadline.fromYear === undefined) return deadline.text;
  const years =
    deadline.toYear && deadline.toYear !== deadline.fromYear
      ? `${deadline.fromYear}–${deadline.toYear}`
      : `${deadline.fromYear}`;
  return `${deadline.label} (${years})`;
}
