/**
 * The compiled service finds the PDF's fallback fonts: App Service runs dist/ with production
 * dependencies only (infra/package-app.sh), so the fonts kept beside report-pdf.ts must have been
 * copied into dist/ by the build, or a report with an emoji in it would fail to render there.
 */
import { existsSync } from 'node:fs';
import { basename, join, relative } from 'node:path';
import { ROOT } from '../support/demo';

it('has every font of the compiled report code in dist/, and sets an emoji in one of them', () => {
  const compiled = join(ROOT, 'dist/bot/src/adapters/reports/pdf-text.js');
  if (!existsSync(compiled)) throw new Error('no dist/: run `npm run build:bot` first');
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- the compiled module, as App Service loads it
  const text = require(compiled) as typeof import('../../bot/src/adapters/reports/pdf-text');
  const fallbacks = text.REGULAR.slice(1);
  expect(fallbacks.map((path) => relative(ROOT, path).split('/').slice(0, 2).join('/'))).toEqual(
    Array(3).fill('dist/bot'),
  );
  for (const path of [...text.REGULAR, ...text.BOLD]) expect(existsSync(path)).toBe(true);
  const [words, emoji] = text.runsOf('Bra 👍', text.REGULAR);
  expect(basename(words!.font)).toBe('SourceSans3-Regular.ttf'); // from node_modules
  expect(relative(ROOT, emoji!.font)).toBe('dist/bot/src/adapters/reports/fonts/NotoEmoji-Regular.woff');
});
