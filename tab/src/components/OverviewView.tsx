/**
 * The overview for the leadership meeting: per goal a chart of its measures' status with the
 * numbers written out beside it (each number opens the measures behind it), what changed since
 * the period before, numeric indicators against their target, who has not answered. Coordinators
 * lock the period (or reopen it with a reason); everyone here downloads the report.
 */
import {
  Button,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogTitle,
  Field,
  makeStyles,
  Spinner,
  Text,
  Textarea,
  tokens,
} from '@fluentui/react-components';
import { useCallback, useEffect, useState } from 'react';
import type { OverviewGoal, OverviewMeasure, OverviewResponse, OverviewStatus } from '../../../bot/src/contract';
import { formatOsloDateTime, periodLabel, statusLabel, t, type Language } from '../../../bot/src/contract';
import { api } from '../api-client';
import { MeasureHistoryDialog } from './MeasureHistoryDialog';
import { MeetingMode } from './MeetingMode';
import { ModalDialog } from './ModalDialog';
import { NoticeBar, usePanelStyles, type Notice } from './panel';
import { StatusBadge } from './StatusBadge';

const ORDER: OverviewStatus[] = ['delayed', 'not_reported', 'not_started', 'on_track', 'done', 'cancelled'];

const useStyles = makeStyles({
  goals: {
    display: 'grid',
    gap: tokens.spacingVerticalL,
    gridTemplateColumns: 'repeat(auto-fill, minmax(18rem, 1fr))',
  },
  goal: {
    border: `1px solid ${tokens.colorNeutralStroke1}`,
    borderRadius: tokens.borderRadiusMedium,
    padding: tokens.spacingHorizontalM,
  },
  bar: { display: 'flex', height: '1rem', border: `1px solid ${tokens.colorNeutralStroke1}`, margin: '0.5rem 0' },
  numbers: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalXS },
  actions: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS, alignItems: 'flex-end' },
  columns: {
    display: 'grid',
    gap: tokens.spacingHorizontalL,
    gridTemplateColumns: 'repeat(auto-fit, minmax(16rem, 1fr))',
  },
  table: { borderCollapse: 'collapse', '& th, & td': { textAlign: 'left', padding: '0.25rem 0.5rem' } },
});

/** Segment fills; the numbers next to the bar say the same in words. */
export const SEGMENT: Record<OverviewStatus, string> = {
  delayed: tokens.colorPaletteRedBackground3,
  not_reported: tokens.colorNeutralBackground5,
  not_started: tokens.colorPaletteYellowBackground3,
  on_track: tokens.colorBrandBackground,
  done: tokens.colorPaletteGreenBackground3,
  cancelled: tokens.colorNeutralForeground3,
};

export function countsText(lang: Language, counts: Record<OverviewStatus, number>): string {
  return ORDER.filter((s) => counts[s] > 0)
    .map((s) => `${statusLabel(lang, s)}: ${counts[s]}`)
    .join(', ');
}

export function OverviewView(props: { planId: string; periodId?: string; lang: Language }) {
  const { planId, lang } = props;
  const styles = { ...usePanelStyles(), ...useStyles() };
  const [overview, setOverview] = useState<OverviewResponse>();
  const [notice, setNotice] = useState<Notice>();
  const [behind, setBehind] = useState<{ goal: OverviewGoal; status: OverviewStatus }>();
  const [history, setHistory] = useState<string>();
  const [meeting, setMeeting] = useState(false);
  const [reopening, setReopening] = useState(false);

  const load = useCallback(() => {
    api
      .overview(planId, props.periodId)
      .then(setOverview, (e: unknown) =>
        setNotice({ intent: 'error', text: t(lang, 'overview.failed', { reason: (e as Error).message }) }),
      );
  }, [planId, props.periodId, lang]);
  useEffect(load, [load]);

  const act = async (action: () => Promise<string | Notice>) => {
    setNotice(undefined);
    try {
      const outcome = await action();
      setNotice(typeof outcome === 'string' ? { intent: 'success', text: outcome } : outcome);
      load();
    } catch (e) {
      setNotice({ intent: 'error', text: t(lang, 'overview.failed', { reason: (e as Error).message }) });
    }
  };

  if (!overview) return notice ? <NoticeBar notice={notice} /> : <Spinner label={t(lang, 'tab.loading')} />;
  const planLang = overview.plan.language;
  const period = overview.period.id;
  const measures = overview.goals.flatMap((g) => g.measures);
  const changed = (change: OverviewMeasure['change']) => measures.filter((m) => m.change === change);

  return (
    <section className={styles.panel} aria-labelledby="overview-heading">
      <h2 id="overview-heading" className={styles.heading}>
        {t(lang, 'overview.title')} – {periodLabel(planLang, period)}
      </h2>
      <NoticeBar notice={notice} />
      <Text>
        {overview.lock
          ? t(lang, 'overview.locked', {
              date: formatOsloDateTime(overview.lock.lockedAt).date,
              name: overview.lock.lockedBy.name,
            })
          : t(lang, 'overview.preliminary')}
      </Text>
      <div className={styles.actions}>
        <Button appearance="primary" onClick={() => setMeeting(true)}>
          {t(lang, 'overview.meeting')}
        </Button>
        {(['xlsx', 'pdf'] as const).map((format) => (
          <Button
            key={format}
            onClick={() =>
              void api
                .downloadReport(planId, period, format)
                .catch((e: unknown) =>
                  setNotice({ intent: 'error', text: t(lang, 'overview.failed', { reason: (e as Error).message }) }),
                )
            }
          >
            {t(lang, format === 'xlsx' ? 'overview.exportXlsx' : 'overview.exportPdf')}
          </Button>
        ))}
        {overview.permissions.lock && !overview.lock && overview.lockable && (
          <Button
            onClick={() =>
              void act(async () => {
                const outcome = await api.lockPeriod(planId, period);
                // Locked either way; a report SharePoint did not take is the coordinator's to file.
                if (outcome.filingFailed)
                  return {
                    intent: 'warning',
                    text: t(lang, 'overview.filingFailed', { reason: outcome.filingFailed }),
                  };
                return [t(lang, 'overview.lockDone'), outcome.filedAt ? t(lang, 'overview.filed') : '']
                  .join(' ')
                  .trim();
              })
            }
          >
            {t(lang, 'overview.lock')}
          </Button>
        )}
        {overview.permissions.lock && overview.lock && !reopening && (
          <Button onClick={() => setReopening(true)}>{t(lang, 'overview.reopen')}</Button>
        )}
      </div>
      {overview.permissions.lock && !overview.lock && !overview.lockable && (
        <Text>
          {t(lang, 'overview.lockLater', { date: formatOsloDateTime(`${overview.period.end}T12:00:00Z`).date })}
        </Text>
      )}
      {reopening && (
        <ReopenForm
          lang={lang}
          onCancel={() => setReopening(false)}
          onReopen={(reason) =>
            void act(async () => {
              await api.reopenPeriod(planId, period, reason);
              setReopening(false);
              return t(lang, 'overview.reopenDone');
            })
          }
        />
      )}

      <div className={styles.goals}>
        {[
          ...overview.goals,
          { id: 'all', number: '', text: t(lang, 'overview.total'), counts: overview.totals, measures },
        ].map((goal) => (
          <article key={goal.id} className={styles.goal} aria-labelledby={`goal-${goal.id}`}>
            <h3 id={`goal-${goal.id}`} lang={planLang}>
              {goal.number} {goal.text}
            </h3>
            <StatusBar counts={goal.counts} lang={lang} label={`${goal.number} ${goal.text}`.trim()} />
            <div className={styles.numbers}>
              {ORDER.filter((s) => goal.counts[s] > 0).map((s) => (
                <Button key={s} size="small" appearance="subtle" onClick={() => setBehind({ goal, status: s })}>
                  {statusLabel(lang, s)}: {goal.counts[s]}
                </Button>
              ))}
            </div>
            {'previousCounts' in goal && goal.previousCounts && (
              <Text size={200}>
                {t(lang, 'overview.sincePrevious', { count: countsText(lang, goal.previousCounts) })}
              </Text>
            )}
          </article>
        ))}
      </div>

      <div className={styles.columns}>
        {overview.previousPeriod && (
          <section aria-labelledby="changes-heading">
            <h3 id="changes-heading">
              {t(lang, 'overview.change.title', { period: periodLabel(planLang, overview.previousPeriod.id) })}
            </h3>
            {(['newly-late', 'worse', 'better'] as const).map((change) => (
              <div key={change}>
                <h4>
                  {t(lang, `overview.change.${change}`)} ({changed(change).length})
                </h4>
                <MeasureList measures={changed(change)} lang={lang} planLang={planLang} onOpen={setHistory} />
              </div>
            ))}
          </section>
        )}
        <section aria-labelledby="not-answered-heading">
          <h3 id="not-answered-heading">{t(lang, 'overview.notAnswered', { count: overview.notAnswered.length })}</h3>
          {overview.notAnswered.length === 0 ? (
            <Text>{t(lang, 'overview.everyoneAnswered')}</Text>
          ) : (
            <ul className={styles.list}>
              {overview.notAnswered.map((p) => (
                <li key={p.name}>
                  {p.name}: {p.numbers.join(', ')}
                </li>
              ))}
            </ul>
          )}
        </section>
      </div>

      {overview.indicators.length > 0 && (
        <table className={styles.table}>
          <caption>{t(lang, 'overview.indicators')}</caption>
          <thead>
            <tr>
              <th scope="col">{t(lang, 'report.measure')}</th>
              <th scope="col">{t(lang, 'report.value')}</th>
              <th scope="col">{t(lang, 'overview.indicator.target', { target: '' }).trim()}</th>
            </tr>
          </thead>
          <tbody>
            {overview.indicators.map((i) => (
              <tr key={i.measureId}>
                <th scope="row" lang={planLang}>
                  {i.number} {i.text}
                </th>
                <td>
                  {i.values.length === 0
                    ? t(lang, 'overview.indicator.noValue')
                    : i.values
                        .map(
                          (v) =>
                            `${periodLabel(planLang, v.periodId)}: ${v.value.toLocaleString('nb-NO')}${i.unit ? ` ${i.unit}` : ''}`,
                        )
                        .join(' → ')}
                </td>
                <td>
                  {i.target !== undefined ? i.target.toLocaleString('nb-NO') : '–'}
                  {i.onTarget !== undefined &&
                    ` (${t(lang, i.onTarget ? 'overview.indicator.onTarget' : 'overview.indicator.offTarget')})`}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}

      <ModalDialog open={Boolean(behind)} onClose={() => setBehind(undefined)}>
        {behind && (
          <DialogBody>
            <DialogTitle>
              {behind.goal.number} {statusLabel(lang, behind.status)}: {behind.goal.counts[behind.status]}
            </DialogTitle>
            <DialogContent>
              <Text as="p">{t(lang, 'overview.measuresBehind')}</Text>
              <MeasureList
                measures={behind.goal.measures.filter((m) => m.status === behind.status)}
                lang={lang}
                planLang={planLang}
                onOpen={setHistory} // opens above this dialog
              />
            </DialogContent>
            <DialogActions>
              <Button appearance="primary" onClick={() => setBehind(undefined)}>
                {t(lang, 'overview.close')}
              </Button>
            </DialogActions>
          </DialogBody>
        )}
      </ModalDialog>
      <ModalDialog open={Boolean(history)} onClose={() => setHistory(undefined)}>
        {history && (
          <MeasureHistoryDialog
            planId={planId}
            measureId={history}
            planLanguage={planLang}
            lang={lang}
            onClose={() => setHistory(undefined)}
          />
        )}
      </ModalDialog>
      {meeting && <MeetingMode overview={overview} lang={lang} onExit={() => setMeeting(false)} onOpen={setHistory} />}
    </section>
  );
}

/** A stacked bar; a text alternative says what it shows. */
export function StatusBar(props: { counts: Record<OverviewStatus, number>; lang: Language; label: string }) {
  const styles = useStyles();
  const total = ORDER.reduce((n, s) => n + props.counts[s], 0) || 1;
  return (
    <div className={styles.bar} role="img" aria-label={`${props.label}: ${countsText(props.lang, props.counts)}`}>
      {ORDER.filter((s) => props.counts[s] > 0).map((s) => (
        <div key={s} style={{ width: `${(props.counts[s] / total) * 100}%`, background: SEGMENT[s] }} />
      ))}
    </div>
  );
}

export function MeasureList(props: {
  measures: OverviewMeasure[];
  lang: Language;
  planLang: Language;
  onOpen: (measureId: string) => void;
}) {
  if (props.measures.length === 0) return <Text>{t(props.lang, 'overview.change.none')}</Text>;
  return (
    <ul>
      {props.measures.map((m) => (
        <li key={m.id}>
          <Button appearance="transparent" onClick={() => props.onOpen(m.id)}>
            <span lang={props.planLang}>
              {m.number} {m.text}
            </span>
          </Button>{' '}
          <StatusBadge status={m.status === 'not_reported' ? undefined : m.status} lang={props.lang} />
        </li>
      ))}
    </ul>
  );
}

function ReopenForm(props: { lang: Language; onCancel: () => void; onReopen: (reason: string) => void }) {
  const [reason, setReason] = useState('');
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        props.onReopen(reason);
      }}
    >
      <Field label={t(props.lang, 'overview.reopenReason')} required>
        <Textarea value={reason} maxLength={500} onChange={(_e, d) => setReason(d.value)} />
      </Field>
      <Button type="submit" appearance="primary" disabled={!reason.trim()}>
        {t(props.lang, 'overview.reopen')}
      </Button>{' '}
      <Button onClick={props.onCancel}>{t(props.lang, 'overview.close')}</Button>
    </form>
  );
}
