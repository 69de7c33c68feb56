/** Answers of the staff-directory routes. (Part of `../response-schemas.ts`; a function's route table imports only its own parts.) */
import { ROLES } from '../roles.ts';
import { officeId, recordId } from '../schemas/common.ts';
import * as z from 'zod/mini';
import { withMeta } from '../meta.ts';
import { Actor, instant, version } from './common.ts';
import { STAFF_CHANGES } from '../staff.ts';

export const StaffMember = z.object({
  id: recordId,
  username: withMeta(z.string(), { description: 'sign-in name: a label the administrator sets' }),
  subject: withMeta(z.optional(z.string()), { description: 'the identity provider’s subject (`sub`) the directory knows her by (absent: not bound yet, she cannot sign in)' }),
  issuer: withMeta(z.optional(z.string()), { description: 'the issuer of that subject, when known' }),
  displayName: withMeta(z.string(), { description: 'the name people read, in Chinese' }),
  displayNameBo: withMeta(z.optional(z.string()), { description: 'the name in Tibetan' }),
  role: z.enum(ROLES),
  officeId,
  active: withMeta(z.boolean(), { description: 'false: refused on the next request' }),
  email: z.optional(z.string()),
  createdAt: instant,
  createdBy: withMeta(z.optional(Actor), { description: 'who added her (absent for older records)' }),
  placed: withMeta(z.optional(z.object({ by: Actor, at: instant, change: z.enum(STAFF_CHANGES) })), {
    description: 'the last creation, move, role change or re-activation: for four eyes the account counts as that person for accountOwnerDays',
  }),
  updatedAt: instant,
  version,
});

export const StaffList = z.object({ items: z.array(StaffMember) });

/** The caller, as the staff directory knows her. */
export const Me = z.object({
  userId: withMeta(z.string(), { description: 'her staff record id' }),
  username: z.string(),
  displayName: z.optional(z.string()),
  role: z.enum(ROLES),
  officeId,
});
