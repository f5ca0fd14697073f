/**
 * Application Insights: with APPLICATIONINSIGHTS_CONNECTION_STRING set (as the Bicep sets it), the
 * service's incoming requests and its log lines reach the ingestion endpoint through OpenTelemetry.
 * Run in a network namespace holding only loopback (`unshare -n`, as root: CI and the developers'
 * machines run as root), because the distribution also calls Azure's instance metadata service and
 * live metrics, which a test here must not reach (test/support/telemetry-harness.ts).
 */
import { spawnSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from '../support/demo';

jest.setTimeout(90_000);

/** The newest change among the service's sources. */
function newestSource(dir = join(ROOT, 'bot/src')): number {
  return Math.max(
    ...readdirSync(dir, { withFileTypes: true }).map((e) =>
      e.isDirectory() ? newestSource(join(dir, e.name)) : statSync(join(dir, e.name)).mtimeMs,
    ),
  );
}

it('sends request traces and logs to Application Insights', () => {
  // It runs the compiled service (npm test and npm run test:deploy build it first).
  const built = statSync(join(ROOT, 'dist/bot/src/main.js'), { throwIfNoEntry: false })?.mtimeMs ?? 0;
  if (built < newestSource()) throw new Error('dist/ is older than bot/src: run `npm run build:bot` first');
  const run = spawnSync(
    'unshare',
    [
      '-n',
      '--',
      'sh',
      '-c',
      `ip link set lo up && exec "${process.execPath}" --import tsx test/support/telemetry-harness.ts`,
    ],
    { cwd: ROOT, encoding: 'utf8', timeout: 80_000 },
  );
  expect(run.error).toBeUndefined();
  const lastLine = run.stdout.trim().split('\n').at(-1) ?? '';
  const received = JSON.parse(lastLine.startsWith('[') ? lastLine : '[]') as {
    path: string;
    type: string;
    name: string;
  }[];
  if (received.length === 0) throw new Error(`nothing reached the ingestion stand-in:\n${run.stdout}\n${run.stderr}`);
  expect(received.every((r) => r.path === '/v2.1/track')).toBe(true);
  expect(received).toEqual(
    expect.arrayContaining([
      expect.objectContaining({ type: 'RequestData', name: 'GET /api/v1/plans' }),
      expect.objectContaining({
        type: 'MessageData',
        name: expect.stringContaining('tiltak is listening (embedded profile)'),
      }),
    ]),
  );
});
