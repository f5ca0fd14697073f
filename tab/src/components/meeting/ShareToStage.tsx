/**
 * "Del på skjermen": puts meeting mode on the meeting's stage for everyone (teams-js
 * shareAppContentToStage). Teams is asked first whether this person may share here; when not, the
 * button stays reachable (disabledFocusable) and the reason is written beside it, and read with it.
 */
import { Button, makeStyles, Text, tokens } from '@fluentui/react-components';
import { useEffect, useState } from 'react';
import { t, type Language } from '../../../../bot/src/contract';
import type { MeetingHost, StageSharing } from '../../teams-host';
import { NoticeBar, type Notice } from '../panel';

const useStyles = makeStyles({
  share: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, alignItems: 'flex-start' },
});

const HELP_ID = 'share-to-stage-help';

export function ShareToStage(props: { meeting: MeetingHost | undefined; stageUrl: string; lang: Language }) {
  const { meeting, stageUrl, lang } = props;
  const styles = useStyles();
  const [sharing, setSharing] = useState<StageSharing>();
  const [busy, setBusy] = useState(false);
  const [notice, setNotice] = useState<Notice>();

  useEffect(() => {
    let current = true;
    const asked = meeting
      ? meeting.stageSharing()
      : Promise.resolve<StageSharing>({ allowed: false, reason: 'unavailable' });
    void asked.then((answer) => current && setSharing(answer));
    return () => {
      current = false;
    };
  }, [meeting]);

  const share = async () => {
    if (!meeting) return;
    setBusy(true);
    setNotice(undefined);
    try {
      await meeting.shareToStage(stageUrl);
      setNotice({ intent: 'success', text: t(lang, 'meeting.shared') });
    } catch (e) {
      setNotice({ intent: 'error', text: t(lang, 'meeting.shareFailed', { reason: (e as Error).message }) });
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className={styles.share}>
      <Button
        appearance="primary"
        disabledFocusable={!sharing?.allowed || busy}
        aria-describedby={HELP_ID}
        onClick={() => void share()}
      >
        {t(lang, 'meeting.share')}
      </Button>
      <Text id={HELP_ID} role={sharing && !sharing.allowed ? 'alert' : undefined}>
        {helpText(lang, sharing)}
      </Text>
      <NoticeBar notice={notice} />
    </div>
  );
}

function helpText(lang: Language, sharing: StageSharing | undefined): string {
  if (!sharing) return t(lang, 'meeting.shareChecking');
  if (sharing.allowed) return t(lang, 'meeting.shareHelp');
  const why = t(lang, sharing.reason === 'permission' ? 'meeting.shareNoPermission' : 'meeting.shareUnavailable');
  return sharing.detail ? `${why} ${t(lang, 'meeting.teamsSaid', { detail: sharing.detail })}` : why;
}
