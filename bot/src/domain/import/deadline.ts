/**
 * Deadlines as plans write them, and the legends that define deadline codes: "31.12.2024",
 * "2024-06-30", "mars 2025", "03.2025", "2024", "innen 2024", "2024–2025", "2. halvår 2024" (its
 * year), "K" or "Kortsiktig" where a legend above the table says "K = kortsiktig (2018–2019)".
 * Month names come from Intl (bokmål, nynorsk, Swedish, Danish, English), not from a list kept by hand.
 */
import type { Deadline } from '../plan';
import { collapseWhitespace, isDigits, isLetter, words } from '../text';

export interface LegendEntry {
  /** The short code the table uses ("K"), when the legend gives one. */
  code?: string;
  /** The category's name ("Kortsiktig"). */
  label: string;
  fromYear?: number;
  toYear?: number;
}

let months: Map<string, number> | undefined;
/** Built on first use: making the formatters takes a while, and most documents never need them. */
const MONTHS = () => (months ??= monthNames(['nb', 'nn', 'sv', 'da', 'en']));
const FILLER = new Set([
  'innen',
  'innan',
  'inden',
  'by',
  'før',
  'fyr',
  'senest',
  'ca',
  'ca.',
  'i',
  'løpet',
  'av',
  'frå',
  'fra',
]);

/** What a deadline cell says, using the document's legend for codes and category names. */
export function readDeadline(cell: string, legend: readonly LegendEntry[]): Deadline | undefined {
  const text = collapseWhitespace(cell);
  if (!text) return undefined;
  const category = legendEntryFor(text, legend);
  if (category) return categoryDeadline(category, text);
  const date = readDate(text);
  if (date) return { kind: 'date', date, text };
  const tokens = words(text.toLocaleLowerCase('nb')).filter((w) => !FILLER.has(w));
  const years = yearsIn(text);
  const month = tokens.map((w) => MONTHS().get(trimDot(w))).find((m) => m !== undefined);
  if (month && years.length === 1) return { kind: 'month', month: `${years[0]}-${pad(month)}`, text };
  const numericMonth = readNumericMonth(tokens);
  if (numericMonth) return { kind: 'month', month: numericMonth, text };
  if (years.length === 1 && years[0] !== undefined) return { kind: 'year', year: years[0], text };
  if (years.length === 2 && years[0] !== undefined && years[1] !== undefined && years[0] < years[1])
    return { kind: 'years', fromYear: years[0], toYear: years[1], text };
  return { kind: 'text', text };
}

function categoryDeadline(entry: LegendEntry, text: string): Deadline {
  return {
    kind: 'category',
    label: entry.label,
    ...(entry.code ? { code: entry.code } : {}),
    ...(entry.fromYear !== undefined ? { fromYear: entry.fromYear } : {}),
    ...(entry.toYear !== undefined ? { toYear: entry.toYear } : {}),
    text,
  };
}

function legendEntryFor(text: string, legend: readonly LegendEntry[]): LegendEntry | undefined {
  const key = text.toLocaleLowerCase('nb');
  return legend.find((e) => e.code?.toLocaleLowerCase('nb') === key || e.label.toLocaleLowerCase('nb') === key);
}

/**
 * Reads the legend lines of a document: "K = kortsiktig (2018–2019)", "Kortsiktig = 2018–2019",
 * "Kort sikt (K): 2019–2020", several on one line separated by commas or semicolons. A line is a
 * legend only when each of its entries names years.
 */
export function readLegendLine(line: string): LegendEntry[] {
  if (line.length > 400) return [];
  const entries = splitEntries(withoutIntroduction(line)).map(readLegendEntry);
  return entries.length > 0 && entries.every((e): e is LegendEntry => e !== undefined) ? entries : [];
}

/** "Tidsfrist: K = 2018–2019, …" → "K = 2018–2019, …": a short heading before the entries. */
function withoutIntroduction(line: string): string {
  const colon = line.indexOf(':');
  const equals = line.indexOf('=');
  if (colon < 0 || equals < 0 || colon > equals) return line;
  return words(line.slice(0, colon)).length <= 3 ? line.slice(colon + 1) : line;
}

function splitEntries(line: string): string[] {
  // "K = 2018–2019, M = 2020–2021; L = 2022–2025": commas and semicolons part entries, but not
  // inside parentheses ("Kortsiktig (2018, 2019)").
  const out: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i <= line.length; i++) {
    const ch = line.charAt(i);
    if (ch === '(') depth++;
    else if (ch === ')') depth = Math.max(0, depth - 1);
    else if (i === line.length || (depth === 0 && (ch === ',' || ch === ';'))) {
      const part = line.slice(start, i).trim();
      if (part) out.push(part);
      start = i + 1;
    }
  }
  return out;
}

function readLegendEntry(entry: string): LegendEntry | undefined {
  const separator = firstIndexOf(entry, ['=', ':']);
  if (separator <= 0) return undefined;
  const key = entry.slice(0, separator).trim();
  const value = entry.slice(separator + 1).trim();
  const years = yearsIn(value);
  if (years.length === 0 || years.length > 2 || key.length > 40) return undefined;
  const valueWords = words(stripYearsAndMarks(value));
  const keyCode = parenthesised(key);
  const keyLabel = collapseWhitespace(keyCode ? key.slice(0, key.indexOf('(')) : key);
  const [fromYear, toYear = fromYear] = years;
  if (valueWords.length > 0) {
    // "K = kortsiktig (2018–2019)": the key is the code, the words the label.
    return { code: keyLabel, label: valueWords.join(' '), fromYear, toYear };
  }
  // "Kortsiktig = 2018–2019" or "Kort sikt (K): 2019–2020".
  return {
    ...(keyCode ? { code: keyCode } : isCode(keyLabel) ? { code: keyLabel } : {}),
    label: keyLabel,
    fromYear,
    toYear,
  };
}

function isCode(text: string): boolean {
  return text.length <= 3 && !text.includes(' ');
}

function parenthesised(text: string): string | undefined {
  const open = text.indexOf('(');
  const close = text.indexOf(')', open);
  if (open < 0 || close < 0) return undefined;
  const inner = text.slice(open + 1, close).trim();
  return inner && isCode(inner) ? inner : undefined;
}

function stripYearsAndMarks(value: string): string {
  return words(value)
    .map((w) => [...w].filter((ch) => isLetter(ch)).join(''))
    .filter((w) => w.length > 0 && !FILLER.has(w.toLocaleLowerCase('nb')))
    .join(' ');
}

function firstIndexOf(text: string, marks: string[]): number {
  const found = marks.map((m) => text.indexOf(m)).filter((i) => i >= 0);
  return found.length ? Math.min(...found) : -1;
}

/** The four-digit years (1990–2099) a text names, in order. */
export function yearsIn(text: string): number[] {
  const out: number[] = [];
  let run = '';
  for (let i = 0; i <= text.length; i++) {
    const ch = text.charAt(i);
    if (ch >= '0' && ch <= '9') run += ch;
    else {
      if (run.length === 4) {
        const year = Number(run);
        if (year >= 1990 && year <= 2099) out.push(year);
      }
      run = '';
    }
  }
  return out;
}

/** "31.12.2024", "1.3.2025", "2024-06-30" → YYYY-MM-DD; anything else undefined. */
function readDate(text: string): string | undefined {
  const token = words(text).find((w) => w.includes('.') || w.includes('-') || w.includes('/')) ?? '';
  const clean = trimDot(token);
  const iso = clean.split('-');
  if (iso.length === 3 && iso[0]?.length === 4) return validDate(iso[0], iso[1], iso[2]);
  const parts = clean.split(clean.includes('/') ? '/' : '.');
  if (parts.length === 3 && parts[2]?.length === 4) return validDate(parts[2], parts[1], parts[0]);
  return undefined;
}

function readNumericMonth(tokens: string[]): string | undefined {
  for (const token of tokens) {
    const parts = trimDot(token).split(token.includes('/') ? '/' : '.');
    if (parts.length === 2 && parts[1]?.length === 4 && isDigits(parts[0] ?? '') && isDigits(parts[1])) {
      const month = Number(parts[0]);
      if (month >= 1 && month <= 12) return `${parts[1]}-${pad(month)}`;
    }
  }
  return undefined;
}

function validDate(year = '', month = '', day = ''): string | undefined {
  if (!isDigits(year) || !isDigits(month) || !isDigits(day)) return undefined;
  const y = Number(year);
  const m = Number(month);
  const d = Number(day);
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return undefined;
  return `${year}-${pad(m)}-${pad(d)}`;
}

function monthNames(locales: string[]): Map<string, number> {
  const names = new Map<string, number>();
  for (const locale of locales) {
    for (const style of ['long', 'short'] as const) {
      const format = new Intl.DateTimeFormat(locale, { month: style, timeZone: 'UTC' });
      for (let m = 1; m <= 12; m++) {
        const name = trimDot(format.format(new Date(Date.UTC(2024, m - 1, 15))).toLocaleLowerCase('nb'));
        if (name && !isDigits(name)) names.set(name, m);
      }
    }
  }
  return names;
}

function trimDot(word: string): string {
  return word.endsWith('.') || word.endsWith(',') ? word.slice(0, -1) : word;
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

/** For messages: the legend entries a document defined, "K = kortsiktig (2018–2019)". */
export function describeLegend(legend: readonly LegendEntry[]): string[] {
  return legend.map((e) => {
    const years =
      e.fromYear === undefined
        ? ''
        : e.toYear && e.toYear !== e.fromYear
          ? `${e.fromYear}–${e.toYear}`
          : `${e.fromYear}`;
    return `${e.code ? `${e.code} = ` : ''}${e.label}${years ? ` (${years})` : ''}`;
  });
}
