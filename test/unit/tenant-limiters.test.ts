/**
 * The per-tenant limiters on virtual time: each tenant gets its own ceiling at the same time, a big
 * tenant's backlog or 429 never delays a small one, the activity feed has its own 5/s, and the
 * registry forgets idle tenants.
 */
import { TEAMS_LIMITS } from '../../bot/src/adapters/teams/rate-limiter';
import { TenantLimiters } from '../../bot/src/adapters/teams/tenant-limiters';

/** Timers on a virtual clock: `run` moves it to each next timer once everything else has settled. */
function virtualTime() {
  let now = 0;
  const timers: { at: number; wake: () => void }[] = [];
  const settle = async () => {
    for (let i = 0; i < 20; i++) await new Promise((r) => setImmediate(r));
  };
  return {
    now: () => now,
    sleep: (ms: number) => new Promise<void>((wake) => timers.push({ at: now + ms, wake })),
    async run(until: Promise<unknown>): Promise<void> {
      let done = false;
      void until.finally(() => (done = true));
      for (;;) {
        await settle();
        if (done) return;
        timers.sort((a, b) => a.at - b.at);
        const next = timers.shift();
        if (!next) throw new Error('nothing left to wait for, and not done');
        now = Math.max(now, next.at);
        next.wake();
      }
    },
  };
}

const maxIn = (times: number[], ms: number) =>
  Math.max(...times.map((t) => times.filter((u) => u >= t && u < t + ms).length));

/** Sends `count` requests to distinct conversations in a tenant; the times they were let through. */
function send(
  limiters: TenantLimiters,
  clock: { now: () => number },
  tenant: string,
  count: number,
  kind?: 'activity',
) {
  const times: number[] = [];
  const done = Promise.all(
    Array.from({ length: count }, (_, i) =>
      limiters
        .limiterFor(tenant, kind)
        .acquire(`${tenant}-chat-${i}`)
        .then(() => void times.push(clock.now())),
    ),
  );
  return { times, done };
}

it('gives every tenant its own 50 requests a second, at the same time', async () => {
  const clock = virtualTime();
  const limiters = new TenantLimiters({ now: clock.now, sleep: clock.sleep });
  const a = send(limiters, clock, 'tenant-a', 500);
  const b = send(limiters, clock, 'tenant-b', 500);
  await clock.run(Promise.all([a.done, b.done]));
  for (const { times } of [a, b]) {
    expect(maxIn(times, 1000)).toBeLessThanOrEqual(50);
    expect(maxIn(times, 1000)).toBeGreaterThanOrEqual(48);
  }
  // Both finished in the time one alone takes at 50/s: no budget shared between them.
  expect(Math.max(...a.times, ...b.times)).toBeLessThan(10_500);
});

it("lets a tenant with 10 cards through at once while another's 10 000 wait in their own line", async () => {
  const clock = virtualTime();
  const limiters = new TenantLimiters({ now: clock.now, sleep: clock.sleep });
  const big = send(limiters, clock, 'big', 10_000);
  const small = send(limiters, clock, 'small', 10);
  await clock.run(small.done);
  // 10 at Teams' spacing (about 21 ms apart), not after the big tenant's 200 seconds.
  expect(Math.max(...small.times)).toBeLessThan(250);
  expect(big.times.length).toBeLessThan(20);
});

it('pauses only the tenant Teams answered 429, for as long as it asked', async () => {
  const clock = virtualTime();
  const limiters = new TenantLimiters({ now: clock.now, sleep: clock.sleep });
  const a = limiters.limiterFor('tenant-a');
  await clock.run(a.acquire('a-1'));
  a.pause(3000);
  const b = send(limiters, clock, 'tenant-b', 50);
  const stormed = a.acquire('a-2').then(() => clock.now());
  await clock.run(b.done);
  expect(Math.max(...b.times)).toBeLessThan(1100); // B's second goes on as if nothing happened
  let aAt = 0;
  await clock.run(stormed.then((t) => (aAt = t)));
  expect(aAt).toBeGreaterThanOrEqual(3000);
});

it('treats a conversation stored without a tenant as the home tenant', () => {
  const limiters = new TenantLimiters({ homeTenant: 'home' });
  expect(limiters.limiterFor(undefined)).toBe(limiters.limiterFor('home'));
  expect(limiters.limiterFor('other')).not.toBe(limiters.limiterFor('home'));
});

it('keeps the activity feed to its own 5 a second per tenant, apart from the bot messages', async () => {
  const clock = virtualTime();
  const limiters = new TenantLimiters({ now: clock.now, sleep: clock.sleep });
  const feed = send(limiters, clock, 'tenant-a', 25, 'activity');
  const cards = send(limiters, clock, 'tenant-a', 50);
  await clock.run(Promise.all([feed.done, cards.done]));
  expect(maxIn(feed.times, 1000)).toBeLessThanOrEqual(5);
  expect(maxIn(feed.times, 1000)).toBeGreaterThanOrEqual(4);
  expect(Math.max(...cards.times)).toBeLessThan(1100);
  expect(limiters.limiterFor('tenant-a', 'activity')).not.toBe(limiters.limiterFor('tenant-a'));
});

it('forgets idle tenants past its bound, never one that is waiting or paused', async () => {
  const clock = virtualTime();
  const limiters = new TenantLimiters({
    maxTenants: 3,
    limits: { bot: TEAMS_LIMITS },
    now: clock.now,
    sleep: clock.sleep,
  });
  const paused = limiters.limiterFor('paused');
  await clock.run(paused.acquire('p'));
  paused.pause(120_000);
  for (let i = 0; i < 10; i++) await clock.run(limiters.limiterFor(`t${i}`).acquire('c'));
  await clock.run(clock.sleep(60_000)); // every window of the others empties
  for (let i = 10; i < 20; i++) limiters.limiterFor(`t${i}`);
  expect(limiters.size).toBeLessThanOrEqual(4);
  expect(limiters.limiterFor('paused')).toBe(paused); // still holds Teams' Retry-After
});
