/** The real service as a child process (test/support/service-process.ts), for tests that kill it. */
import { spawn, type ChildProcess } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ConversationStore } from '../../bot/src/app/ports';
import type { ConnectorStandIn } from '../fakes/connector-stand-in';
import { ROOT } from './demo';
import { responsiblePeople } from './responsible-people';

export interface ChildService {
  child: ChildProcess;
  url: string;
  /** Everything it wrote to stdout so far (JSON log lines at LOG_LEVEL). */
  output(): string;
  exited: Promise<number | null>;
}

export async function startChildService(env: NodeJS.ProcessEnv): Promise<ChildService> {
  // One process (tsx as a loader, not tsx's own wrapper process), so SIGKILL kills the service itself.
  const child = spawn(process.execPath, ['--import', 'tsx', join(ROOT, 'test/support/service-process.ts')], {
    env: { PATH: process.env.PATH, ...env },
    cwd: ROOT,
  });
  let out = '';
  child.stdout?.on('data', (chunk: Buffer) => (out += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (out += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const url = await new Promise<string>((resolve, reject) => {
    const look = (): void => {
      const m = /^listening (\S+)$/m.exec(out);
      if (m) {
        child.stdout?.off('data', look);
        resolve(m[1] as string);
      }
    };
    child.stdout?.on('data', look);
    void exited.then((code) => reject(new Error(`service exited with ${code}: ${out}`)));
  });
  return { child, url, output: () => out, exited };
}

/**
 * A directory file in `dir` of `count` people who all hold a role with measures in Høylandet's plan,
 * each with a chat the bot knows at the connector (conversation "a:<their id>"): a round of that size.
 */
export async function writeResponsiblePeople(
  dir: string,
  count: number,
  conversations: ConversationStore,
  connector: ConnectorStandIn,
): Promise<string> {
  const { people } = responsiblePeople(count);
  const file = join(dir, 'directory.json');
  writeFileSync(file, JSON.stringify({ people }));
  for (const p of people) {
    await conversations.saveConversation({
      userId: p.userId,
      serviceUrl: connector.url,
      conversationId: `a:${p.userId}`,
    });
    connector.knows(`a:${p.userId}`);
  }
  return file;
}
