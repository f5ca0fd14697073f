/**
 * What a refreshed status card shows (card-refresh.ts): the form as it stands now, the answers
 * once every measure has one, the answers read-only once the period is locked, and nothing of the
 * form to someone it is not for.
 */
import type { CurrentStatusForm } from '../../app/current-status-form';
import type { StatusReport } from '../../domain/status';
import type { StatusForm } from '../../domain/status-form';
import { formatOsloDateTime, periodLabel, t, type Language } from '../../i18n';
import { card, heading, richText, type AdaptiveCard, type CardElement } from './card-elements';
import { statusRefresh } from './card-refresh';
import { answerRows } from './cards';
import { mergeDraft, type Draft } from './form-drafts';
import { PAGE_BUDGET_BYTES, statusFormCard, teamsBytes } from './status-card';
import { narrowToMissing } from './status-forms';

/** Room for the heading, the intro, the unanswered numbers and the refresh around the answers. */
const FRAME_BYTES = 8_000;

export interface RefreshOptions {
  page?: number;
  /** The card held only what was missing (a reminder's, or "continue"): it still does. */
  missingOnly?: boolean;
  /** Typed on pages and not sent (form-drafts.ts): shown again where it still differs from the answers. */
  draft?: Draft;
}

export function refreshedStatusCard(
  state: CurrentStatusForm,
  lang: Language,
  options: RefreshOptions = {},
): AdaptiveCard {
  switch (state.kind) {
    case 'not-allowed':
      return notYoursCard(lang);
    case 'open': {
      const form = options.missingOnly ? narrowToMissing(state.form) : state.form;
      return statusFormCard(form, {
        ...(options.page !== undefined ? { page: options.page } : {}),
        ...(options.draft ? { draft: mergeDraft(form, options.draft, {}) } : {}),
      });
    }
    case 'answered':
      return answeredCard(state.form);
    case 'locked':
      return lockedCard(state.form);
  }
}

/** Every measure answered: who answered last and when, and the answers. */
function answeredCard(form: StatusForm): AdaptiveCard {
  const lang = form.plan.language;
  const reports = answersOf(form);
  const last = reports.reduce<StatusReport | undefined>(
    (a, r) => (!a || r.reportedAt > a.reportedAt ? r : a),
    undefined,
  );
  const when = last && formatOsloDateTime(last.reportedAt);
  return {
    ...card([
      heading(t(lang, 'card.answeredTitle', { plan: form.plan.title })),
      ...(last && when
        ? [richText([{ text: t(lang, 'card.answeredBy', { name: last.reportedBy.name, ...when }), isSubtle: true }])]
        : []),
      ...rowsWithinBudget(form, reports),
    ]),
    // Changed in the tab or locked later: opened again, the card shows that.
    refresh: refreshOf(form),
  };
}

/** The period is closed: what was answered for it, and which measures got no answer. */
function lockedCard(form: StatusForm): AdaptiveCard {
  const lang = form.plan.language;
  const unanswered = form.measures.filter((m) => !form.current.has(m.id)).map((m) => m.number);
  return {
    ...card([
      heading(t(lang, 'card.lockedTitle', { plan: form.plan.title })),
      richText([{ text: t(lang, 'card.lockedIntro', { period: periodLabel(lang, form.period.id) }) }]),
      ...(unanswered.length > 0
        ? [richText([{ text: t(lang, 'card.lockedUnanswered', { numbers: unanswered.join(', ') }), isSubtle: true }])]
        : []),
      ...rowsWithinBudget(form, answersOf(form)),
    ]),
    // Coordinators may open a locked period again: the card then offers the form once more.
    refresh: refreshOf(form),
  };
}

/**
 * The answers, as many as fit the page budget a form's page has (the person with 77 measures and
 * 500-character comments would pass what Teams accepts); the rest are counted, and are in the tab.
 */
function rowsWithinBudget(form: StatusForm, reports: StatusReport[]): CardElement[] {
  const rows = answerRows(form.plan, reports);
  const budget = PAGE_BUDGET_BYTES - FRAME_BYTES;
  const shown: CardElement[] = [];
  let bytes = 0;
  for (const row of rows) {
    bytes += teamsBytes(row);
    if (bytes > budget) break;
    shown.push(row);
  }
  if (shown.length === rows.length) return shown;
  const more = t(form.plan.language, 'card.moreAnswers', { count: rows.length - shown.length });
  return [...shown, richText([{ text: more, isSubtle: true }])];
}

/** Opened by someone the form is not for: it says so, in their own language, and shows nothing of it. */
function notYoursCard(lang: Language): AdaptiveCard {
  return card([heading(t(lang, 'card.notYoursTitle')), richText([{ text: t(lang, 'card.notYours') }])]);
}

/** This period's answers in the order of the form's measures. */
function answersOf(form: StatusForm): StatusReport[] {
  return form.measures.flatMap((m) => form.current.get(m.id) ?? []);
}

function refreshOf(form: StatusForm) {
  return statusRefresh(form.plan.language, {
    planId: form.plan.id,
    personId: form.person.userId,
    periodId: form.period.id,
    recipients: [form.person.userId, form.substitute?.userId ?? ''],
  });
}
