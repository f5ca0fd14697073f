/**
 * The Bot Connector's contract as the reminders rely on it: one suite, run against the stand-in
 * and, when BOT_TEST_* is set, against Teams itself, with the same assertions. It drives the
 * real adapter (ConnectorNotifier) so what is checked is what the service does with each answer.
 */
import pino from 'pino';
import { ConnectorNotifier } from '../../bot/src/adapters/teams/connector-notifier';
import { RateLimiter, TEAMS_LIMITS } from '../../bot/src/adapters/teams/rate-limiter';
import type { ConversationTarget } from '../../bot/src/app/ports';
import { formOf } from '../../bot/src/app/prepare-status-forms';
import type { StatusForm } from '../../bot/src/domain/status-form';
import { currentPlanPeriod } from '../../bot/src/domain/period';
import type { Plan } from '../../bot/src/domain/plan';
import { syntheticPlan } from '../bench/synthetic-plan';

export interface ConnectorUnderTest {
  /** A 1:1 conversation of a person who has the app. */
  reachable: ConversationTarget;
  /** The bot's token for the connector. */
  getToken: () => Promise<string>;
  close(): Promise<void>;
}

export interface ConnectorFactory {
  open(): Promise<ConnectorUnderTest>;
}

const person = {
  userId: 'contract-user',
  name: 'Kontrakt Testperson',
  roles: ['Fagleder digitalisering'],
  coordinatorOf: [],
};

function formFor(plan: Plan): StatusForm {
  const period = currentPlanPeriod(plan.cadence, plan.period, new Date());
  const form = formOf(person, plan, period, { current: new Map(), previous: new Map() }, `contract-${Date.now()}`);
  if (!form) throw new Error('the contract plan has no measures for the test person');
  return form;
}

const year = new Date().getUTCFullYear();
const small = () =>
  formFor(syntheticPlan({ id: 'kontrakt', measures: 2, perGoal: 2, fromYear: year - 1, toYear: year + 2 }));
/**
 * Over Teams' 100 KB as it counts a message (UTF-16) even on a page of its own: one measure whose
 * text is 60 000 characters. (Many measures no longer make a card this large: the card is paged.)
 */
const large = () => {
  const plan = syntheticPlan({ id: 'kontrakt-stor', measures: 1, perGoal: 1, fromYear: year - 1, toYear: year + 2 });
  return formFor({
    ...plan,
    goals: plan.goals.map((g) => ({ ...g, measures: g.measures.map((m) => ({ ...m, text: 'x'.repeat(60_000) })) })),
  });
};

export function describeConnectorContract(name: string, factory: () => ConnectorFactory | undefined): void {
  const made = factory();
  if (!made) return; // the caller names why, in a skipped test of its own
  describe(`Bot Connector contract: ${name}`, () => {
    let connector: ConnectorUnderTest;
    const notifier = (getToken: () => Promise<string>) =>
      new ConnectorNotifier({ limiter: new RateLimiter(TEAMS_LIMITS), logger: pino({ level: 'silent' }), getToken });
    beforeAll(async () => {
      connector = await made.open();
    }, 60_000);
    afterAll(async () => connector?.close());

    it('delivers a status card to a person who has the app', async () => {
      expect(await notifier(connector.getToken).sendStatusForm(connector.reachable, small())).toEqual({ kind: 'sent' });
    });

    it('says a card too large for Teams is too large, not that the person cannot be reached', async () => {
      expect(await notifier(connector.getToken).sendStatusForm(connector.reachable, large())).toMatchObject({
        kind: 'unreachable',
        reason: 'too-large',
      });
    });

    it('says a conversation that does not exist cannot be reached', async () => {
      const gone = { ...connector.reachable, conversationId: `a:contract-no-such-conversation-${Date.now()}` };
      expect(await notifier(connector.getToken).sendStatusForm(gone, small())).toMatchObject({ kind: 'unreachable' });
    });

    it('calls a refused token our configuration fault, never the person’s', async () => {
      const forged = async () =>
        'eyJhbGciOiJSUzI1NiJ9.eyJhdWQiOiJodHRwczovL2FwaS5ib3RmcmFtZXdvcmsuY29tIn0.c2lnbmF0dXJl';
      expect(await notifier(forged).sendStatusForm(connector.reachable, small())).toMatchObject({
        kind: 'misconfigured',
      });
    });
  });
}
