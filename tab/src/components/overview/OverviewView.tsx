/**
 * The overview for the leadership meeting: per goal a chart of its measures' status with the
 * numbers written out beside it (each number opens the measures behind it), what changed since
 * the period before, numeric indicators against their target, benefits expected against realised
 * with the return (BenefitTable), who has not answered. Coordinators
 * lock the period (or reopen it with a reason); everyone here downloads the report. The filters
 * of the goal table narrow it too (the service applies the same rule), so header and cards agree.
 */
import {
  Button,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogTitle,
  Spinner,
  Text,
} from '@fluentui/react-components';
import { useState } from 'react';
import type { OverviewGoal, OverviewStatus } from '../../../../bot/src/contract';
import { formatOsloDateTime, periodLabel, statusLabel, t, type Language } from '../../../../bot/src/contract';
import { api } from '../../api-client';
import { useLoad } from '../../data/use-load';
import { MeasureHistoryDialog } from '../MeasureHistoryDialog';
import { ModalDialog } from '../ModalDialog';
import type { TableFilter } from '../filter-table';
import { NoticeBar, StaleNotice, usePanelStyles, type Notice } from '../panel';
import { BenefitTable } from './BenefitTable';
import { ChangesAndMissing } from './ChangesAndMissing';
import { GoalCards } from './GoalCards';
import { IndicatorTable } from './IndicatorTable';
import { MunicipalitiesTable } from './MunicipalitiesTable';
import { MeasureList } from './MeasureList';
import { MeetingMode } from './MeetingMode';
import { PeriodActions } from './PeriodActions';

export function OverviewView(props: { planId: string; periodId?: string; filter: TableFilter; lang: Language }) {
  const { planId, periodId, filter, lang } = props;
  const styles = usePanelStyles();
  const { load, reload } = useLoad(
    (signal) => api.overview(planId, periodId, filter, signal),
    [planId, periodId, filter.owner, filter.sector, filter.role].join('|'),
  );
  const [notice, setNotice] = useState<Notice>();
  const [behind, setBehind] = useState<{ goal: OverviewGoal; status: OverviewStatus | 'overdue' }>();
  const [history, setHistory] = useState<string>();
  const [meeting, setMeeting] = useState(false);

  const act = async (action: () => Promise<string | Notice>) => {
    setNotice(undefined);
    try {
      const outcome = await action();
      setNotice(typeof outcome === 'string' ? { intent: 'success', text: outcome } : outcome);
      reload({ quiet: true });
    } catch (e) {
      setNotice({ intent: 'error', text: t(lang, 'overview.failed', { reason: (e as Error).message }) });
    }
  };

  if (load.state === 'loading') return <Spinner label={t(lang, 'tab.loading')} />;
  if (load.state === 'error')
    return (
      <NoticeBar
        notice={{ intent: 'error', text: t(lang, 'overview.failed', { reason: (load.error as Error).message }) }}
      />
    );
  const overview = load.value;
  const planLang = overview.plan.language;

  return (
    <section className={styles.panel} aria-labelledby="overview-heading">
      <h2 id="overview-heading" className={styles.heading}>
        {t(lang, 'overview.title')} – {periodLabel(planLang, overview.period.id)}
      </h2>
      <NoticeBar notice={notice} />
      <StaleNotice lang={lang} error={load.error} />
      <Text>
        {overview.lock
          ? t(lang, 'overview.locked', {
              date: formatOsloDateTime(overview.lock.lockedAt).date,
              name: overview.lock.lockedBy.name,
            })
          : t(lang, 'overview.preliminary')}
      </Text>
      <PeriodActions
        overview={overview}
        filter={filter}
        lang={lang}
        onMeeting={() => setMeeting(true)}
        act={(action) => void act(action)}
        onNotice={setNotice}
      />
      <GoalCards overview={overview} lang={lang} onOpen={(goal, status) => setBehind({ goal, status })} />
      <ChangesAndMissing overview={overview} lang={lang} onOpen={setHistory} />
      <MunicipalitiesTable overview={overview} lang={lang} />
      <IndicatorTable overview={overview} lang={lang} />
      <BenefitTable overview={overview} lang={lang} />

      <ModalDialog open={Boolean(behind)} onClose={() => setBehind(undefined)}>
        {behind && (
          <DialogBody>
            <DialogTitle>
              {behind.goal.number}{' '}
              {behind.status === 'overdue'
                ? `${t(lang, 'status.overdue')}: ${behind.goal.overdue}`
                : `${statusLabel(lang, behind.status)}: ${behind.goal.counts[behind.status]}`}
            </DialogTitle>
            <DialogContent>
              <Text as="p">{t(lang, 'overview.measuresBehind')}</Text>
              <MeasureList
                measures={behind.goal.measures.filter((m) =>
                  behind.status === 'overdue' ? m.overdue : m.status === behind.status,
                )}
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
            periodId={overview.period.id}
            lang={lang}
            onClose={() => setHistory(undefined)}
          />
        )}
      </ModalDialog>
      {meeting && <MeetingMode overview={overview} lang={lang} onExit={() => setMeeting(false)} onOpen={setHistory} />}
    </section>
  );
}
