/** The SQLite outbox (embedded profile: one instance, a local file) against the outbox contract. */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ReportOutbox } from '../../bot/src/adapters/local/report-outbox';
import { describeReportOutboxContract } from './report-outbox-contract';

describeReportOutboxContract(
  'SQLite',
  async (remote, options) =>
    new ReportOutbox(join(mkdtempSync(join(tmpdir(), 'outbox-')), 'outbox.db'), remote, options),
);
