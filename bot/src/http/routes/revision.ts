/**
 * The yearly revision of a plan (coordinators: the use cases ask for edit-plan) and the plan's
 * versions (everyone who sees the plan). The draft's ETag names its version: every change to it,
 * adopting and discarding it name that version in If-Match, as measure edits do.
 */
import { z } from 'zod';
import { uploadedPlanParser } from '../../adapters/files/import-messages';
import { PlanFileError } from '../../app/plan-import';
import {
  adoptRevision,
  discardRevision,
  getPlanVersion,
  getRevision,
  importRevision,
  listPlanVersions,
  startRevision,
} from '../../app/plan-revision';
import { addGoalToPlan, addMeasureToPlan, deleteMeasureFromPlan, moveMeasureInPlan } from '../../app/restructure-plan';
import { editDraftMeasure, onTheDraft } from '../../app/revise-draft';
import { DomainError } from '../../domain/errors';
import { HttpError } from '../http-errors';
import type { RouteContext, Router } from '../router';
import { checkUpload, MAX_UPLOAD_BODY_BYTES } from '../upload-schema';
import type { TabApiDeps } from './deps';
import { MeasureFieldsSchema } from './measures';
import { periodQuery, planIdOf } from './params';

const BASE = '/api/v1/plans/:planId/revision';
const text = z.string().max(10_000);
const DraftMeasureSchema = MeasureFieldsSchema.extend({ number: text.optional() }).strict();

function ifMatchOf(context: RouteContext<unknown>): string {
  const ifMatch = context.req.header('If-Match');
  if (!ifMatch) throw new HttpError('version-required');
  return ifMatch;
}

export function registerRevisionRoutes(router: Router, deps: TabApiDeps): void {
  router.get(BASE, {
    handle: async (context) => {
      const view = await getRevision(deps, context.actor, planIdOf(context));
      return { status: 200, body: view, headers: { ETag: view.version } };
    },
  });

  router.post(BASE, {
    handle: async (context) => {
      const view = await startRevision(deps, context.actor, planIdOf(context));
      return { status: 201, body: view, headers: { ETag: view.version } };
    },
  });

  router.del(BASE, {
    handle: async (context) => {
      await discardRevision(deps, context.actor, planIdOf(context), ifMatchOf(context));
      return { status: 204 };
    },
  });

  router.post(`${BASE}/adopt`, {
    handle: async (context) => ({
      status: 200,
      body: await adoptRevision(deps, context.actor, planIdOf(context), ifMatchOf(context)),
    }),
  });

  // The revised document: read as an import reads it, then matched against the plan in force.
  router.post(`${BASE}/import`, {
    body: { schema: z.unknown(), maxBytes: MAX_UPLOAD_BODY_BYTES },
    handle: async (context) => {
      const checked = checkUpload(context.body);
      if (!checked.ok) {
        if (checked.status === 422) throw new PlanFileError(checked.body.problems ?? []);
        throw new HttpError(
          'bad-request',
          {},
          { api: checked.body.error, body: { detail: checked.body.message ?? '' } },
        );
      }
      const parse = uploadedPlanParser(checked.lang, {
        log: (detail) => context.req.log?.warn?.({ detail }, 'revision import: reader failed'),
      });
      const { upload } = checked;
      const view = await importRevision(
        { ...deps, parse },
        context.actor,
        planIdOf(context),
        { name: upload.fileName, content: checked.content, facts: upload.facts, choices: upload.choices },
        context.req.header('If-Match') || undefined,
      );
      return { status: 200, body: view, headers: { ETag: view.version } };
    },
  });

  router.patch(`${BASE}/measures/:measureId`, {
    body: { schema: DraftMeasureSchema, invalid: 'bad_edit' },
    handle: async (context) => {
      const saved = await editDraftMeasure(
        deps,
        context.actor,
        planIdOf(context),
        context.param('measureId'),
        context.body,
        ifMatchOf(context),
      );
      return { status: 200, body: saved, headers: { ETag: saved.version } };
    },
  });

  router.post(`${BASE}/measures/:measureId/move`, {
    body: { schema: z.object({ goalId: z.string().min(1).max(200) }).strict(), invalid: 'bad_edit' },
    handle: async (context) => {
      const { planId, measureId } = { planId: planIdOf(context), measureId: context.param('measureId') };
      const saved = await moveMeasureInPlan(
        await onTheDraft(deps, context.actor, planId),
        context.actor,
        planId,
        measureId,
        context.body.goalId,
        ifMatchOf(context),
      );
      return { status: 200, body: saved, headers: { ETag: saved.version } };
    },
  });

  router.del(`${BASE}/measures/:measureId`, {
    handle: async (context) => {
      const planId = planIdOf(context);
      await deleteMeasureFromPlan(
        await onTheDraft(deps, context.actor, planId),
        context.actor,
        planId,
        context.param('measureId'),
        ifMatchOf(context),
      );
      return { status: 204 };
    },
  });

  router.post(`${BASE}/goals/:goalId/measures`, {
    body: { schema: z.object({ number: text, text, responsibleText: text.optional() }).strict(), invalid: 'bad_edit' },
    handle: async (context) => {
      const planId = planIdOf(context);
      const saved = await addMeasureToPlan(
        await onTheDraft(deps, context.actor, planId),
        context.actor,
        planId,
        context.param('goalId'),
        context.body,
      );
      return { status: 201, body: saved, headers: { ETag: saved.version } };
    },
  });

  router.post(`${BASE}/goals`, {
    body: {
      schema: z.object({ parentId: z.string().min(1).max(200).optional(), number: text, text }).strict(),
      invalid: 'bad_edit',
    },
    handle: async (context) => {
      const { parentId, ...goal } = context.body;
      const planId = planIdOf(context);
      return {
        status: 201,
        body: await addGoalToPlan(await onTheDraft(deps, context.actor, planId), context.actor, planId, parentId, goal),
      };
    },
  });

  router.get('/api/v1/plans/:planId/versions', {
    handle: async (context) => ({
      status: 200,
      body: await listPlanVersions(deps, context.actor, planIdOf(context)),
    }),
  });

  router.get('/api/v1/plans/:planId/versions/:number', {
    handle: async (context) => {
      const number = Number(context.param('number'));
      if (!Number.isInteger(number) || number < 1 || number > 100_000) throw new DomainError('unknown-version');
      const period = periodQuery(context);
      return {
        status: 200,
        body: await getPlanVersion(deps, context.actor, planIdOf(context), number, period),
      };
    },
  });
}
