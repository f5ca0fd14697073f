/**
 * The text lines of a measure's block on the status card that tell what came before: last period's
 * answer, and the leadership meeting's follow-ups (cut to the card's size budget).
 */
import type { Decision } from '../../domain/decision';
import type { StatusReport } from '../../domain/status';
import { periodLabel, t, type Language } from '../../i18n';
import { richText, type CardElement } from './card-elements';

/** At most this many follow-ups per measure, each cut to this length: the card has a size budget. */
export const FOLLOW_UPS_SHOWN = 3;
export const FOLLOW_UP_CHARS = 300;

/** "Oppfølgingspunkter fra ledermøtet i …" and one line each: what, who, by when (the latest first). */
export function followUpLines(lang: Language, followUps: readonly Decision[]): CardElement[] {
  if (followUps.length === 0) return [];
  const shown = [...followUps].reverse().slice(0, FOLLOW_UPS_SHOWN);
  const period = periodLabel(lang, shown[0]?.periodId ?? '');
  return [
    richText([{ text: t(lang, 'card.followUps', { period }), weight: 'Bolder' }]),
    ...shown.map((d) => {
      const who = [
        d.assignee ? t(lang, 'decision.who', { name: cut(d.assignee.name, 100) }) : '',
        d.dueDate ? t(lang, 'decision.due', { date: d.dueDate.split('-').reverse().join('.') }) : '',
      ].filter(Boolean);
      return richText([{ text: [`• ${cut(d.text, FOLLOW_UP_CHARS)}`, ...who].join(' – ') }]);
    }),
  ];
}

function cut(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

/** "Forrige periode: I rute · Kommentaren" */
export function previousLine(lang: Language, report: StatusReport): string {
  const parts = [
    t(lang, `status.${report.status}`),
    report.value !== undefined ? String(report.value) : undefined,
    report.comment,
  ];
  return t(lang, 'card.previous', { answer: parts.filter(Boolean).join(' · ') });
}
