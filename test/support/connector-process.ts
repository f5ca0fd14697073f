/**
 * The Bot Connector stand-in in a child process (test/fakes/connector-stand-in-process.ts), with
 * what a many-tenant run needs of it: its URL and a token, which chats exist in which tenant, and at
 * the end what it accepted. Its CPU is then its own, not the sender's (see that file).
 */
import { fork, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import type { ConnectorOptions } from '../fakes/connector-stand-in';
import type { ConnectorRequest, ConnectorTally } from '../fakes/connector-stand-in-process';
import { ROOT } from './demo';

export interface ConnectorProcess {
  url: string;
  token(): Promise<string>;
  knowsIn(tenantId: string, ...conversationIds: string[]): Promise<void>;
  /** Forgets what it accepted and the 429s it gave (the chats it knows stay). */
  reset(): Promise<void>;
  tally(): Promise<ConnectorTally>;
  stop(): Promise<void>;
}

export async function startConnectorProcess(options: ConnectorOptions = {}): Promise<ConnectorProcess> {
  const child: ChildProcess = fork(join(ROOT, 'test/fakes/connector-stand-in-process.ts'), [JSON.stringify(options)], {
    execArgv: ['--import', 'tsx'],
    cwd: ROOT,
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const waiting = new Map<number, { resolve: (value: unknown) => void; reject: (error: Error) => void }>();
  let nextId = 1;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.on('message', (message: { id: number; value?: unknown; error?: string }) => {
    const caller = waiting.get(message.id);
    waiting.delete(message.id);
    if (message.error !== undefined) caller?.reject(new Error(message.error));
    else caller?.resolve(message.value);
  });
  void exited.then(() => {
    for (const caller of waiting.values()) caller.reject(new Error('the connector stand-in process exited'));
    waiting.clear();
  });
  const call = <T>(request: ConnectorRequest | null, id = nextId++): Promise<T> =>
    new Promise<T>((resolve, reject) => {
      waiting.set(id, { resolve: resolve as (value: unknown) => void, reject });
      if (request) child.send({ id, request });
    });
  const url = await call<string>(null, 0); // its first word is where it listens
  return {
    url,
    token: () => call<string>({ op: 'token' }),
    knowsIn: (tenantId, ...conversationIds) => call<void>({ op: 'knowsIn', tenantId, conversationIds }),
    reset: () => call<void>({ op: 'reset' }),
    tally: () => call<ConnectorTally>({ op: 'tally' }),
    stop: async () => {
      child.disconnect();
      await exited;
    },
  };
}
