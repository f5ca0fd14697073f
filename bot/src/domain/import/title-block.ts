/**
 * The facts a strategy states on its front page, before the first chapter: title, period,
 * municipality and adoption ("Strategi for digitalisering / 2023 – 2027 / Høylandet kommune /
 * Vedtatt i Kommunestyret 15.12.22 / Sak 58/22"). Used to propose the plan's details on import;
 * the coordinator confirms or overrides them. Nothing is guessed beyond what the lines say.
 */
import { splitList, words } from '../text';
import { yearsIn } from './deadline';

export interface TitleBlock {
  title?: string;
  period?: { fromYear: number; toYear?: number };
  owners: string[];
  adoptedBy?: string;
}

/** How far into a document its front page can reach. */
const FRONT_PAGE_LINES = 30;
const PERIOD = /^(\d{4})\s*[–-]\s*(\d{4})?$/u;
const MUNICIPALITY_WORDS = new Set(['kommune', 'kommunar', 'kommuner', 'kommunane', 'kommunene']);
/** "For kommunane Årdal og Lærdal": a shared plan names its municipalities after the word. */
const SHARED_WORDS = new Set(['kommunane', 'kommunene']);
const ADOPTED = /^(vedtatt|vedteken?)\b/i;
const CASE = /^(sak|ksak)\s+\d+\/\d+$/i;

export function readTitleBlock(text: string): TitleBlock {
  const lines = text
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .slice(0, FRONT_PAGE_LINES)
    .map((l) => l.trim());
  const stop = lines.findIndex((l) => l.includes('\t') || /^(innledning|innhald|innhold|innleiing)\b/i.test(l));
  const front = (stop >= 0 ? lines.slice(0, stop) : lines).filter((l) => l.length > 0);

  const block: TitleBlock = { owners: [] };
  const adoption: string[] = [];
  for (const line of front) {
    const period = PERIOD.exec(line);
    const owner = ownerOf(line);
    const shared = sharedOwnersOf(line);
    if (period) {
      block.period = { fromYear: Number(period[1]), ...(period[2] ? { toYear: Number(period[2]) } : {}) };
    } else if (ADOPTED.test(line) || CASE.test(line)) {
      adoption.push(line);
    } else if (shared) {
      for (const name of splitList(shared)) addOwner(block, `${name} kommune`);
    } else if (owner && owner.includes(', ')) {
      // "Handlingsplan digitalisering 2025–2026, Stange kommune": a title and its municipality on one line.
      const comma = owner.lastIndexOf(', ');
      const named = ownerOf(owner.slice(comma + 2));
      if (named) addOwner(block, named);
      if (!block.title) block.title = owner.slice(0, comma);
    } else if (owner) {
      addOwner(block, owner);
    } else if (!block.title) {
      block.title = line;
    }
  }
  if (adoption.length) block.adoptedBy = adoption.join(', ');
  if (!block.period && block.title) {
    // "Handlingsplan for digitalisering 2018–2021": the period stands in the title line.
    const [fromYear, toYear] = yearsIn(block.title);
    if (fromYear !== undefined)
      block.period = { fromYear, ...(toYear !== undefined && toYear > fromYear ? { toYear } : {}) };
  }
  return block;
}

/** "Høylandet kommune", "For Årdal og Lærdal kommunar": the line ends with the word kommune (or a plural). */
function ownerOf(line: string): string | undefined {
  const lineWords = withoutFor(words(line));
  const last = lineWords.at(-1)?.toLocaleLowerCase('nb') ?? '';
  return lineWords.length >= 2 && MUNICIPALITY_WORDS.has(last) ? lineWords.join(' ') : undefined;
}

function sharedOwnersOf(line: string): string | undefined {
  const lineWords = withoutFor(words(line));
  const first = lineWords[0]?.toLocaleLowerCase('nb') ?? '';
  return lineWords.length >= 2 && SHARED_WORDS.has(first) ? lineWords.slice(1).join(' ') : undefined;
}

function withoutFor(lineWords: string[]): string[] {
  return lineWords[0]?.toLocaleLowerCase('nb') === 'for' ? lineWords.slice(1) : lineWords;
}

function addOwner(block: TitleBlock, name: string): void {
  if (!block.owners.includes(name)) block.owners.push(name);
}
