/**
 * How the time of `run` grows from a small input to one `factor` times larger: about `factor` for
 * linear work, `factor`² for quadratic. Tests assert a generous bound on this ratio, never a wall
 * clock limit (absolute figures belong in `npm run bench`). Each size runs often enough to take a
 * measurable time, and the best of a few tries is kept, so a busy machine does not decide.
 */
import { performance } from 'node:perf_hooks';

export function growthRatio<T>(
  make: (size: number) => T,
  run: (input: T) => unknown,
  small: number,
  factor = 8,
): number {
  const smallInput = make(small);
  const largeInput = make(small * factor);
  run(smallInput); // warm up the JIT on both sizes
  run(largeInput);
  let repeat = 1;
  while (time(run, smallInput, repeat) < 10 && repeat < 1 << 16) repeat *= 2;
  const best = (input: T) => Math.min(...[0, 1, 2, 3, 4].map(() => time(run, input, repeat)));
  return best(largeInput) / best(smallInput);
}

function time<T>(run: (input: T) => unknown, input: T, repeat: number): number {
  const start = performance.now();
  for (let i = 0; i < repeat; i++) run(input);
  return performance.now() - start;
}

/** Linear work grows about 8× from 20 KB to 160 KB; quadratic 64×. The bound leaves room for noise and for
 * V8 keeping large strings in a space of their own, which costs more per byte. */
export const LINEAR_BOUND = 40;
