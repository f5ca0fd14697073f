/**
 * Turning a message key into text in a language: ICU MessageFormat (plurals, numbers) through
 * intl-messageformat, month names and dates from Intl. Shared by the service and the tab, so it
 * imports nothing that does I/O.
 */
import { IntlMessageFormat } from 'intl-messageformat';
import type { StatusCode } from '../domain/status';
import { en } from './en';
import { nb, type Catalog, type MessageKey } from './nb';
import { nn } from './nn';

export type Language = 'nb' | 'nn' | 'en';
export type MessageParams = Record<string, string | number>;

const catalogs: Record<Language, Catalog> = { nb, nn, en };

/** Every message key, for tests that check the catalogs are complete. */
export function messageKeys(): MessageKey[] {
  return Object.keys(nb) as MessageKey[];
}

/** Messages are text, not markup: "<" in a message or a value is shown as it is, never a tag. */
const AS_TEXT = { ignoreTag: true };

/** Parsed messages, made once per language and key on first use, with the names of their values. */
const compiled = new Map<string, { format: IntlMessageFormat; names: string[] }>();

function compile(lang: Language, key: MessageKey): { format: IntlMessageFormat; names: string[] } {
  const id = `${lang}\u0000${key}`;
  let entry = compiled.get(id);
  if (!entry) {
    const format = new IntlMessageFormat(catalogs[lang][key] ?? nb[key], lang, undefined, AS_TEXT);
    const names = format.getAst().flatMap((element) => argumentName(element) ?? []);
    entry = { format, names };
    compiled.set(id, entry);
  }
  return entry;
}

type MessageElement = ReturnType<IntlMessageFormat['getAst']>[number];

/** The name of the value an element of a message shows, for every kind but literal text. */
function argumentName(element: MessageElement): string | undefined {
  return element.type !== 0 && 'value' in element && typeof element.value === 'string' ? element.value : undefined;
}

/**
 * The message in the language. A value the caller did not give stays visible as `{name}` (a plural
 * included) rather than failing the whole text: a missing word is a bug to fix, not a reason to show
 * the person nothing.
 */
export function t(lang: Language, key: MessageKey, params: MessageParams = {}): string {
  const { format, names } = compile(lang, key);
  // Every value given (nearly always): the parsed message as it is.
  if (names.every((name) => name in params)) return String(format.format(params));
  const shown = format.getAst().map((element): MessageElement => {
    const name = argumentName(element);
    return name !== undefined && !(name in params) ? { type: 0, value: `{${name}}` } : element;
  });
  return String(new IntlMessageFormat(shown, lang, undefined, AS_TEXT).format(params));
}

/** Teams and browsers give BCP 47 locales; "no" is treated as bokmål. Anything else falls back to English. */
export function languageFromLocale(locale: string | undefined | null): Language {
  const base = (locale ?? '').toLowerCase().split(/[-_]/)[0];
  if (base === 'nn') return 'nn';
  if (base === 'nb' || base === 'no') return 'nb';
  return 'en';
}

/** A status as the overview and the report name it, "not reported" included. */
export function statusLabel(lang: Language, status: StatusCode | 'not_reported' | 'closed'): string {
  return status === 'not_reported' ? t(lang, 'overview.status.not_reported') : t(lang, `status.${status}`);
}

/**
 * Who answers for a measure, in words, for the table and the report: its roles as written and the
 * people named; "Ingen ansvarlig" when it names no one, and a note when no one holds its roles.
 */
export function responsibleLabel(
  lang: Language,
  m: { responsibleText: string; responsiblePeople?: readonly { name: string }[]; noOneResponsible?: true },
): string {
  const named = [m.responsibleText.trim(), ...(m.responsiblePeople ?? []).map((p) => p.name)].filter(Boolean);
  if (named.length === 0) return t(lang, 'responsible.none');
  const text = named.join(', ');
  return m.noOneResponsible ? `${text} (${t(lang, 'responsible.nobodyHolds')})` : text;
}

/** Month names per language, made on first use: an Intl.DateTimeFormat costs far more than the name. */
const monthNames = new Map<Language, string[]>();

/** A month's name as the language writes it in running text ("januar", "January"). */
function monthName(lang: Language, month: number): string {
  let names = monthNames.get(lang);
  if (!names) {
    const format = new Intl.DateTimeFormat(lang, { month: 'long', timeZone: 'UTC' });
    names = Array.from({ length: 12 }, (_, i) => format.format(Date.UTC(2000, i, 15)));
    monthNames.set(lang, names);
  }
  return names[month - 1] as string;
}

/** "2027-01" → "Status pr. januar 2027", "2026-T2" → "2. tertial 2026", "2026-Q3" → "3. kvartal 2026". */
export function periodLabel(lang: Language, periodId: string): string {
  const year = periodId.slice(0, 4);
  const rest = periodId.slice(5);
  if (rest.startsWith('T')) return t(lang, 'period.tertial', { n: rest.slice(1), year });
  if (rest.startsWith('Q')) return t(lang, 'period.quarterly', { n: rest.slice(1), year });
  const month = Number(rest);
  return t(lang, 'period.yearly', { month: month >= 1 && month <= 12 ? monthName(lang, month) : rest, year });
}

/** A status column's heading: "Status pr. januar 2027" already names itself; "2. tertial 2026" gets "Status" before it. */
export function statusColumnLabel(lang: Language, periodId: string): string {
  const label = periodLabel(lang, periodId);
  const status = t(lang, 'column.status');
  return label.startsWith(status) ? label : `${status} ${label}`;
}

const OSLO_DATE = new Intl.DateTimeFormat('nb-NO', {
  timeZone: 'Europe/Oslo',
  day: '2-digit',
  month: '2-digit',
  year: 'numeric',
});
const OSLO_TIME = new Intl.DateTimeFormat('nb-NO', { timeZone: 'Europe/Oslo', hour: '2-digit', minute: '2-digit' });

/** Date and time as Norwegians write them (22.11.2026, 14:05), in Oslo time. */
export function formatOsloDateTime(iso: string): { date: string; time: string } {
  const d = new Date(iso);
  return { date: OSLO_DATE.format(d), time: OSLO_TIME.format(d) };
}

const OSLO_DAY = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Europe/Oslo',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/** When something happens, as seen from `now` in Oslo: "i dag kl. 14:00", "i morgen kl. 08:00", "03.12.2026 kl. 08:00". */
export function formatWhen(lang: Language, iso: string, now: Date): string {
  const { date, time } = formatOsloDateTime(iso);
  const day = OSLO_DAY.format(new Date(iso));
  if (day === OSLO_DAY.format(now)) return t(lang, 'round.when.today', { time });
  // Noon of today plus a day is tomorrow in Oslo whatever the offset change between.
  const tomorrow = OSLO_DAY.format(new Date(Date.parse(`${OSLO_DAY.format(now)}T12:00:00Z`) + 24 * 60 * 60_000));
  if (day === tomorrow) return t(lang, 'round.when.tomorrow', { time });
  return t(lang, 'round.when.date', { date, time });
}
