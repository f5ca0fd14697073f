/** axe-core run in the page (WCAG 2.1 A and AA), its violations as readable lines. */
import { readFileSync } from 'node:fs';
import type { Frame, Page } from 'playwright-core';

const AXE_SOURCE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

interface AxeResult {
  violations: { id: string; impact: string; nodes: { target: string[]; failureSummary: string }[] }[];
}

/** `page` may be a frame: a tab inside the Teams host stand-in is checked where it is framed. */
export async function axeViolations(page: Page | Frame): Promise<string[]> {
  // Colours are judged at rest: a button caught mid-transition (disabled grey fading to enabled,
  // as "Oppdater" does when the table arrives) measured 2.75:1 once in CI.
  await page.addStyleTag({
    content: '*, *::before, *::after { transition: none !important; animation: none !important; }',
  });
  await page.evaluate(AXE_SOURCE); // evaluated through the DevTools protocol: the page's CSP stays on
  // Code for the page is passed as text: the tests are compiled without the DOM's types.
  const result = (await page.evaluate(
    // Fluent UI's focus sentinels (tabster's data-tabster-dummy inputs, left around the app once a
    // dialog has trapped focus) are aria-hidden by design and hand focus on at once: not content.
    `axe.run({ exclude: [['[data-tabster-dummy]']] }, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } })`,
  )) as AxeResult;
  return result.violations.flatMap((v) => v.nodes.map((n) => `${v.id} at ${n.target.join(' ')}: ${n.failureSummary}`));
}
