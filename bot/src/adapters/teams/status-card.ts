/**
 * The status form as cards: the person's measures grouped by goal, those needing an answer first,
 * in pages that each stay well inside what Teams accepts and each answerable alone.
 *
 * Why pages (Action.Execute to the next page) rather than several cards in the chat: a round's
 * delivery stays one message, so a retry after a 429 never sends part of a person's cards twice,
 * the per-conversation limits (7/s, 8/2 s) are spent once a person, and the chat holds one card
 * to answer instead of a stack of them. Each page has its own "Send status" for its measures.
 * Somewhat over 300 lines: paging, grouping and the per-municipality choice share one card model,
 * and splitting them would pass that model between files for no gain.
 */
import type { Decision } from '../../domain/decision';
import { isShared } from '../../domain/municipal-status';
import type { Measure } from '../../domain/plan';
import { MAX_COMMENT_LENGTH, STATUS_CODES, UNCHANGED, type StatusReport } from '../../domain/status';
import { answeringOrder, type StatusForm } from '../../domain/status-form';
import { periodLabel, t, type Language } from '../../i18n';
import { card, errorBanner, heading, richText, withValue, type AdaptiveCard, type CardElement } from './card-elements';
import { benefitInputs } from './benefit-inputs';
import { organisationInputs } from './organisation-input';
import { statusRefresh } from './card-refresh';
import { followUpLines, previousLine } from './status-card-lines';

export const SUBMIT_STATUS_VERB = 'submitStatus';
export const STATUS_PAGE_VERB = 'statusPage';

/**
 * What a page may weigh as Teams counts it (UTF-16, two bytes a code unit): Teams refuses over
 * 100 KB and recommends staying within 80 KB; pages are cut at 64 KB, leaving room for the
 * activity around the card and for a page re-shown with an error.
 */
export const PAGE_BUDGET_BYTES = 64_000;
/** No more measures than this on one page: a card read on a phone stays short enough to finish. */
export const MEASURES_PER_PAGE = 10;

/** Values of a form as the person left them, to show again next to an error. */
export type FormValues = Record<string, string | number | undefined>;

export const inputId = {
  status: (measureId: string) => `status:${measureId}`,
  comment: (measureId: string) => `comment:${measureId}`,
  value: (measureId: string) => `value:${measureId}`,
};

export interface StatusCardOptions {
  error?: string;
  values?: FormValues;
  /** Which page (from 0); past the last, the last. */
  page?: number;
  /** Typed on pages and not sent (form-drafts.ts): pre-filled, and carried on by paging and refresh. */
  draft?: Record<string, string>;
}

/** UTF-16 bytes, as Teams measures a message. */
export const teamsBytes = (value: unknown): number => JSON.stringify(value).length * 2;

/** The form's pages: measures in answering order, cut by count and by size. */
export function statusPages(form: StatusForm): Measure[][] {
  return pagesOf(form, (m) => plainBlockOf(form, m).bytes);
}

/** `bytesOf`: a measure's block as sent, without anything typed (pages never depend on that), as Teams counts it. */
function pagesOf(form: StatusForm, bytesOf: (m: Measure) => number): Measure[][] {
  const ordered = answeringOrder(form).flatMap((g) => g.measures);
  const pages: Measure[][] = [];
  let page: Measure[] = [];
  let bytes = 0;
  // Everything but the measures, with the longest navigation a page can have.
  const frame = teamsBytes(render(form, [], { index: 998, count: 999 }, {}));
  for (const m of ordered) {
    const size = bytesOf(m);
    if (page.length > 0 && (page.length >= MEASURES_PER_PAGE || frame + bytes + size > PAGE_BUDGET_BYTES)) {
      pages.push(page);
      page = [];
      bytes = 0;
    }
    page.push(m);
    // A goal heading may open the measure's group: counted as if each measure had one.
    bytes += size + 2 * (m.number.length + 200);
  }
  if (page.length > 0 || pages.length === 0) pages.push(page);
  return pages;
}

/** The page holding a measure the person sent (to show it again with an error); the first if none. */
export function pageHolding(form: StatusForm, measureIds: readonly string[]): number {
  const index = statusPages(form).findIndex((p) => p.some((m) => measureIds.includes(m.id)));
  return Math.max(0, index);
}

export function statusFormCard(form: StatusForm, options: StatusCardOptions = {}): AdaptiveCard {
  // Each measure's block is made once for cutting the pages; a card with nothing typed in it (every
  // card a round sends) shows those same blocks rather than making them again.
  const plainBlock = (m: Measure): CardElement => plainBlockOf(form, m).block;
  const pages = pagesOf(form, (m) => plainBlockOf(form, m).bytes);
  const index = Math.min(Math.max(0, options.page ?? 0), pages.length - 1);
  const typed = Object.keys(options.draft ?? {}).length > 0 || Object.keys(options.values ?? {}).length > 0;
  const blockOf = typed ? (m: Measure) => measureBlock(form, m, options) : plainBlock;
  return render(form, pages[index] ?? [], { index, count: pages.length }, options, blockOf);
}

interface PlainBlock {
  block: CardElement;
  bytes: number;
  /** What the block was made from besides the measure: reused only while these are the same. */
  current: StatusReport | undefined;
  previous: StatusReport | undefined;
  followUps: readonly Decision[] | undefined;
  lang: Language;
  /** Whose form: in a shared plan the block may hold their choice of municipality. */
  person: StatusForm['person'];
}

/**
 * Plain blocks by the answers they were made from: a round's pass gives every form the same maps
 * of answers (answersFor), so a measure many people share (a role's measures, in ten tenants'
 * rounds a thousand people each) is built and measured once a pass instead of once a card. Weak:
 * the pass's maps, and with them the blocks, go when the pass ends. Blocks are never changed once made.
 */
const plainBlocks = new WeakMap<ReadonlyMap<string, StatusReport>, WeakMap<Measure, PlainBlock>>();

function plainBlockOf(form: StatusForm, m: Measure): PlainBlock {
  let byMeasure = plainBlocks.get(form.current);
  if (!byMeasure) plainBlocks.set(form.current, (byMeasure = new WeakMap()));
  const current = form.current.get(m.id);
  const previous = form.previous?.get(m.id);
  const followUps = form.followUps?.get(m.id);
  const lang = form.plan.language;
  let made = byMeasure.get(m);
  const same = (b: PlainBlock) =>
    b.current === current &&
    b.previous === previous &&
    b.followUps === followUps &&
    b.lang === lang &&
    (!isShared(form.plan) || b.person === form.person);
  if (!made || !same(made)) {
    const block = measureBlock(form, m, {});
    made = { block, bytes: teamsBytes(block), current, previous, followUps, lang, person: form.person };
    byMeasure.set(m, made);
  }
  return made;
}

function render(
  form: StatusForm,
  measures: Measure[],
  page: { index: number; count: number },
  options: StatusCardOptions,
  blockOf: (m: Measure) => CardElement = (m) => measureBlock(form, m, options),
): AdaptiveCard {
  const lang: Language = form.plan.language;
  const onPage = new Set(measures.map((m) => m.id));
  const blocks: CardElement[] = [];
  for (const group of answeringOrder({ ...form, measures })) {
    if (!group.measures.some((m) => onPage.has(m.id))) continue;
    const title = group.needsAnswer ? 'card.groupNeedsAnswer' : 'card.groupAnswered';
    blocks.push(
      richText([
        { text: t(lang, title, { goal: `${group.goal.number} ${group.goal.text}`.trim() }), weight: 'Bolder' },
      ]),
    );
    for (const m of group.measures) blocks.push(blockOf(m));
  }
  const period = periodLabel(lang, form.period.id);
  const intro = form.remaining
    ? t(lang, form.substitute ? 'card.introRemainingSubstitute' : 'card.introRemaining', {
        period,
        ...form.remaining,
        name: form.person.name,
      })
    : t(lang, form.substitute ? 'card.introSubstitute' : 'card.intro', {
        period,
        count: form.measures.length,
        name: form.person.name,
      });
  const missing = form.measures.filter((m) => !form.current.has(m.id)).length;
  const draft = options.draft && Object.keys(options.draft).length > 0 ? options.draft : undefined;
  const navigation = page.count > 1 ? pageActions(form, page, draft) : [];
  const body = card(
    [
      heading(t(lang, 'card.title', { plan: form.plan.title })),
      richText([{ text: intro }]),
      ...(page.count > 1
        ? [
            richText([
              { text: t(lang, 'card.page', { page: page.index + 1, pages: page.count, missing }), isSubtle: true },
            ]),
          ]
        : []),
      ...(options.error ? [errorBanner(options.error)] : []),
      ...blocks,
      // Repeated next to the button: after a long form that is where the person is looking.
      ...(options.error ? [errorBanner(options.error)] : []),
    ],
    [
      {
        type: 'Action.Execute',
        verb: SUBMIT_STATUS_VERB,
        title: t(lang, page.count > 1 ? 'card.submitPage' : 'card.submit'),
        style: 'positive',
        data: { submissionId: form.submissionId, planId: form.plan.id, periodId: form.period.id },
      },
      ...navigation,
    ],
  );
  // Opened again later, the card shows this page as it stands then (see card-refresh.ts).
  const refresh = statusRefresh(lang, {
    planId: form.plan.id,
    personId: form.person.userId,
    periodId: form.period.id,
    recipients: [form.person.userId, form.substitute?.userId ?? ''],
    page: page.index,
    missingOnly: Boolean(form.remaining),
    ...(draft ? { draft } : {}),
  });
  return { ...body, refresh };
}

/**
 * "Forrige side" / "Neste side": the bot answers with that page. What is typed on this one is not
 * sent as an answer; it comes along as a draft (form-drafts.ts).
 */
function pageActions(
  form: StatusForm,
  page: { index: number; count: number },
  draft: Record<string, string> | undefined,
): CardElement[] {
  const lang = form.plan.language;
  const go = (to: number, title: string): CardElement => ({
    type: 'Action.Execute',
    verb: STATUS_PAGE_VERB,
    title,
    data: {
      planId: form.plan.id,
      personId: form.person.userId,
      page: to,
      ...(form.remaining ? { missingOnly: true } : {}),
      ...(draft ? { draft } : {}),
    },
  });
  return [
    ...(page.index > 0 ? [go(page.index - 1, t(lang, 'card.previousPage'))] : []),
    ...(page.index < page.count - 1 ? [go(page.index + 1, t(lang, 'card.nextPage'))] : []),
  ];
}

function measureBlock(form: StatusForm, m: Measure, options: StatusCardOptions): CardElement {
  const lang: Language = form.plan.language;
  const entered: FormValues = { ...options.draft, ...options.values };
  const valueOf = (id: string, fallback: string | number | undefined): string | number | undefined =>
    id in entered ? entered[id] : fallback;
  // This period's answer when there is one; otherwise last period's, as a starting point.
  const previous = form.previous?.get(m.id);
  const current = form.current.get(m.id) ?? previous;
  const statusChoices = statusChoicesIn(lang);
  const items: CardElement[] = [
    richText([{ text: `${m.number} `, weight: 'Bolder' }, { text: m.text }]),
    richText([{ text: t(lang, 'card.indicator', { text: m.indicator.text || '–' }), isSubtle: true }]),
    ...(previous ? [richText([{ text: previousLine(lang, previous), isSubtle: true }])] : []),
    ...followUpLines(lang, form.followUps?.get(m.id) ?? []),
    {
      type: 'Input.ChoiceSet',
      id: inputId.status(m.id),
      label: t(lang, 'card.statusLabel', { number: m.number }),
      style: 'compact',
      placeholder: t(lang, 'card.statusPlaceholder'),
      choices: previous
        ? [{ title: t(lang, 'card.unchanged'), value: UNCHANGED }, ...statusChoices]
        : [...statusChoices],
      ...withValue(valueOf(inputId.status(m.id), current?.status)),
    },
    ...organisationInputs(lang, form.person, form.plan, m, entered),
    {
      type: 'Input.Text',
      id: inputId.comment(m.id),
      label: t(lang, 'card.commentLabel', { number: m.number }),
      isMultiline: true,
      maxLength: MAX_COMMENT_LENGTH,
      ...withValue(valueOf(inputId.comment(m.id), current?.comment)),
    },
  ];
  if (m.indicator.kind === 'numeric') {
    const unit = m.indicator.unit;
    items.push({
      type: 'Input.Number',
      id: inputId.value(m.id),
      label: unit
        ? t(lang, 'card.valueLabelUnit', { number: m.number, unit })
        : t(lang, 'card.valueLabel', { number: m.number }),
      ...withValue(valueOf(inputId.value(m.id), current?.value)),
    });
  }
  items.push(...benefitInputs(lang, m, entered));
  return { type: 'Container', separator: true, spacing: 'Medium', items };
}

const choicesByLanguage = new Map<Language, { title: string; value: string }[]>();

/** The statuses to choose from, in the language: the same for every measure of every card. */
function statusChoicesIn(lang: Language): { title: string; value: string }[] {
  let choices = choicesByLanguage.get(lang);
  if (!choices) {
    choices = STATUS_CODES.map((code) => ({ title: t(lang, `status.${code}`), value: code }));
    choicesByLanguage.set(lang, choices);
  }
  return choices;
}
