/**
 * The values of the lists' key columns. SharePoint compares text without regard to case — unique
 * values ("Enforce unique values" treats "A1" and "a1" as the same value) and `eq` filters alike —
 * so two ids that differ only in case would share one key: the second plan, node or report would
 * be refused, or read as the first. Keys are therefore written case-safe: an upper-case letter
 * becomes `^` and its lower case (`^` itself becomes `^^`), which leaves the usual lower-case ids
 * ("hoylandet-2023-2027", "1.2.3", UUIDs) exactly as they were, so lists written before read on.
 */
export function caseSafe(id: string): string {
  let out = '';
  for (const c of id) {
    if (c === '^') out += '^^';
    else if (c !== c.toLowerCase() && c.toLowerCase().toUpperCase() === c) out += `^${c.toLowerCase()}`;
    else if (c !== c.toLowerCase()) out += `^{${c.codePointAt(0)?.toString(16)}}`;
    else out += c;
  }
  return out;
}

/** The id a case-safe key was made from. */
export function fromCaseSafe(key: string): string {
  return key.replace(/\^(\^|\{([0-9a-f]+)\}|[^^{])/gu, (_, c: string, hex?: string) =>
    c === '^' ? '^' : hex ? String.fromCodePoint(parseInt(hex, 16)) : c.toUpperCase(),
  );
}

/** The plan's key in every list (PlanId columns). */
export const planKey = (planId: string): string => caseSafe(planId);

export const nodeKey = (planId: string, revision: number, kind: string, nodeId: string): string =>
  `${caseSafe(planId)}/${revision}/${kind}/${caseSafe(nodeId)}`;

/** One report per submission and measure: a repeated submission meets its own key. */
export const reportKey = (submissionId: string, measureId: string): string =>
  `${caseSafe(submissionId)}/${caseSafe(measureId)}`;

/** A plan's period, in one indexed column (Graph filters on one indexed field at a time). */
export const periodKey = (planId: string, periodId: string): string => periodKeyOf(planKey(planId), periodId);

/** The same, from the plan's key as a PlanId column holds it. */
export const periodKeyOf = (planKeyValue: string, periodId: string): string => `${planKeyValue}/${caseSafe(periodId)}`;

/**
 * Sequence numbers for items written together, in their order: later than any written before by
 * this clock, and up to 1 000 per millisecond (a $batch call writes fewer). Orders items of equal
 * time, which SharePoint stores to the second and a $batch creates in no promised order.
 */
export function sequences(count: number, now = Date.now()): number[] {
  return Array.from({ length: count }, (_, i) => now * 1000 + i);
}

/** Equal times first by Sequence (items from before it existed: 0), then by item id. */
export function byTimeAndSequence<T extends { at: string; sequence: number | null | undefined; itemId: string }>(
  a: T,
  b: T,
): number {
  return a.at.localeCompare(b.at) || (a.sequence ?? 0) - (b.sequence ?? 0) || Number(a.itemId) - Number(b.itemId);
}

/** A text column holds at most 255 characters; titles are for people, so they are cut with an ellipsis. */
export const clip = (text: string): string => (text.length > 255 ? `${text.slice(0, 254)}…` : text);
