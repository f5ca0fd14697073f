/**
 * `npm run manifest:build [-- --env env/.env.<name>]`: fills the manifest template from an Agents
 * Toolkit environment file (and its .user file) or the environment, validates it offline against
 * the official schema, and writes the app package to manifest/build/tiltak-teams-app.zip for upload
 * to Teams. `atk provision` builds the same package with the toolkit (m365agents.yml).
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { readEnvironment } from './env-file';
import { buildAppPackage, MANIFEST_DIR, ManifestError } from './manifest-package';

async function main(): Promise<void> {
  const envFlag = process.argv.indexOf('--env');
  const fromFile = envFlag > 0 && process.argv[envFlag + 1] ? readEnvironment(process.argv[envFlag + 1] as string) : {};
  const packageVersion = (
    JSON.parse(readFileSync(join(MANIFEST_DIR, '..', 'package.json'), 'utf8')) as { version: string }
  ).version;
  // An empty value in the file is one provisioning has not written yet: the default stands.
  const given = Object.fromEntries(Object.entries(fromFile).filter(([, value]) => value !== ''));
  const values = { APP_VERSION: packageVersion, ...given, ...process.env };
  const { zip } = await buildAppPackage(values);
  const outDir = join(MANIFEST_DIR, 'build');
  mkdirSync(outDir, { recursive: true });
  const outFile = join(outDir, 'tiltak-teams-app.zip');
  writeFileSync(outFile, zip);
  process.stdout.write(`Teams app package written to ${outFile} (${zip.length} bytes), manifest valid.\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof ManifestError ? error.message : String((error as Error).stack ?? error)}\n`);
  process.exit(1);
});
