/** The body of an upload to the import routes: the file (base64), facts the document does not state, and choices. */
import { z } from 'zod';

/** An uploaded plan file: a few hundred kilobytes at most in practice; 1.5 MB before base64. */
export const MAX_UPLOAD_BYTES = 1_500_000;
/** The whole JSON body of an upload: the file in base64 and the rest of the form. */
export const MAX_UPLOAD_BODY_BYTES = Math.ceil((MAX_UPLOAD_BYTES * 4) / 3) + 64 * 1024;

const PLAN_ID = /^[a-z0-9-]{1,100}$/;

export const UploadSchema = z.object({
  fileName: z
    .string()
    .min(1)
    .max(200)
    .regex(/\.(txt|xlsx|json)$/i, 'a .txt, .xlsx or .json file'),
  content: z.base64().max(Math.ceil((MAX_UPLOAD_BYTES * 4) / 3)),
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
  replace: z.boolean().default(false),
  lang: z.string().max(20).optional(),
});

export type Upload = z.infer<typeof UploadSchema>;
