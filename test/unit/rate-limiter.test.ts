/** The sender's limiter on a simulated clock: what it lets through in each window. */
import { RateLimiter, TEAMS_LIMITS } from '../../bot/src/adapters/teams/rate-limiter';

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
