/** A mother's choice about text messages, changed after the application. (Part of `../schemas.ts`.) */
import * as z from 'zod/mini';
import { withMeta } from '../meta.ts';
import { text } from './common.ts';

/** A change of her choice, or of her number, recorded by the staff member she told. */
export const SmsPreferenceInput = z.strictObject({
  optIn: z.boolean(),
  lang: z.enum(['bo', 'zh-CN']),
  phone: withMeta(z.optional(z.string().check(z.regex(/^1\d{10}$/, { error: 'must be an 11-digit mobile number' }))), { description: 'a new mobile number; the one on file stays when left out' }),
  reason: withMeta(text(200), { description: 'why: she asked to stop, a new number, …' }),
});
export type SmsPreferenceInput = z.output<typeof SmsPreferenceInput>;
