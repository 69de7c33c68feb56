/** A mother as the answers about her application and loan show her. (Part of `../response-schemas.ts`; apart from the building blocks so that functions that never show a mother do not bundle it.) */
import * as z from 'zod/mini';
import { withMeta } from '../meta.ts';
import { Actor } from './common.ts';

export const MotherDetails = z.object({
  name: z.string(),
  residentId: withMeta(z.string(), { description: 'resident ID number; masked in lists (only the first and last characters shown)' }),
  phone: z.optional(z.string()),
  sms: withMeta(
    z.optional(
      z.object({
        optIn: z.boolean(),
        lang: z.enum(['bo', 'zh-CN']),
        changedAt: z.string(),
        changedBy: z.optional(Actor),
        reason: z.optional(z.string()),
      }),
    ),
    { description: 'her choice about text messages, with who recorded it' },
  ),
});
