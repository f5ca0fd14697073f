/**
 * The test service and one browser per language the tab speaks, for the universal design suites:
 * registered in beforeAll/afterAll of the calling describe block, read once they are up.
 */
import type { BrowserContext } from 'playwright-core';
import { launchBrowser } from './chromium';
import { startTestService, type TestService } from './service';

const LOCALES = ['nb-NO', 'nn-NO', 'en-US'] as const;

export function useLocaleBrowsers() {
  let service: TestService | undefined;
  const browsers = new Map<string, BrowserContext>();
  beforeAll(async () => {
    service = await startTestService();
    for (const locale of LOCALES) browsers.set(locale, await launchBrowser({ locale }));
  });
  afterAll(async () => {
    for (const browser of browsers.values()) await browser.close();
    await service?.close();
  });
  return {
    LOCALES,
    service: (): TestService => {
      if (!service) throw new Error('the test service is not up yet (use it inside a test)');
      return service;
    },
    browser: (locale: string): BrowserContext => {
      const browser = browsers.get(locale);
      if (!browser) throw new Error(`no browser for ${locale}`);
      return browser;
    },
  };
}
