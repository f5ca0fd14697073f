/**
 * `npm run docs:config`: writes docs/configuration.md from the configuration schema (config.ts), so
 * that each key is described once, where it is read. A test fails when the page is behind.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { EnvSchema } from '../config';

interface KeySchema {
  description?: string;
  group?: string;
  default?: unknown;
  enum?: unknown[];
}

const GROUP_ORDER = ['Service', 'Bot', 'Tab sign-in', 'Store', 'Graph', 'Directory', 'Reminder rounds'];

export function configurationPage(): string {
  const schema = z.toJSONSchema(EnvSchema, { io: 'input', unrepresentable: 'any' }) as {
    properties: Record<string, KeySchema>;
  };
  const keys = Object.entries(schema.properties);
  const groups = [...new Set([...GROUP_ORDER, ...keys.map(([, k]) => k.group ?? 'Other')])];
  const cell = (text: string) => text.replace(/\|/g, '\\|').replace(/\n/g, ' ');
  const sections = groups
    .map((group) => {
      const rows = keys.filter(([, k]) => (k.group ?? 'Other') === group);
      if (rows.length === 0) return '';
      const lines = rows.map(([name, k]) => {
        const fallback = k.default === undefined ? '' : `\`${String(k.default)}\``;
        const values = k.enum ? ` One of ${k.enum.map((v) => `\`${String(v)}\``).join(', ')}.` : '';
        return `| \`${name}\` | ${fallback} | ${cell((k.description ?? '') + values)} |`;
      });
      return [`## ${group}`, '', '| key | default | meaning |', '| --- | --- | --- |', ...lines].join('\n');
    })
    .filter(Boolean);
  return [
    '# Configuration',
    '',
    '<!-- Written by `npm run docs:config` from bot/src/config.ts: change the descriptions there. -->',
    '',
    'The service reads its configuration from the environment once, at start, and checks it: every',
    'missing or malformed key is named in one error and the service does not start. Secrets (client',
    "secrets, passwords, connection strings) come from the host's secret store, never from a file in the",
    'repository.',
    '',
    ...sections.flatMap((s) => [s, '']),
  ].join('\n');
}

export const CONFIGURATION_PAGE = join(__dirname, '..', '..', '..', 'docs', 'configuration.md');

if (require.main === module) {
  writeFileSync(CONFIGURATION_PAGE, configurationPage());
  console.log(`wrote ${CONFIGURATION_PAGE}`);
}
