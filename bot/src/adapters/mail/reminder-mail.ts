/**
 * The reminder e-mail's subject and HTML body, in the plan's language: whom it is for, the measures
 * still without a status this period, and the link to their measures in the tab (the web address:
 * an e-mail may be read outside Teams). Every text from the plan or the directory is HTML-escaped.
 */
import type { Reminder } from '../../app/ports';
import type { Person } from '../../domain/responsibility';
import { myMeasuresWebUrl, type TabLinkBase } from '../../domain/tab-links';
import { periodLabel, t } from '../../i18n';

export interface ReminderMail {
  subject: string;
  html: string;
}

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ENTITIES[c] ?? c);
}

export function reminderMail(person: Person, reminder: Reminder, links: TabLinkBase): ReminderMail {
  const { plan, periodId } = reminder;
  const lang = plan.language;
  const period = periodLabel(lang, periodId);
  const url = myMeasuresWebUrl(links, plan.id, periodId);
  const measures = reminder.missing
    .map((m) => `<li><strong>${escapeHtml(m.number)}</strong> ${escapeHtml(m.text)}</li>`)
    .join('');
  const intro = t(lang, 'mail.intro', {
    total: reminder.total,
    missing: reminder.missing.length,
    plan: plan.title,
    period,
  });
  const html = [
    `<!DOCTYPE html><html lang="${lang}"><body>`,
    `<p>${escapeHtml(t(lang, 'mail.greeting', { name: person.name }))}</p>`,
    `<p>${escapeHtml(intro)}</p>`,
    `<ul>${measures}</ul>`,
    `<p><a href="${escapeHtml(url)}">${escapeHtml(t(lang, 'mail.link'))}</a></p>`,
    `<p>${escapeHtml(t(lang, 'mail.why'))}</p>`,
    '</body></html>',
  ].join('\n');
  return { subject: t(lang, 'mail.subject', { period }), html };
}
