/** What the service and a parse worker say to each other (plain data: it crosses a thread). */
import type { PlanFacts } from '../../app/plan-import';
import type { ImportChoices } from '../../domain/import/choices';
import type { ParsedImport, ReadProgress } from './plan-file-reader';
import type { SerialisedError } from './worker-errors';

export interface WorkerJob {
  id: number;
  fileName: string;
  content: Uint8Array;
  facts?: PlanFacts;
  choices?: ImportChoices;
}

export type WorkerReply =
  | { id: number; type: 'progress'; progress: ReadProgress }
  | { id: number; type: 'done'; result: ParsedImport }
  /** `detail`: an unexpected error's name and message, for the service's log only. */
  | { id: number; type: 'failed'; error: SerialisedError; detail?: string };
