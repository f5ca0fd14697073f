/**
 * Validates cards with the official `adaptivecards` library: the same parser Teams-like hosts use,
 * so an unknown element, a missing property or a duplicate input id fails the test.
 */
// The package's ES module build cannot be loaded by Node; its UMD bundle can.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const AC = require('adaptivecards/dist/adaptivecards.js') as typeof import('adaptivecards');

export function cardProblems(json: unknown): string[] {
  const card = new AC.AdaptiveCard();
  const context = new AC.SerializationContext();
  card.parse(json, context);
  const problems: string[] = [];
  for (let i = 0; i < context.eventCount; i++) problems.push(context.getEventAt(i).message);
  for (const event of card.validateProperties().validationEvents) problems.push(event.message);
  return problems;
}

/** Every text a person would read on the card, with the element type that carries it. */
export function cardTexts(json: unknown): { type: string; text: string }[] {
  const out: { type: string; text: string }[] = [];
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(walk);
    if (typeof node !== 'object' || node === null) return;
    const record = node as Record<string, unknown>;
    if (typeof record.text === 'string' && typeof record.type === 'string')
      out.push({ type: record.type, text: record.text });
    Object.values(record).forEach(walk);
  };
  walk(json);
  return out;
}

export function findInputs(json: unknown): Record<string, unknown>[] {
  const out: Record<string, unknown>[] = [];
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(walk);
    if (typeof node !== 'object' || node === null) return;
    const record = node as Record<string, unknown>;
    if (typeof record.type === 'string' && record.type.startsWith('Input.')) out.push(record);
    Object.values(record).forEach(walk);
  };
  walk(json);
  return out;
}
