/**
 * The meeting's stage (frameContext `meetingStage`, or `?view=stage` on a projector): meeting mode
 * straight away, for the plan, period and filters in the address, stepping goal by goal with the
 * arrow keys or its buttons. Each person in the meeting loads it with their own sign-in.
 */
import { Spinner } from '@fluentui/react-components';
import { useState } from 'react';
import { t, type Language } from '../../../../bot/src/contract';
import { api } from '../../api-client';
import { useLoad } from '../../data/use-load';
import { readView } from '../../view-state';
import { MeasureHistoryDialog } from '../MeasureHistoryDialog';
import { ModalDialog } from '../ModalDialog';
import { NoticeBar } from '../panel';
import { MeetingMode } from '../overview/MeetingMode';

export function StageView(props: { lang: Language }) {
  const { lang } = props;
  const [view] = useState(readView);
  const { filter, periodId } = view;
  // Only an address without a plan (Teams' own share of the tab) needs the list, for the person's plan.
  const plans = useLoad(view.planId ? undefined : (signal) => api.plans(signal), 'plans');
  const planId =
    view.planId ??
    (plans.load.state === 'ready' ? (plans.load.value.preferredPlanId ?? plans.load.value.plans[0]?.id) : undefined);
  const { load } = useLoad(
    planId ? (signal) => api.overview(planId, periodId, filter, signal) : undefined,
    [planId, periodId, filter.owner, filter.sector, filter.role].join('|'),
  );
  const [history, setHistory] = useState<string>();

  const failed = load.state === 'error' ? load.error : plans.load.state === 'error' ? plans.load.error : undefined;
  if (failed)
    return (
      <main>
        <NoticeBar
          notice={{ intent: 'error', text: t(lang, 'overview.failed', { reason: (failed as Error).message }) }}
        />
      </main>
    );
  if (load.state !== 'ready') return <Spinner label={t(lang, 'tab.loading')} />;
  const overview = load.value;
  return (
    <main>
      <MeetingMode overview={overview} lang={lang} onOpen={setHistory} />
      <ModalDialog open={Boolean(history)} onClose={() => setHistory(undefined)}>
        {history && planId && (
          <MeasureHistoryDialog
            planId={planId}
            measureId={history}
            planLanguage={overview.plan.language}
            lang={lang}
            onClose={() => setHistory(undefined)}
          />
        )}
      </ModalDialog>
    </main>
  );
}
