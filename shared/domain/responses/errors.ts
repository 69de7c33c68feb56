/** The error body's schema, for the OpenAPI document and the tests' contract check (`shared/http/error-mapper.ts` writes the body; no function needs the schema). (Part of `../response-schemas.ts`.) */
import * as z from 'zod/mini';
import { withMeta } from '../meta.ts';

/** The body of every 4xx and 5xx answer. */
export const ErrorBody = z.object({
  error: z.object({
    code: withMeta(z.string(), { description: 'what went wrong, stable and machine-readable, e.g. approval_blocked' }),
    message: withMeta(z.string(), { description: 'what went wrong, for people' }),
    rule: withMeta(z.optional(z.string()), { description: 'the rule broken, a key of the message catalogue (shared/i18n/errors.ts), e.g. amount_out_of_range' }),
    field: withMeta(z.optional(z.string()), { description: 'the field at fault, as a dotted path' }),
    params: withMeta(z.optional(z.record(z.string(), z.unknown())), {
      description: 'structured parameters of the message (the unmet rules, counts, amounts in fen, dates); always sent by the functions',
    }),
    details: withMeta(z.optional(z.array(z.object({ field: z.string(), rule: z.string(), params: z.record(z.string(), z.unknown()), message: z.string() }))), {
      description: 'on 400: every invalid field',
    }),
  }),
});
