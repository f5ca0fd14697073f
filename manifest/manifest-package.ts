/**
 * Renders the Teams app manifest from its template, validates it offline against Microsoft's JSON
 * schema (bundled in @microsoft/app-manifest) and zips the app package.
 */
import { AppManifestUtils } from '@microsoft/app-manifest';
import JSZip from 'jszip';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

export const MANIFEST_DIR = __dirname;
const PLACEHOLDER = /\$\{\{([A-Z0-9_]+)\}\}/g;

/** What each placeholder means, for the error that names a missing one. */
export const PLACEHOLDERS: Record<string, string> = {
  TEAMS_APP_ID: 'the Teams app id (a GUID you choose once and keep)',
  BOT_ID: "the bot's Microsoft App ID (Entra ID app registration), same as MicrosoftAppId",
  TAB_DOMAIN: 'the host name that serves the service, e.g. tiltak.kommune.no (no https://, no path)',
  TAB_AAD_CLIENT_ID:
    "the tab's Entra ID app (client) id for Teams single sign-on, same as the service's TAB_AAD_CLIENT_ID",
  APP_VERSION: 'the app version (defaults to package.json version)',
  DEVELOPER_NAME: 'who publishes the app, e.g. the municipality',
  DEVELOPER_WEBSITE_URL: 'https URL of the publisher',
  PRIVACY_URL: 'https URL of the privacy statement (personvernerklæring)',
  TERMS_OF_USE_URL: 'https URL of the terms of use',
};

export class ManifestError extends Error {
  constructor(readonly problems: string[]) {
    super(`The Teams app manifest cannot be built:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ManifestError';
  }
}

/** Fills the ${{VAR}} placeholders; each one unset is named, except those that may stay empty. */
export function renderTemplate(
  template: string,
  values: Record<string, string | undefined>,
  mayBeEmpty: ReadonlySet<string> = new Set(),
): string {
  const missing = new Set<string>();
  const rendered = template.replace(PLACEHOLDER, (_whole, name: string) => {
    const value = values[name];
    if ((value === undefined || value === '') && !mayBeEmpty.has(name)) {
      missing.add(name);
      return '';
    }
    // The value lands inside a JSON string: escape it as JSON would.
    return JSON.stringify(value ?? '').slice(1, -1);
  });
  if (missing.size > 0) {
    throw new ManifestError(
      [...missing].map((name) => `${name} is not set: ${PLACEHOLDERS[name] ?? 'set it in the environment file'}`),
    );
  }
  return rendered;
}

export async function validateManifest(manifest: unknown): Promise<string[]> {
  const version = String((manifest as { manifestVersion?: unknown }).manifestVersion ?? '');
  const schemaPath = require.resolve(
    `@microsoft/app-manifest/build/json-schemas/teams/v${version}/MicrosoftTeams.schema.json`,
  );
  const schema = JSON.parse(readFileSync(schemaPath, 'utf8')) as Parameters<
    typeof AppManifestUtils.validateAgainstSchema
  >[1];
  const problems = await AppManifestUtils.validateAgainstSchema(
    manifest as Parameters<typeof AppManifestUtils.validateAgainstSchema>[0],
    schema,
  );
  return [...problems, ...httpsProblems(manifest), ...stageProblems(manifest), ...iconProblems()];
}

/** Teams loads tabs only over https and its app validation wants https links; the schema allows http. */
function httpsProblems(manifest: unknown): string[] {
  const m = manifest as {
    developer?: Record<string, unknown>;
    staticTabs?: Record<string, unknown>[];
    configurableTabs?: Record<string, unknown>[];
  };
  const urls: [string, unknown][] = [
    ['developer.websiteUrl', m.developer?.websiteUrl],
    ['developer.privacyUrl', m.developer?.privacyUrl],
    ['developer.termsOfUseUrl', m.developer?.termsOfUseUrl],
    ...(m.staticTabs ?? []).flatMap((tab, i): [string, unknown][] => [
      [`staticTabs[${i}].contentUrl`, tab.contentUrl],
      [`staticTabs[${i}].websiteUrl`, tab.websiteUrl],
    ]),
    ...(m.configurableTabs ?? []).map((tab, i): [string, unknown] => [
      `configurableTabs[${i}].configurationUrl`,
      tab.configurationUrl,
    ]),
  ];
  return urls
    .filter(([, url]) => typeof url === 'string' && !/^https:\/\/[^/\s]+/.test(url))
    .map(([field, url]) => `${field} must be an https URL, not ${String(url)}`);
}

/**
 * A tab offered on the meeting stage is shared there by the app's "Del på skjermen"
 * (shareAppContentToStage), which Teams refuses (error 1000) without the resource-specific
 * permission; the schema cannot tie the two together.
 */
function stageProblems(manifest: unknown): string[] {
  const m = manifest as {
    configurableTabs?: { context?: string[] }[];
    staticTabs?: { context?: string[] }[];
    authorization?: { permissions?: { resourceSpecific?: { name?: string; type?: string }[] } };
  };
  const onStage = [...(m.configurableTabs ?? []), ...(m.staticTabs ?? [])].some((tab) =>
    tab.context?.includes('meetingStage'),
  );
  const granted = (m.authorization?.permissions?.resourceSpecific ?? []).some(
    (p) => p.name === STAGE_PERMISSION && p.type === 'Delegated',
  );
  return onStage && !granted
    ? [
        `a tab has the meetingStage context: authorization.permissions.resourceSpecific needs ${STAGE_PERMISSION} (Delegated)`,
      ]
    : [];
}

const STAGE_PERMISSION = 'MeetingStage.Write.Chat';

/** Teams rejects a package whose icons are not 192×192 (colour) and 32×32 (outline). */
function iconProblems(): string[] {
  const expected: [string, number][] = [
    ['color.png', 192],
    ['outline.png', 32],
  ];
  return expected.flatMap(([file, size]) => {
    const png = readFileSync(join(MANIFEST_DIR, file));
    const width = png.readUInt32BE(16);
    const height = png.readUInt32BE(20);
    return width === size && height === size ? [] : [`${file} is ${width}×${height}, Teams needs ${size}×${size}`];
  });
}

export async function buildAppPackage(
  values: Record<string, string | undefined>,
): Promise<{ zip: Buffer; manifest: unknown }> {
  const template = readFileSync(join(MANIFEST_DIR, 'manifest.template.json'), 'utf8');
  const manifest: unknown = JSON.parse(renderTemplate(template, values));
  const problems = await validateManifest(manifest);
  if (problems.length > 0) throw new ManifestError(problems);
  const zip = new JSZip();
  const fixedDate = new Date('2026-01-01T00:00:00Z'); // same input, same bytes
  zip.file('manifest.json', JSON.stringify(manifest, null, 2), { date: fixedDate });
  for (const icon of ['color.png', 'outline.png'])
    zip.file(icon, readFileSync(join(MANIFEST_DIR, icon)), { date: fixedDate });
  return { zip: await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' }), manifest };
}
