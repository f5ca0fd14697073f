/**
 * The Microsoft 365 Agents Playground as a child process, offline: a Teams-like client for the bot,
 * used by `npm run dev` and the end-to-end tests. Telemetry is off in both ways it must be (flag
 * and environment), it opens no browser of its own, and it logs activities under devTools/.
 * The package is a devDependency: this module is for development only.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface Playground {
  url: string;
  stop(): Promise<void>;
}

const CLI = require.resolve('@microsoft/m365agentsplayground/cli.js');

export async function startPlayground(
  botEndpoint: string,
  options: { cwd?: string; port?: number } = {},
): Promise<Playground> {
  const port = options.port ?? (await freePort());
  const child = spawn(process.execPath, [CLI, '--disable-telemetry', '-p', String(port)], {
    cwd: options.cwd ?? mkdtempSync(join(tmpdir(), 'tiltak-playground-')),
    env: {
      ...process.env,
      TEAMSAPPTESTER_BROWSER: 'none',
      APPLICATION_INSIGHTS_NO_STATSBEAT: 'true',
      BOT_ENDPOINT: botEndpoint,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const actualPort = await listeningPort(child);
  const url = `http://localhost:${actualPort}`;
  return {
    url,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}

/** The Playground silently takes another port when the one asked for is busy: read the one it says. */
function listeningPort(child: ChildProcess): Promise<number> {
  return new Promise((resolve, reject) => {
    let output = '';
    const timer = setTimeout(() => reject(new Error(`Agents Playground did not start:\n${output}`)), 30_000);
    const onData = (chunk: Buffer): void => {
      output += chunk.toString();
      const match = /Listening on (\d+)/.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve(Number(match[1]));
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`Agents Playground exited (${code}):\n${output}`));
    });
  });
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}
