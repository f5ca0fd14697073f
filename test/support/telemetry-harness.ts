/**
 * Run inside a network namespace of its own (test/deploy/telemetry.test.ts): an Application
 * Insights ingestion stand-in over https (the exporter sends only https), then the service as
 * `npm start` and App Service run it, compiled (dist/bot/src/main.js: the instrumentations hook
 * into CommonJS loading, which a TypeScript loader bypasses), with
 * APPLICATIONINSIGHTS_CONNECTION_STRING pointing at the
 * stand-in; a few requests, then every telemetry item received is printed as one JSON line.
 * The namespace has nothing but loopback, so the OpenTelemetry distribution's calls elsewhere (the
 * Azure VM resource detector's 169.254.169.254, live metrics) fail at once and reach nothing.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { ROOT } from './demo';
import { localhostCertificate } from './localhost-certificate';

interface Envelope {
  data?: { baseType?: string; baseData?: { name?: string; message?: string; url?: string } };
}

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'telemetry-'));
  const tls = await localhostCertificate('Application Insights ingestion (test)');
  writeFileSync(join(dir, 'ca.pem'), tls.cert);
  const received: { path: string; type: string; name: string }[] = [];
  const ingestion = createServer({ cert: tls.cert, key: tls.key }, (req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const raw = Buffer.concat(chunks);
      const text = (raw[0] === 0x1f ? gunzipSync(raw) : raw).toString('utf8');
      for (const envelope of JSON.parse(text) as Envelope[]) {
        const data = envelope.data?.baseData ?? {};
        received.push({
          path: req.url ?? '',
          type: envelope.data?.baseType ?? '',
          name: data.name ?? data.message ?? '',
        });
      }
      res.writeHead(200, { 'Content-Type': 'application/json' });
      res.end(JSON.stringify({ itemsReceived: 1, itemsAccepted: 1, errors: [] }));
    });
  });
  await new Promise<void>((resolve) => ingestion.listen(0, '127.0.0.1', resolve));
  const ingestionPort = (ingestion.address() as AddressInfo).port;

  const service = spawn(process.execPath, [join(ROOT, 'dist/bot/src/main.js')], {
    cwd: ROOT,
    env: {
      PATH: process.env.PATH,
      PORT: '0',
      DATABASE_PATH: join(dir, 'tiltak.db'),
      NODE_EXTRA_CA_CERTS: join(dir, 'ca.pem'),
      APPLICATIONINSIGHTS_CONNECTION_STRING: `InstrumentationKey=00000000-0000-0000-0000-000000000000;IngestionEndpoint=https://127.0.0.1:${ingestionPort}/`,
    },
  });
  let out = '';
  service.stdout.on('data', (c: Buffer) => (out += c.toString()));
  service.stderr.on('data', (c: Buffer) => (out += c.toString()));
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setInterval(() => {
      const m = /Tiltak is running: tab (\S+)\/tab\//.exec(out);
      if (m) resolve((clearInterval(timer), m[1] as string));
    }, 100);
    service.once('exit', (code) => reject(new Error(`the service exited with ${code}: ${out}`)));
  });
  // The exporter sends every few seconds, and the distribution samples at most 5 traces a second
  // by default: ask now and then until a request and the log line have arrived, at most 40 s.
  const until = Date.now() + 40_000;
  const has = (type: string, name: string): boolean => received.some((r) => r.type === type && r.name.includes(name));
  while (Date.now() < until && !(has('RequestData', '/api/v1/plans') && has('MessageData', 'tiltak is listening'))) {
    await (await fetch(`${url}/api/v1/plans`)).arrayBuffer();
    await new Promise((resolve) => setTimeout(resolve, 1000));
  }
  service.kill('SIGTERM');
  ingestion.close();
  process.stdout.write(`${JSON.stringify(received)}\n`);
  process.exit(0);
}

void main();
