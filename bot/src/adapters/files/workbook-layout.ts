/**
 * The layout of Tiltak's own plan workbook, shared by its writer and its reader so the two cannot
 * drift apart: sheets «Plan» (the plan's facts, one per row), «Tiltak» (one row per measure; the
 * goal levels in the first columns, number and text side by side), «Tekster» (labelled texts of
 * the plan and of goal nodes: Visjon, No-situasjonen, Målbilete …).
 */
import type { BenefitType } from '../../domain/plan';
import type { Cadence } from '../../domain/period';

export const PLAN_SHEET = 'Plan';
export const MEASURE_SHEET = 'Tiltak';
export const TEXT_SHEET = 'Tekster';
export const MAX_ROWS = 5000;
/** Fixed so the same plan always gives the same file. */
export const FILE_DATE = new Date('2026-01-01T00:00:00Z');

export const PLAN_FIELDS = {
  id: 'Id',
  title: 'Tittel',
  owners: 'Eiere',
  host: 'Vertskommune',
  language: 'Språk',
  fromYear: 'Fra år',
  toYear: 'Til år',
  adoptedBy: 'Vedtatt',
  cadence: 'Rapportering',
  dueMonth: 'Statusmåned',
  levels: 'Nivåer',
  source: 'Kilde',
  returnTarget: 'Avkastningsmål (1:x)',
  hourlyRate: 'Timepris, kr',
} as const;

export const CADENCE_WORDS: Record<Cadence['kind'], string> = {
  yearly: 'årlig',
  tertial: 'tertial',
  quarterly: 'kvartal',
};
export const BENEFIT_COLUMNS: [BenefitType, string][] = [
  ['reduced-cost', 'Gevinst: reduserte kostnader'],
  ['freed-capacity', 'Gevinst: frigjort kapasitet'],
  ['increased-quality', 'Gevinst: økt kvalitet'],
];
/**
 * Every benefit whole (owner, unit, baseline, expected per year, first year, KS' types), for what
 * the three columns per type above cannot hold; read back before them when filled.
 */
export const BENEFIT_DETAILS_COLUMN = 'Gevinster, detaljer (JSON)';
export const MEASURE_COLUMNS = {
  kind: 'Type',
  responsible: 'Ansvarlig',
  indicator: 'Måleindikator',
  indicatorKind: 'Indikatortype',
  unit: 'Enhet',
  baseline: 'Startverdi',
  target: 'Målverdi',
  direction: 'Retning',
  targetDate: 'Frist',
  /** The measure's own deadline as the plan wrote it (Frist above is the indicator's target date). */
  deadline: 'Tidsfrist',
  appliesTo: 'Gjelder',
  sector: 'Sektor',
  priority: 'Prioritet',
  /** The priority in the plan's words ("Høy"), kept beside its rank. */
  priorityText: 'Prioritet (tekst)',
  quickWin: 'Rask gevinst',
  feasibility: 'Gjennomførbarhet',
  notes: 'Merknad',
  investment: 'Investering, kr',
} as const;
export const LIST_VALUES = {
  kind: ['tiltak', 'mål'],
  indicatorKind: ['leveranse', 'tall'],
  direction: ['høyere', 'lavere'],
  quickWin: ['ja', 'nei'],
};
