/** The sender's limiter on a simulated clock: what it lets through in each window. */
import { ACTIVITY_FEED_LIMITS, RateLimiter, TEAMS_LIMITS } from '../../bot/src/adapters/teams/rate-limiter';

function simulated() {
  let now = 0;
  return { now: () => now, sleep: async (ms: number) => void (now += ms) };
}

const maxIn = (times: number[], ms: number) =>
  Math.max(...times.map((t) => times.filter((u) => u >= t && u < t + ms).length));

it('lets at most 50 requests a second through for the app, evenly spread just under the ceiling', async () => {
  const clock = simulated();
  const limiter = new RateLimiter(TEAMS_LIMITS, clock.now, clock.sleep);
  const sent: number[] = [];
  for (let i = 0; i < 500; i++) {
    await limiter.acquire(`conversation-${i}`);
    sent.push(clock.now());
  }
  expect(maxIn(sent, 1000)).toBeLessThanOrEqual(50);
  expect(maxIn(sent, 1000)).toBeGreaterThanOrEqual(48);
  expect(Math.max(...sent.slice(1).map((t, i) => t - (sent[i] as number)))).toBeLessThan(21); // no bursts, no gaps
});

it('keeps one conversation to 7 per second, 8 per 2 seconds and 60 per 30 seconds', async () => {
  const clock = simulated();
  const limiter = new RateLimiter(TEAMS_LIMITS, clock.now, clock.sleep);
  const sent: number[] = [];
  for (let i = 0; i < 70; i++) {
    await limiter.acquire('one-chat');
    sent.push(clock.now());
  }
  expect(maxIn(sent, 1000)).toBeLessThanOrEqual(7);
  expect(maxIn(sent, 2000)).toBeLessThanOrEqual(8);
  expect(maxIn(sent, 30_000)).toBeLessThanOrEqual(60);
});

it('holds everyone back after a 429 for as long as Teams asked', async () => {
  const clock = simulated();
  const limiter = new RateLimiter(TEAMS_LIMITS, clock.now, clock.sleep);
  await limiter.acquire('a');
  limiter.pause(3000);
  await limiter.acquire('b');
  expect(clock.now()).toBe(3000);
});

it('keeps the pace when its timers wake late, as they do on a busy event loop, without bursting', async () => {
  let now = 0;
  // Every timer fires 6 ms after it was due (a loop busy with ten tenants' cards).
  const late = { now: () => now, sleep: async (ms: number) => void (now += ms + 6) };
  const limiter = new RateLimiter(TEAMS_LIMITS, late.now, late.sleep);
  const sent: number[] = [];
  for (let i = 0; i < 500; i++) {
    await limiter.acquire(`conversation-${i}`);
    sent.push(now);
  }
  const perSecond = (sent.length - 1) / (((sent.at(-1) as number) - (sent[0] as number)) / 1000);
  expect(perSecond).toBeGreaterThanOrEqual(47); // spacing from the late moment kept 37/s
  expect(maxIn(sent, 1000)).toBeLessThanOrEqual(50);
});

it('makes up one late turn after a stall, not the whole stall', async () => {
  const clock = simulated();
  const limiter = new RateLimiter(TEAMS_LIMITS, clock.now, clock.sleep);
  await limiter.acquire('a');
  clock.sleep(500); // the loop was busy for half a second
  const sent: number[] = [];
  for (let i = 0; i < 10; i++) {
    await limiter.acquire(`after-${i}`);
    sent.push(clock.now());
  }
  expect(sent.filter((t) => t === 500).length).toBeLessThanOrEqual(2);
  expect(maxIn(sent, 1000)).toBeLessThanOrEqual(50);
});

it('after a stall lets the next request wait half a spacing, never two in the same moment', async () => {
  let now = 0;
  const limiter = new RateLimiter(
    TEAMS_LIMITS,
    () => now,
    async (ms) => void (now += ms),
  );
  await limiter.acquire('a');
  now += 5000; // the event loop was blocked
  await limiter.acquire('b');
  const afterStall = now;
  await limiter.acquire('c');
  expect(now - afterStall).toBeGreaterThanOrEqual(TEAMS_LIMITS.appSpacingMs / 2);
});

it('holds each window wider by the arrival margin, so a late first request never squeezes it', async () => {
  const clock = simulated();
  const limiter = new RateLimiter(ACTIVITY_FEED_LIMITS, clock.now, clock.sleep);
  const sent: number[] = [];
  for (let i = 0; i < 12; i++) {
    await limiter.acquire(`user-${i}`);
    sent.push(clock.now());
  }
  // However late (up to the margin) any one of them arrives, no second holds more than 5.
  expect(maxIn(sent, 1000 + (ACTIVITY_FEED_LIMITS.arrivalMarginMs as number))).toBeLessThanOrEqual(5);
  expect((sent[5] as number) - (sent[0] as number)).toBeGreaterThanOrEqual(1250);
});
