/**
 * `npx tsx infra/render-parameters.ts <env> [out.json]`: the ARM parameters of one environment
 * (infra/azure.parameters.<env>.json) with their ${{VAR}} placeholders filled from env/.env.<env>
 * (and .env.<env>.user), as the Agents Toolkit's arm/deploy fills them. For deploying without the
 * toolkit: .github/workflows/deploy.yml runs what-if and the deployment with the result.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { readEnvironment } from '../manifest/env-file';
import { ManifestError, renderTemplate } from '../manifest/manifest-package';

/** Set only once the app is published (`atk publish`); the first deployment goes without. */
const MAY_BE_EMPTY = new Set(['TEAMS_APP_CATALOG_ID']);

export function renderParameters(root: string, environment: string, extra: Record<string, string> = {}): string {
  const template = readFileSync(join(root, 'infra', `azure.parameters.${environment}.json`), 'utf8');
  const values = { ...readEnvironment(join(root, 'env', `.env.${environment}`)), ...extra };
  return renderTemplate(template, values, MAY_BE_EMPTY);
}

if (require.main === module) {
  const [environment, out] = process.argv.slice(2);
  if (!environment) {
    process.stderr.write('usage: npx tsx infra/render-parameters.ts <environment> [out.json]\n');
    process.exit(2);
  }
  try {
    // Values from the environment win: a workflow passes what it knows (e.g. TAB_AAD_CLIENT_ID).
    const fromEnv = Object.fromEntries(Object.entries(process.env).filter((e): e is [string, string] => !!e[1]));
    const rendered = renderParameters(join(__dirname, '..'), environment, fromEnv);
    if (out) writeFileSync(out, rendered);
    else process.stdout.write(rendered);
  } catch (error) {
    process.stderr.write(`${error instanceof ManifestError ? error.message : String(error)}\n`);
    process.exit(1);
  }
}
