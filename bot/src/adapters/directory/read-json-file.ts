/** Reads and validates a JSON file the operator keeps, naming the file and every problem found. */
import { readFileSync } from 'node:fs';
import type { z } from 'zod';

export function readJsonFile<T extends z.ZodType>(path: string, schema: T, what: string): z.infer<T> {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new Error(`Cannot read the ${what} ${path}: ${(error as Error).message}`);
  }
  const parsed = schema.safeParse(raw);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
    throw new Error(`The ${what} ${path} is not valid: ${problems}`);
  }
  return parsed.data;
}
