/**
 * The PDF's text setting: each grapheme in the first font of the chain that has it, whole emoji
 * sequences in one font, lines that never run wider than asked, and the height measured for a
 * table cell being the height drawn.
 */
import { basename } from 'node:path';
import PDFDocument from 'pdfkit';
import { BOLD, REGULAR, drawText, heightOf, linesOf, runsOf } from '../../bot/src/adapters/reports/pdf-text';

const fontNames = (text: string, chain = REGULAR) =>
  runsOf(text, chain).map((r) => [r.text, basename(r.font).replace(/\..*$/, ''), r.missing] as const);

describe('runs by glyph coverage', () => {
  it('keeps what Source Sans 3 has in it and sends the rest to the first fallback that has it', () => {
    expect(fontNames('Verdi −35 ÆØÅ æøå ✔ 👍 ★ ǩ slutt')).toEqual([
      ['Verdi −35 ÆØÅ æøå ✔ ', 'SourceSans3-Regular', false],
      ['👍', 'NotoEmoji-Regular', false],
      [' ', 'SourceSans3-Regular', false],
      ['★', 'NotoSansSymbols2-Regular-fallback', false],
      [' ', 'SourceSans3-Regular', false],
      ['ǩ', 'NotoSans-Regular-fallback', false],
      [' slutt', 'SourceSans3-Regular', false],
    ]);
    expect(fontNames('Mål 👍', BOLD)[0]).toEqual(['Mål ', 'SourceSans3-Bold', false]);
  });

  it('sets an emoji sequence (family, flag, heart with its variation selector, keycap) wholly in the emoji font', () => {
    for (const emoji of ['👨‍👩‍👧', '🇳🇴', '❤️', '1️⃣', '👍🏽'])
      expect(fontNames(emoji)).toEqual([[emoji, 'NotoEmoji-Regular', false]]);
  });

  it('sets a letter with a combining accent Source Sans 3 lacks wholly in Noto Sans', () => {
    expect(fontNames('k\u030e')).toEqual([['k\u030e', 'NotoSans-Regular-fallback', false]]); // k, double vertical line above
  });

  it('marks what no font has (Chinese) as missing, to be drawn as boxes with its text kept', () => {
    expect(runsOf('中文', REGULAR)).toEqual([expect.objectContaining({ text: '中文', shown: '□□', missing: true })]);
  });
});

describe('lines and heights', () => {
  const doc = () => new PDFDocument({ autoFirstPage: true, size: 'A4' });
  const style = { chain: REGULAR, size: 8.5 };

  it('never makes a line wider than the width, breaking a long run of emoji between them', () => {
    const d = doc();
    const text = `${'👍'.repeat(40)} Tverrgående-samarbeid ★★★ ${'ǩ'.repeat(30)} 中文中文中文 ok`;
    for (const width of [36, 60, 162]) {
      const lines = linesOf(d, text, style, width);
      expect(lines.length).toBeGreaterThan(1);
      for (const line of lines) expect(line.width).toBeLessThanOrEqual(width + 1e-9);
      expect(lines.flatMap((l) => l.pieces.map((p) => p.text)).join('')).toBe(text);
    }
    expect(linesOf(d, 'Tverrgående-samarbeid', style, 60).map((l) => l.pieces.map((p) => p.text).join(''))).toEqual([
      'Tverrgående-',
      'samarbeid',
    ]);
  });

  it('draws exactly as tall as it measured, so a table row holds its tallest cell', () => {
    const d = doc();
    const text = 'Kommentar 👍 ✔ −35 ÆØÅ æøå, ★ og 中文\nandre linje 👨‍👩‍👧';
    const height = heightOf(d, text, style, 100);
    const top = d.y;
    drawText(d, text, style, { width: 100 });
    expect(d.y - top).toBeCloseTo(height, 6);
    expect(height).toBeGreaterThan(2 * d.currentLineHeight(true) - 1e-9);
    d.end();
  });
});
