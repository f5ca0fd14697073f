/**
 * Debian's Chromium driven by playwright-core: never a downloaded browser. The flags keep it off
 * the network (this machine and CI have none beyond the package registries).
 */
import { chromium, type BrowserContext } from 'playwright-core';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** `trustTestCertificates`: accept the stand-ins' self-signed https certificates (sign-in tests). */
export async function launchBrowser(
  options: { locale?: string; trustTestCertificates?: boolean } = {},
): Promise<BrowserContext> {
  if (!existsSync(CHROMIUM_PATH)) {
    throw new Error(`Chromium not found at ${CHROMIUM_PATH}: install Debian's package (apt-get install -y chromium).`);
  }
  const context = await chromium.launchPersistentContext(mkdtempSync(join(tmpdir(), 'tiltak-chromium-')), {
    executablePath: CHROMIUM_PATH,
    args: CHROMIUM_ARGS,
    viewport: { width: 1400, height: 1000 },
    locale: options.locale ?? 'nb-NO',
    ignoreHTTPSErrors: options.trustTestCertificates ?? false,
  });
  // Nothing outside this machine: the Playground asks a CDN for fonts, which may simply fail.
  await context.route(/^https?:\/\/(?!localhost|127\.0\.0\.1)/, (route) => route.abort());
  return context;
}
