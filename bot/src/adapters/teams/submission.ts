/**
 * Reads the data of a submitted status card. Teams merges the card's inputs ("status:1.1.1",
 * "comment:1.1.1", "value:1.1.1") into the action's data; all of it is untrusted.
 */
import { z } from 'zod';
import type { StatusEntry } from '../../app/record-status-update';
import type { RealisedInput } from '../../domain/benefit';
import { isStatusCode, UNCHANGED } from '../../domain/status';
import type { FormValues } from './cards';

const MAX_INPUTS = 600;
/** Far above a real comment (the domain allows 2 000 characters); only here to stop abuse early. */
const MAX_INPUT_LENGTH = 20_000;

const ActionDataSchema = z
  .object({
    submissionId: z.string().min(8).max(100),
    planId: z.string().min(1).max(200),
    periodId: z.string().min(4).max(20),
  })
  .catchall(z.union([z.string().max(MAX_INPUT_LENGTH), z.number(), z.boolean(), z.null()]));

export interface ParsedSubmission {
  submissionId: string;
  planId: string;
  periodId: string;
  entries: StatusEntry[];
  /** Measures with a comment or value but no status: the person forgot to choose one. */
  missingStatus: string[];
  /** The raw input values, to re-show the form if it is refused. */
  values: FormValues;
}

export type SubmissionParseResult = { ok: true; submission: ParsedSubmission } | { ok: false; reason: string };

/** `organisation:<measure>`: in a shared plan, the municipality the answer is for (checked when recorded). */
const INPUT_KEY = /^(status|comment|value|organisation):(.{1,64})$/su;
/** A realised benefit's inputs: "benefitValue:reduced-cost:1.1.1", "benefitComment:quality:1.1.1". */
const BENEFIT_KEY = /^benefit(Value|Comment):([a-z-]{1,40}):(.{1,64})$/su;

export function parseStatusSubmission(data: unknown): SubmissionParseResult {
  const parsed = ActionDataSchema.safeParse(data);
  if (!parsed.success) return { ok: false, reason: parsed.error.issues.map((i) => i.path.join('.')).join(',') };
  const { submissionId, planId, periodId, ...inputs } = parsed.data;
  if (Object.keys(inputs).length > MAX_INPUTS) return { ok: false, reason: 'too many inputs' };

  const perMeasure = new Map<string, { status?: string; comment?: string; value?: number; organisationId?: string }>();
  const benefits = new Map<string, Map<string, RealisedInput>>();
  const values: FormValues = {};
  for (const [key, raw] of Object.entries(inputs)) {
    const benefit = BENEFIT_KEY.exec(key);
    if (benefit) {
      const [, field, type, measureId] = benefit as unknown as [string, 'Value' | 'Comment', string, string];
      const text = raw === null || raw === undefined ? '' : String(raw).trim();
      values[key] = text;
      const own = benefits.get(measureId) ?? new Map<string, RealisedInput>();
      const input = own.get(type) ?? { benefitType: type };
      // Checked in the domain against the measure's benefits (invalid-benefit), like the tab's.
      if (text) input[field === 'Value' ? 'value' : 'comment'] = text;
      own.set(type, input);
      benefits.set(measureId, own);
      if (!perMeasure.has(measureId)) perMeasure.set(measureId, {});
      continue;
    }
    const match = INPUT_KEY.exec(key);
    if (!match) continue; // Hosts may add their own fields; only our inputs matter.
    const [, field, measureId] = match as unknown as [string, 'status' | 'comment' | 'value' | 'organisation', string];
    const entry = perMeasure.get(measureId) ?? {};
    const text = raw === null || raw === undefined ? '' : String(raw).trim();
    values[key] = text;
    if (field === 'status') {
      if (text !== '' && text !== UNCHANGED && !isStatusCode(text))
        return { ok: false, reason: `bad status for ${measureId}` };
      if (text) entry.status = text;
    } else if (field === 'comment') {
      if (text) entry.comment = text;
    } else if (field === 'organisation') {
      if (text) entry.organisationId = text; // the card's choice of municipality (organisation-input.ts)
    } else if (text !== '') {
      const number = Number(text.replace(',', '.').replace(/\s/g, ''));
      if (!Number.isFinite(number)) return { ok: false, reason: `bad value for ${measureId}` };
      entry.value = number;
    }
    perMeasure.set(measureId, entry);
  }

  const entries: StatusEntry[] = [];
  const missingStatus: string[] = [];
  for (const [measureId, e] of perMeasure) {
    const realised = [...(benefits.get(measureId)?.values() ?? [])].filter((b) => b.value || b.comment);
    if (e.status && (isStatusCode(e.status) || e.status === UNCHANGED)) {
      entries.push({
        measureId,
        status: e.status,
        ...(e.comment ? { comment: e.comment } : {}),
        ...(e.value !== undefined ? { value: e.value } : {}),
        ...(realised.length ? { benefits: realised } : {}),
        ...(e.organisationId ? { organisationId: e.organisationId } : {}),
      });
    } else if (e.comment || e.value !== undefined || realised.length) {
      missingStatus.push(measureId);
    }
  }
  return { ok: true, submission: { submissionId, planId, periodId, entries, missingStatus, values } };
}
