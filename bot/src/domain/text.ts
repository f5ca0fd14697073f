/**
 * Small text helpers that run in linear time on any input. Text from documents and chat is
 * untrusted and may be large (an uploaded plan is up to 1.5 MB): a regular expression such as
 * `/[\s,.;:]+$/` or `/\s+og\s+/` looks harmless but restarts its scan at every position of a long
 * run of separators, which is quadratic (issue 13: a 160 KB cell took 18 s). These helpers walk the
 * text once; `eslint-plugin-regexp` keeps the remaining expressions linear.
 */

const WHITESPACE = /\s/u;

export function isWhitespace(ch: string): boolean {
  return WHITESPACE.test(ch);
}

/** The text without the trailing characters that `drop` accepts ("Teknisk sjef., " → "Teknisk sjef"). */
export function trimEndWhere(text: string, drop: (ch: string) => boolean): string {
  let end = text.length;
  while (end > 0 && drop(text.charAt(end - 1))) end--;
  return text.slice(0, end);
}

/** The text without leading characters that `drop` accepts. */
export function trimStartWhere(text: string, drop: (ch: string) => boolean): string {
  let start = 0;
  while (start < text.length && drop(text.charAt(start))) start++;
  return text.slice(start);
}

/** Trims whitespace and the given punctuation from the end: `trimEndOf('sjef.,  ', ',.')` → 'sjef'. */
export function trimEndOf(text: string, punctuation: string): string {
  return trimEndWhere(text, (ch) => isWhitespace(ch) || punctuation.includes(ch));
}

/** Words separated by any run of whitespace, none empty. */
export function words(text: string): string[] {
  const out: string[] = [];
  let start = -1;
  for (let i = 0; i <= text.length; i++) {
    const space = i === text.length || isWhitespace(text.charAt(i));
    if (space && start >= 0) {
      out.push(text.slice(start, i));
      start = -1;
    } else if (!space && start < 0) start = i;
  }
  return out;
}

/** Runs of whitespace become one space, and the ends are trimmed. */
export function collapseWhitespace(text: string): string {
  return words(text).join(' ');
}

/**
 * Splits a list written in prose: "A, B og C" → ["A", "B", "C"]. Commas separate, and so does
 * each of `joiners` when it stands as a word of its own. Parts are trimmed; empty parts dropped.
 */
export function splitList(text: string, joiners: readonly string[] = ['og']): string[] {
  const joinerSet = new Set(joiners.map((j) => j.toLocaleLowerCase('nb')));
  const parts: string[] = [];
  let current: string[] = [];
  const flush = () => {
    const part = current.join(' ').trim();
    if (part) parts.push(part);
    current = [];
  };
  for (const chunk of text.split(',')) {
    for (const word of words(chunk)) {
      if (joinerSet.has(word.toLocaleLowerCase('nb'))) flush();
      else current.push(word);
    }
    flush();
  }
  return parts;
}

/** "Tiltak 2023" → "Tiltak": drops a four-digit year that ends the text after whitespace. */
export function withoutTrailingYear(text: string): string {
  const trimmed = trimEndWhere(text, isWhitespace);
  const year = trimmed.slice(-4);
  const before = trimmed.charAt(trimmed.length - 5);
  if (trimmed.length > 4 && isDigits(year) && isWhitespace(before))
    return trimEndWhere(trimmed.slice(0, -4), isWhitespace);
  return trimmed;
}

export function isDigits(text: string): boolean {
  if (text.length === 0) return false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 48 || c > 57) return false;
  }
  return true;
}

export function isLetter(ch: string): boolean {
  return ch.length > 0 && ch.toLocaleLowerCase('nb') !== ch.toLocaleUpperCase('nb');
}
