/**
 * The App Service settings exactly as infra/app-settings.json gives them to the Bicep
 * (infra/modules/app-service.bicep replaces each '{name}' from a resource or a parameter), for the
 * tests that check the file and for test/deploy, which starts the service from it.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from './demo';

interface AppSettingsFile {
  service: Record<string, string>;
  platform: Record<string, string>;
}

export const APP_SETTINGS = JSON.parse(readFileSync(join(ROOT, 'infra/app-settings.json'), 'utf8')) as AppSettingsFile;

const TOKEN = /\{([A-Za-z]+)\}/g;

/** The token names the service settings use. */
export function settingTokens(): Set<string> {
  return new Set(Object.values(APP_SETTINGS.service).flatMap((v) => [...v.matchAll(TOKEN)].map((m) => m[1] as string)));
}

/** The service settings with every token filled in, as the Bicep does; an unknown token fails. */
export function serviceSettings(tokens: Record<string, string>): Record<string, string> {
  return Object.fromEntries(
    Object.entries(APP_SETTINGS.service).map(([key, value]) => [
      key,
      value.replace(TOKEN, (_whole, name: string) => {
        const filled = tokens[name];
        if (filled === undefined) throw new Error(`no value for {${name}} in ${key}`);
        return filled;
      }),
    ]),
  );
}
