/** What the plan's side panels (reminder round, substitutes) share: layout and their notices. */
import { makeStyles, MessageBar, MessageBarBody, tokens } from '@fluentui/react-components';
import { t, type Language } from '../../../bot/src/contract';

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

/**
 * A quiet reload (polling, after an action) failed: what is shown stays, and this says it may be
 * out of date and why, without taking the view away.
 */
export function StaleNotice(props: { lang: Language; error: unknown }) {
  if (props.error === undefined) return null;
  const reason = props.error instanceof Error ? props.error.message : String(props.error);
  return <NoticeBar notice={{ intent: 'warning', text: t(props.lang, 'tab.refreshFailed', { reason }) }} />;
}

/** YYYY-MM-DD of the instant in Oslo, as a date input wants it. */
export function osloDay(instant: Date | string = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Oslo' }).format(new Date(instant));
}

/**
 * Our own word for a date input that holds no valid date: the browser's validation bubble speaks
 * the browser's language, not the person's (forms with dates are `noValidate`).
 */
export function dateProblem(lang: Language, value: string): string | undefined {
  return /^\d{4}-\d{2}-\d{2}$/.test(value) && !Number.isNaN(Date.parse(value)) ? undefined : t(lang, 'date.invalid');
}
