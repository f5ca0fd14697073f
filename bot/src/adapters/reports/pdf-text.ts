/**
 * Text in the report's PDF, set so that every character prints: each grapheme in the first font of
 * its chain that has glyphs for it (Source Sans 3, then Noto Sans for letters it lacks, Noto Emoji,
 * Noto Sans Symbols 2; see fonts/README.md), wrapped into lines here rather than by pdfkit, whose
 * wrapper knows one font per call. Measuring and drawing use the same lines, so a table row is as
 * tall as its tallest cell really is. A grapheme no font has (Chinese, say) prints as a white square
 * in a span that carries the text as `ActualText`, so search and screen readers still get it, and no
 * glyph is drawn as .notdef (PDF/UA forbids that: it has no text).
 */
import { join } from 'node:path';
import * as fontkit from 'fontkit';

type Doc = PDFKit.PDFDocument;

const SOURCE_SANS = (face: string) => require.resolve(`source-sans/TTF/SourceSans3-${face}.ttf`);
/** Copied into dist/ next to the compiled module by `npm run build:bot`. */
const FALLBACKS = [
  'NotoSans-Regular-fallback.woff',
  'NotoEmoji-Regular.woff',
  'NotoSansSymbols2-Regular-fallback.woff',
].map((file) => join(__dirname, 'fonts', file));

/** The fonts to try, in order, by path (pdfkit finds a font it has parsed again by its path). */
export type FontChain = readonly string[];
export const REGULAR: FontChain = [SOURCE_SANS('Regular'), ...FALLBACKS];
export const BOLD: FontChain = [SOURCE_SANS('Bold'), ...FALLBACKS];

export interface TextStyle {
  chain: FontChain;
  size: number;
}

/** fontkit's view of each font, parsed once per process, for which characters it has. */
const opened = new Map<string, fontkit.Font>();
function fontAt(path: string): fontkit.Font {
  let font = opened.get(path);
  if (!font) opened.set(path, (font = fontkit.openSync(path)));
  return font;
}

const graphemes = new Intl.Segmenter('und', { granularity: 'grapheme' });

interface Run {
  text: string;
  font: string;
  /** No font in the chain has it: drawn as a box, its text given as ActualText. */
  missing: boolean;
  /** What is drawn: the text, or a box per grapheme of it. */
  shown: string;
}

/** U+25A1 WHITE SQUARE, which Source Sans 3 has: the box a missing character prints as. */
const BOX = '\u25a1';

/** The font for one grapheme: the first that has all its code points, else the first with its base. */
function fontFor(grapheme: string, chain: FontChain): { font: string; missing: boolean } {
  const points = [...grapheme].map((c) => c.codePointAt(0)!);
  if (/^\s+$/u.test(grapheme)) return { font: chain[0]!, missing: false };
  const whole = chain.find((path) => points.every((p) => fontAt(path).hasGlyphForCodePoint(p)));
  if (whole) return { font: whole, missing: false };
  const base = chain.find((path) => fontAt(path).hasGlyphForCodePoint(points[0]!));
  return base ? { font: base, missing: false } : { font: chain[0]!, missing: true };
}

/** The text cut into runs of one font each. */
export function runsOf(text: string, chain: FontChain): Run[] {
  const runs: Run[] = [];
  for (const { segment } of graphemes.segment(text)) {
    const { font, missing } = fontFor(segment, chain);
    const last = runs.at(-1);
    const shown = missing ? BOX : segment;
    if (last && last.font === font && last.missing === missing) {
      last.text += segment;
      last.shown += shown;
    } else runs.push({ text: segment, font, missing, shown });
  }
  return runs;
}

interface Piece extends Run {
  width: number;
}

interface Line {
  pieces: Piece[];
  /** Without the spaces it ends with. */
  width: number;
}

/** Where a line may break: after spaces, and after a hyphen, dash or slash inside a word. */
function wordsOf(paragraph: string): string[] {
  const words: string[] = [];
  let word = '';
  let breakable = false;
  for (const { segment } of graphemes.segment(paragraph)) {
    const space = /^\s+$/u.test(segment);
    if (breakable && !space) {
      words.push(word);
      word = '';
    }
    word += segment;
    breakable = space || (/^[-‐–—/]$/u.test(segment) && word.trim().length > 1);
  }
  if (word) words.push(word);
  return words;
}

function piecesOf(doc: Doc, text: string, style: TextStyle): Piece[] {
  return runsOf(text, style.chain).map((run) => ({
    ...run,
    width: doc.font(run.font).fontSize(style.size).widthOfString(run.shown),
  }));
}

const widthOf = (pieces: Piece[]) => pieces.reduce((n, p) => n + p.width, 0);
const trailingSpace = (doc: Doc, pieces: Piece[], style: TextStyle) => {
  const last = pieces.at(-1);
  const spaces = last && !last.missing ? last.text.slice(last.text.trimEnd().length) : '';
  return spaces ? doc.font(last!.font).fontSize(style.size).widthOfString(spaces) : 0;
};

/** The text broken into lines no wider than `width`; a word longer than a line is broken between its letters. */
export function linesOf(doc: Doc, text: string, style: TextStyle, width: number): Line[] {
  const lines: Line[] = [];
  const clean = text.replace(/\r\n?/g, '\n').replace(/\t/g, ' ');
  for (const paragraph of clean.split('\n')) {
    let current: Piece[] = [];
    const close = () => {
      lines.push({ pieces: current, width: widthOf(current) - trailingSpace(doc, current, style) });
      current = [];
    };
    for (const word of wordsOf(paragraph)) {
      const pieces = piecesOf(doc, word, style);
      const bare = widthOf(pieces) - trailingSpace(doc, pieces, style);
      if (current.length && widthOf(current) + bare > width) close();
      if (bare <= width) {
        current.push(...pieces);
        continue;
      }
      // Too long for any line: as many letters a line as fit, at least one.
      for (const { segment } of graphemes.segment(word)) {
        const [letter] = piecesOf(doc, segment, style);
        if (current.length && widthOf(current) + letter!.width > width && !/^\s+$/u.test(segment)) close();
        current.push(letter!);
      }
    }
    close();
  }
  return lines;
}

export function lineHeight(doc: Doc, style: TextStyle): number {
  return doc.font(style.chain[0]!).fontSize(style.size).currentLineHeight(true);
}

/** How tall the text is, wrapped to `width`, as `drawText` draws it. */
export function heightOf(doc: Doc, text: string, style: TextStyle, width: number): number {
  return text ? linesOf(doc, text, style, width).length * lineHeight(doc, style) : 0;
}

export interface DrawOptions {
  width: number;
  align?: 'left' | 'center' | 'right';
  /** Start a new page when the next line does not fit (running text; a table cell is measured first instead). */
  paginate?: boolean;
  /**
   * The structure element the text belongs to (attached to the tree already); without one the caller
   * has marked the content itself (an artifact). A run no font has becomes a Span in it whose
   * ActualText is the run's text.
   */
  into?: PDFKit.PDFStructureElement;
}

/** What drawing the text does, in order: a piece at its place, or a new page. */
type Step = { newPage: true } | { piece: Piece; x: number; baseline: number };

function stepsOf(doc: Doc, text: string, style: TextStyle, options: DrawOptions): { steps: Step[]; bottom: number } {
  const height = lineHeight(doc, style);
  const main = fontAt(style.chain[0]!);
  const ascent = (main.ascent / main.unitsPerEm) * style.size;
  const steps: Step[] = [];
  let top = doc.y;
  for (const line of text ? linesOf(doc, text, style, options.width) : []) {
    if (options.paginate && top + height > doc.page.maxY() && top > doc.page.margins.top) {
      steps.push({ newPage: true });
      top = doc.page.margins.top; // the next page is laid out as this one
    }
    const free = options.width - line.width;
    let x = doc.x + (options.align === 'center' ? free / 2 : options.align === 'right' ? free : 0);
    for (const piece of line.pieces) {
      steps.push({ piece, x, baseline: top + ascent });
      x += piece.width;
    }
    top += height;
  }
  return { steps, bottom: top };
}

/**
 * Draws the text from the document's current position, line by line on one baseline per line
 * whichever font a run is in, and leaves the position under it, at the left edge it started from,
 * with the main font selected, so moveDown and the next text go by it.
 */
export function drawText(doc: Doc, text: string, style: TextStyle, options: DrawOptions): void {
  const left = doc.x;
  const { steps, bottom } = stepsOf(doc, text, style, options);
  const take = (batch: Step[]) => () => {
    for (const step of batch) {
      if ('newPage' in step) doc.continueOnNewPage();
      else
        doc
          .font(step.piece.font)
          .fontSize(style.size)
          .text(step.piece.shown, step.x, step.baseline, { lineBreak: false, baseline: 'alphabetic' });
    }
  };
  const { into } = options;
  if (!into) take(steps)();
  else {
    // Runs that print alike go into one marked content; a run that prints as boxes gets its own Span.
    let batch: Step[] = [];
    for (const step of steps) {
      if (!('piece' in step) || !step.piece.missing) {
        batch.push(step);
        continue;
      }
      if (batch.length) into.add(take(batch));
      batch = [];
      // ActualText on the element for screen readers, and on its marked content for text extraction.
      const span = doc.struct('Span', { actual: step.piece.text });
      into.add(span);
      const content = doc.markStructureContent('Span', { actual: step.piece.text });
      take([step])();
      doc.endMarkedContent();
      span.add(content);
      span.end();
    }
    if (batch.length) into.add(take(batch));
  }
  doc.font(style.chain[0]!).fontSize(style.size);
  doc.x = left;
  doc.y = bottom;
}
