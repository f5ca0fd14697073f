/**
 * The body of POST /api/v1/imports/preview and POST /api/v1/plans: a file (uploaded, or pasted
 * into the tab and sent as .html or .txt), the facts and choices the coordinator gave, and the
 * language of the answer. A file over the size limit is refused here with a message in the
 * person's language, before anything reads it.
 */
import { z } from 'zod';
import { limitMessage } from '../adapters/files/import-messages';
import { ImportLimitError, MAX_UPLOAD_BYTES } from '../adapters/files/limits';
import { FIELD_MEANINGS } from '../domain/import/vocabulary';
import { languageFromLocale, t, type Language } from '../i18n';

const PLAN_ID = /^[a-z0-9-]{1,100}$/;
const READABLE_FILE = /\.(?:txt|tsv|csv|xlsx|docx|pdf|html|htm|json)$/i;
const MAX_BASE64 = Math.ceil((MAX_UPLOAD_BYTES * 4) / 3) + 4;
/**
 * The whole JSON body of an upload: the file in base64 with room above its limit (so that a file a
 * little too large is answered in the person's words, below), and the coordinator's choices.
 */
export const MAX_UPLOAD_BODY_BYTES = MAX_BASE64 + 1_500_000;

const ChoicesSchema = z
  .object({
    columns: z
      .array(
        z.object({
          heading: z.string().max(200),
          meaning: z.enum(FIELD_MEANINGS),
          level: z.number().int().min(0).max(9).optional(),
        }),
      )
      .max(60)
      .optional(),
    levelNames: z.array(z.string().max(100)).max(10).optional(),
    responsibleSplits: z
      .array(z.object({ text: z.string().max(1000), roles: z.array(z.string().min(1).max(200)).max(20) }))
      .max(1000)
      .optional(),
  })
  .strict();

export const UploadSchema = z.object({
  fileName: z.string().min(1).max(200).regex(READABLE_FILE, 'a .docx, .pdf, .html, .xlsx, .csv, .txt or .json file'),
  content: z.base64(),
  facts: z
    .object({
      id: z.string().regex(PLAN_ID).optional(),
      title: z.string().min(1).max(300).optional(),
      owners: z.array(z.string().min(1).max(100)).max(20).optional(),
      language: z.enum(['nb', 'nn']).optional(),
      fromYear: z.number().int().min(1990).max(2100).optional(),
      toYear: z.number().int().min(1990).max(2100).optional(),
      adoptedBy: z.string().max(300).optional(),
    })
    .default({}),
  choices: ChoicesSchema.default({}),
  replace: z.boolean().default(false),
  lang: z.string().max(20).optional(),
});

export type UploadBody = z.infer<typeof UploadSchema>;

export type UploadCheck =
  | { ok: true; upload: UploadBody; content: Buffer; lang: Language }
  | {
      ok: false;
      status: 400 | 422;
      body: { error: string; message?: string; problems?: { where: string; message: string }[] };
    };

export function checkUpload(body: unknown): UploadCheck {
  const raw = body as { content?: unknown; lang?: unknown } | undefined;
  const lang = languageFromLocale(typeof raw?.lang === 'string' ? raw.lang : undefined);
  if (typeof raw?.content === 'string' && raw.content.length > MAX_BASE64) {
    const where = t(lang, 'import.file').toLocaleLowerCase('nb');
    const message = limitMessage(new ImportLimitError('upload', MAX_UPLOAD_BYTES), lang);
    return { ok: false, status: 422, body: { error: 'import_failed', problems: [{ where, message }] } };
  }
  const parsed = UploadSchema.safeParse(body);
  if (!parsed.success) {
    const detail = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
    return { ok: false, status: 400, body: { error: 'bad_upload', message: detail } };
  }
  return { ok: true, upload: parsed.data, content: Buffer.from(parsed.data.content, 'base64'), lang };
}
