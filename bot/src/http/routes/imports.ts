/**
 * Importing a plan: preview first (nothing saved), then confirm (the file is parsed again; the server
 * never trusts a plan the browser sends back). Only someone who imports plans gets as far as having
 * the file read; whether they may save this plan is decided once it is known which plan it is.
 */
import { uploadedPlanParser } from '../../adapters/local/plan-import';
import { confirmPlanImport, previewPlanImport, type PlanImportDeps } from '../../app/plan-import';
import { importsPlans } from '../../domain/access';
import { languageFromLocale } from '../../i18n';
import type { Router } from '../router';
import { MAX_UPLOAD_BODY_BYTES, UploadSchema, type Upload } from '../upload-schema';
import type { TabApiDeps } from './deps';

export function registerImportRoutes(router: Router, deps: TabApiDeps): void {
  const importDeps = (upload: Upload): PlanImportDeps => ({
    plans: deps.plans,
    clock: deps.clock,
    ids: deps.ids,
    parse: uploadedPlanParser(languageFromLocale(upload.lang)),
  });
  const body = { schema: UploadSchema, maxBytes: MAX_UPLOAD_BODY_BYTES, invalid: 'bad_upload' };

  router.post('/api/v1/imports/preview', {
    allow: importsPlans,
    body,
    handle: async ({ actor, body: upload }) => {
      const content = Buffer.from(upload.content, 'base64');
      return {
        status: 200,
        body: await previewPlanImport(importDeps(upload), actor, upload.fileName, content, upload.facts),
      };
    },
  });

  router.post('/api/v1/plans', {
    allow: importsPlans,
    body,
    handle: async ({ actor, body: upload }) => {
      const content = Buffer.from(upload.content, 'base64');
      const saved = await confirmPlanImport(importDeps(upload), actor, upload.fileName, content, upload.facts, {
        replace: upload.replace,
      });
      return { status: saved.outcome === 'created' ? 201 : 200, body: saved };
    },
  });
}
