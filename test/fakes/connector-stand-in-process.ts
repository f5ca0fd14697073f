/**
 * The Bot Connector stand-in (connector-stand-in.ts) in a process of its own, driven over the IPC
 * channel of a fork (test/support/connector-process.ts). Benches that send hundreds of cards a
 * second run it so: verifying each call's token and answering it is the stand-in's CPU, which Teams
 * spends on its own machines, not the bot's; sharing one event loop, the two would slow each other
 * and the figures would measure the stand-in as much as the sender.
 */
import { ConnectorStandIn, type ConnectorOptions } from './connector-stand-in';

/** What the parent asks; each request carries an id its answer repeats. */
export type ConnectorRequest =
  { op: 'knowsIn'; tenantId: string; conversationIds: string[] } | { op: 'token' } | { op: 'reset' } | { op: 'tally' };

/** Every accepted activity's conversation and tenant, in order, and the 429s given per tenant. */
export interface ConnectorTally {
  received: { conversationId: string; tenantId: string }[];
  throttledIn: [string, number][];
}

async function main(): Promise<void> {
  const options = JSON.parse(process.argv[2] ?? '{}') as ConnectorOptions;
  const connector = await ConnectorStandIn.start(options);
  const answer = async (request: ConnectorRequest): Promise<unknown> => {
    switch (request.op) {
      case 'knowsIn':
        connector.knowsIn(request.tenantId, ...request.conversationIds);
        return null;
      case 'token':
        return connector.token();
      case 'reset':
        connector.received.length = 0;
        connector.throttledIn.clear();
        connector.throttled = 0;
        return null;
      case 'tally':
        return {
          received: connector.received.map((r) => ({ conversationId: r.conversationId, tenantId: r.tenantId })),
          throttledIn: [...connector.throttledIn],
        } satisfies ConnectorTally;
    }
  };
  process.on('message', (message: { id: number; request: ConnectorRequest }) => {
    void answer(message.request).then(
      (value) => process.send?.({ id: message.id, value }),
      (error: unknown) => process.send?.({ id: message.id, error: String(error) }),
    );
  });
  // The parent gone (or done): so is the stand-in.
  process.on('disconnect', () => void connector.stop().then(() => process.exit(0)));
  process.send?.({ id: 0, value: connector.url });
}

void main();
