/**
 * What "Mine tiltak" keeps while a person fills it in: a draft per measure (status, comment, value
 * as typed), which of them differ from the answer stored, and the report entries they make. The
 * service validates again; this only spares the person a round trip for what is plainly missing.
 */
import type { BenefitType, MyAnswer, MyMeasure, StatusCode } from '../../../bot/src/contract';
import { t, type Language } from '../../../bot/src/contract';

export interface Draft {
  /** '' while none is chosen. */
  status: StatusCode | '';
  comment: string;
  /** As typed: "12,5" and "12.5" are the same number. */
  value: string;
  /** Realised benefits as typed, per benefit type: an amount, or words for a qualitative one. */
  benefits?: Partial<Record<BenefitType, string>>;
  /** In a shared plan, the municipality chosen for the answer; absent: the measure's default. */
  organisationId?: string;
}

export interface ReportEntry {
  measureId: string;
  status: StatusCode;
  comment?: string;
  value?: number;
  /** Checked by the service against the measure's benefits (invalid-benefit). */
  benefits?: { benefitType: BenefitType; value?: string; comment?: string }[];
  /** In a shared plan, the municipality the answer is for (checked by the service too). */
  organisationId?: string;
}

export type ProblemField = 'status' | 'value' | 'organisation';

/** The form starts from this period's answer; a measure without one starts empty. */
export function draftOf(answer: MyAnswer | undefined): Draft {
  return {
    status: answer?.status ?? '',
    comment: answer?.comment ?? '',
    value: answer?.value !== undefined ? String(answer.value) : '',
  };
}

/** Whether the draft says something other than what is stored (nothing typed counts as unchanged). */
export function isChanged(draft: Draft, answer: MyAnswer | undefined): boolean {
  const stored = draftOf(answer);
  return (
    draft.status !== stored.status ||
    draft.comment.trim() !== stored.comment.trim() ||
    parseValue(draft.value) !== parseValue(stored.value) ||
    // Choosing a municipality is answering for it, even with the status as shown.
    draft.organisationId !== undefined ||
    Object.values(draft.benefits ?? {}).some((typed) => typed?.trim())
  );
}

/** A number as Norwegians and English speakers type it; undefined for empty, NaN for not a number. */
export function parseValue(text: string): number | undefined {
  const cleaned = text.trim().replace(/\s/g, '').replace(',', '.');
  if (cleaned === '') return undefined;
  return /^[-+]?(?:\d+(?:\.\d+)?|\.\d+)$/.test(cleaned) ? Number(cleaned) : Number.NaN;
}

/** The entry to send for a measure, or what keeps it from being sent, in the person's language. */
export function entryOf(
  lang: Language,
  measure: Pick<MyMeasure, 'id' | 'number' | 'benefits' | 'municipalities' | 'organisationId'>,
  draft: Draft,
): { entry: ReportEntry } | { problem: { field: ProblemField; text: string } } {
  if (!draft.status)
    return { problem: { field: 'status', text: t(lang, 'mine.statusRequired', { number: measure.number }) } };
  const organisationId = draft.organisationId ?? measure.organisationId;
  if (measure.municipalities && !organisationId)
    return {
      problem: { field: 'organisation', text: t(lang, 'mine.municipalityRequired', { number: measure.number }) },
    };
  const value = parseValue(draft.value);
  if (value !== undefined && !Number.isFinite(value))
    return { problem: { field: 'value', text: t(lang, 'mine.valueInvalid', { number: measure.number }) } };
  const comment = draft.comment.trim();
  const benefits = (measure.benefits ?? []).flatMap((b) => {
    const typed = draft.benefits?.[b.type]?.trim();
    if (!typed) return [];
    return [b.unit === 'qualitative' ? { benefitType: b.type, comment: typed } : { benefitType: b.type, value: typed }];
  });
  return {
    entry: {
      measureId: measure.id,
      status: draft.status,
      ...(comment ? { comment } : {}),
      ...(value !== undefined ? { value } : {}),
      ...(benefits.length ? { benefits } : {}),
      ...(measure.municipalities && organisationId ? { organisationId } : {}),
    },
  };
}
