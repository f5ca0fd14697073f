/**
 * Azurite, Microsoft's Azure Storage emulator, as a child process serving queues and tables on free
 * loopback ports, in memory. The shared work queue and the shared round state are tested against it
 * (see RECIPES: --skipApiVersionCheck for the current SDKs, --disableTelemetry for no outbound calls).
 * With `oauth` it serves https and takes Entra ID bearer tokens as Azure does (`--oauth basic`
 * checks issuer, audience and lifetime, not the signature; it needs https: Azurite's README).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { connect, createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT } from './demo';
import { localhostCertificate } from './localhost-certificate';

/** Azurite's published development account (not a secret: the same in every copy of Azurite). */
const ACCOUNT = 'devstoreaccount1';
const ACCOUNT_KEY = 'Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==';

export interface Azurite {
  connectionString: string;
  queueEndpoint: string;
  tableEndpoint: string;
  /** With `oauth`: the certificate it serves, to trust. */
  cert?: string;
  stop(): Promise<void>;
}

export async function startAzurite(options: { oauth?: boolean } = {}): Promise<Azurite> {
  const [blobPort, queuePort, tablePort] = [await freePort(), await freePort(), await freePort()];
  // Nothing is kept on disk; a scratch directory all the same, so nothing can land in the repo.
  const scratch = mkdtempSync(join(tmpdir(), 'azurite-'));
  const tls = options.oauth ? await localhostCertificate('Azurite (test)') : undefined;
  if (tls) {
    writeFileSync(join(scratch, 'cert.pem'), tls.cert);
    writeFileSync(join(scratch, 'key.pem'), tls.key);
  }
  const child: ChildProcess = spawn(
    process.execPath,
    [
      join(ROOT, 'node_modules/azurite/dist/src/azurite.js'),
      ...['--blobPort', String(blobPort), '--queuePort', String(queuePort), '--tablePort', String(tablePort)],
      ...['--inMemoryPersistence', '--silent', '--skipApiVersionCheck', '--disableTelemetry'],
      ...(tls ? ['--cert', 'cert.pem', '--key', 'key.pem', '--oauth', 'basic'] : []),
    ],
    { stdio: ['ignore', 'pipe', 'pipe'], cwd: scratch },
  );
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  await waitUntilListening(tablePort, child, () => output);
  await waitUntilListening(queuePort, child, () => output);
  const scheme = tls ? 'https' : 'http';
  const queueEndpoint = `${scheme}://127.0.0.1:${queuePort}/${ACCOUNT}`;
  const tableEndpoint = `${scheme}://127.0.0.1:${tablePort}/${ACCOUNT}`;
  return {
    connectionString: [
      `DefaultEndpointsProtocol=${scheme}`,
      `AccountName=${ACCOUNT}`,
      `AccountKey=${ACCOUNT_KEY}`,
      `QueueEndpoint=${queueEndpoint}`,
      `TableEndpoint=${tableEndpoint}`,
    ].join(';'),
    queueEndpoint,
    tableEndpoint,
    ...(tls ? { cert: tls.cert } : {}),
    stop: async () => {
      if (child.exitCode !== null) return;
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
    },
  };
}

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

async function waitUntilListening(port: number, child: ChildProcess, output: () => string): Promise<void> {
  const until = Date.now() + 20_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`Azurite exited with ${child.exitCode}: ${output()}`);
    // A TCP connection: the same for http and https, and no certificate to trust here.
    const open = await new Promise<boolean>((resolve) => {
      const socket = connect(port, '127.0.0.1', () => {
        socket.destroy();
        resolve(true);
      });
      socket.once('error', () => resolve(false));
    });
    if (open) return;
    if (Date.now() > until) throw new Error(`Azurite did not listen on ${port}: ${output()}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
