/**
 * `npm run manifest:build [-- --env <file>]`: fills the manifest template from the environment (or
 * a dotenv-style file), validates it offline against the official schema, and writes the app
 * package to manifest/build/tiltak-teams-app.zip for upload to Teams.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildAppPackage, MANIFEST_DIR, ManifestError } from './manifest-package';

function readEnvFile(path: string): Record<string, string> {
  const values: Record<string, string> = {};
  for (const line of readFileSync(path, 'utf8').split(/\r?\n/)) {
    const match = /^\s*([A-Z0-9_]+)\s*=\s*(.*?)\s*$/.exec(line);
    if (match?.[1]) values[match[1]] = (match[2] ?? '').replace(/^(['"])(.*)\1$/, '$2');
  }
  return values;
}

async function main(): Promise<void> {
  const envFlag = process.argv.indexOf('--env');
  const fromFile = envFlag > 0 && process.argv[envFlag + 1] ? readEnvFile(process.argv[envFlag + 1] as string) : {};
  const packageVersion = (
    JSON.parse(readFileSync(join(MANIFEST_DIR, '..', 'package.json'), 'utf8')) as { version: string }
  ).version;
  const values = { APP_VERSION: packageVersion, ...fromFile, ...process.env };
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
