/**
 * Reads the Agents Toolkit's environment files (env/.env.<name>, and its secrets in
 * .env.<name>.user): KEY=value lines, # comments, values optionally quoted. The same files fill
 * the manifest's and the Bicep parameters' ${{VAR}} placeholders, here as in the toolkit.
 */
import { existsSync, readFileSync } from 'node:fs';

export function readEnvFile(path: string): Record<string, string> {
  const values: Record<string, string> = {};
  for (const line of readFileSync(path, 'utf8').split(/\r?\n/)) {
    const match = /^\s*([A-Za-z0-9_]+)\s*=\s*(.*?)\s*$/.exec(line);
    if (match?.[1]) values[match[1]] = (match[2] ?? '').replace(/^(['"])(.*)\1$/, '$2');
  }
  return values;
}

/** An environment's values: the committed file, then its .user file (secrets) where there is one. */
export function readEnvironment(path: string): Record<string, string> {
  return { ...readEnvFile(path), ...(existsSync(`${path}.user`) ? readEnvFile(`${path}.user`) : {}) };
}
