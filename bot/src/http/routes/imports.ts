/**
 * Importing a plan: preview first (nothing saved), then confirm (the file is parsed again with the
 * same choices; the server never trusts a plan the browser sends back). Only someone who imports
 * plans gets as far as having the upload read; whether they may save this plan is decided once it is
 * known which plan it is.
 */
import { z } from 'zod';
import { uploadedPlanParser } from '../../adapters/files/import-messages';
import { confirmPlanImport, PlanFileError, previewPlanImport, type PlanImportDeps } from '../../app/plan-import';
import { importsPlans } from '../../domain/access';
import { HttpError } from '../http-errors';
import type { Router, RouteContext } from '../router';
import { checkUpload, MAX_UPLOAD_BODY_BYTES, type UploadCheck } from '../upload-schema';
import type { TabApiDeps } from './deps';

/** The upload is checked by checkUpload, which words a file over its limit in the person's language. */
const body = { schema: z.unknown(), maxBytes: MAX_UPLOAD_BODY_BYTES };

export function registerImportRoutes(router: Router, deps: TabApiDeps): void {
  const read = (context: RouteContext<unknown>) => {
    const checked = checkUpload(context.body);
    if (!checked.ok) throw refusal(checked);
    const parse = uploadedPlanParser(checked.lang, {
      log: (detail) => context.req.log?.warn?.({ detail }, 'import: reader failed'),
    });
    const importDeps: PlanImportDeps = {
      plans: deps.plans,
      reports: deps.reports,
      clock: deps.clock,
      ids: deps.ids,
      parse,
    };
    return { importDeps, upload: checked.upload, content: checked.content };
  };

  router.post('/api/v1/imports/preview', {
    allow: importsPlans,
    body,
    handle: async (context) => {
      const { importDeps, upload, content } = read(context);
      const preview = await previewPlanImport(
        importDeps,
        context.actor,
        upload.fileName,
        content,
        upload.facts,
        upload.choices,
      );
      return { status: 200, body: preview };
    },
  });

  router.post('/api/v1/plans', {
    allow: importsPlans,
    body,
    handle: async (context) => {
      const { importDeps, upload, content } = read(context);
      const saved = await confirmPlanImport(importDeps, context.actor, upload.fileName, content, upload.facts, {
        replace: upload.replace,
        choices: upload.choices,
      });
      return { status: saved.outcome === 'created' ? 201 : 200, body: saved };
    },
  });
}

/** A refused upload, as the error table answers it: a file too large is a plan file's problem (422). */
function refusal(checked: Exclude<UploadCheck, { ok: true }>): Error {
  if (checked.status === 422) return new PlanFileError(checked.body.problems ?? []);
  return new HttpError('bad-request', {}, { api: checked.body.error, body: { detail: checked.body.message ?? '' } });
}
