/**
 * Graph for a command an administrator runs (provisioning, migration, erasure): it waits as long
 * as SharePoint asks — throttling can last minutes, and a migration that stops half-way helps
 * nobody — and says so on stderr, with when it goes on.
 */
import pino from 'pino';
import type { GraphWait } from '../adapters/sharepoint/graph-http';
import { BACKGROUND_RETRY } from '../adapters/http/retry-policy';
import type { GraphSettings } from '../config';
import { formatOsloDateTime, t } from '../i18n';
import { graphFor } from '../storage';

export function graphForCommand(settings: GraphSettings) {
  return graphFor(settings, pino({ level: 'warn' }, pino.destination(2)), undefined, {
    retry: BACKGROUND_RETRY,
    onWait: sayWaiting,
  });
}

/** A progress line for waits a person notices (a few seconds or more). */
export function sayWaiting(wait: GraphWait, now = Date.now()): void {
  if (wait.ms < 5_000) return;
  const minutes = Math.max(1, Math.round(wait.ms / 60_000));
  const time = formatOsloDateTime(new Date(now + wait.ms).toISOString()).time;
  console.error(`  ${t('nb', 'cli.graphWaiting', { minutes, status: wait.status ?? '–', time })}`);
}
