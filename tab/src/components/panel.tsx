/** What the plan's side panels (reminder round, substitutes) share: layout and their notices. */
import { makeStyles, MessageBar, MessageBarBody, tokens } from '@fluentui/react-components';

export const usePanelStyles = makeStyles({
  panel: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  heading: { margin: 0, fontSize: tokens.fontSizeBase500 },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
});

export interface Notice {
  intent: 'success' | 'warning' | 'error';
  text: string;
}

/** An outcome said once: errors and warnings as alerts, successes as polite status for screen readers. */
export function NoticeBar(props: { notice: Notice | undefined }) {
  if (!props.notice) return null;
  return (
    <MessageBar intent={props.notice.intent} role={props.notice.intent === 'success' ? 'status' : 'alert'}>
      <MessageBarBody>{props.notice.text}</MessageBarBody>
    </MessageBar>
  );
}

/** YYYY-MM-DD of the instant in Oslo, as a date input wants it. */
export function osloDay(instant: Date | string = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Oslo' }).format(new Date(instant));
}
