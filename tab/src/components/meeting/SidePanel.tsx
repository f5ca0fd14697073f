/**
 * The meeting's side panel (frameContext `sidePanel`, some 280–320 px wide): the plan the organiser
 * chose for the meeting (in the tab's address, as the configuration page saved it), its overview
 * for the period, and "Del på skjermen" to put meeting mode on the stage for everyone.
 */
import { makeStyles, Spinner, Text, tokens } from '@fluentui/react-components';
import { t, type Language } from '../../../../bot/src/contract';
import { usePlans } from '../../data/plan-data';
import type { MeetingHost } from '../../teams-host';
import { stageUrl } from '../../view-keys';
import { readView } from '../../view-state';
import { ErrorBar } from '../ErrorBar';
import { OverviewView } from '../overview/OverviewView';
import { ShareToStage } from './ShareToStage';

const useStyles = makeStyles({
  panel: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalM,
    padding: tokens.spacingHorizontalS,
    // Nothing may push the narrow panel sideways: long words wrap, wide parts keep to its width.
    overflowWrap: 'anywhere',
    '& *': { maxWidth: '100%', minWidth: 0 },
  },
  title: { margin: 0, fontSize: tokens.fontSizeBase400 },
});

export function SidePanel(props: { lang: Language; meeting: MeetingHost | undefined }) {
  const { lang } = props;
  const styles = useStyles();
  const view = readView();
  const plans = usePlans();
  if (plans.load.state === 'loading') return <Spinner label={t(lang, 'tab.loading')} />;
  if (plans.load.state === 'error')
    return <ErrorBar lang={lang} error={plans.load.error} onRetry={() => plans.reload()} />;
  const { plans: list, preferredPlanId } = plans.load.value;
  const plan = list.find((p) => p.id === view.planId) ?? list.find((p) => p.id === preferredPlanId) ?? list[0];
  if (!plan) return <Text>{t(lang, 'tab.noPlans')}</Text>;
  return (
    <main className={styles.panel}>
      <h1 className={styles.title} lang={plan.language}>
        {plan.owners.join(', ')}: {plan.title}
      </h1>
      <ShareToStage
        meeting={props.meeting}
        stageUrl={stageUrl(location.origin, { ...view, planId: plan.id })}
        lang={lang}
      />
      <OverviewView
        planId={plan.id}
        filter={view.filter}
        lang={lang}
        {...(view.periodId ? { periodId: view.periodId } : {})}
      />
    </main>
  );
}
