/** The little of fontkit (pdfkit's font engine, which ships no types) the PDF's font fallback uses. */
declare module 'fontkit' {
  export interface Font {
    ascent: number;
    unitsPerEm: number;
    hasGlyphForCodePoint(codePoint: number): boolean;
  }
  export function openSync(path: string): Font;
}
