/** Answers of the staff-directory routes. (Part of `../response-schemas.ts`; a function's route table imports only its own parts.) */
import { ROLES } from '../roles.ts';
import { officeId, recordId } from '../schemas.ts';
import * as z from 'zod';
import { Actor, instant, version } from './common.ts';
import { STAFF_CHANGES } from '../staff.ts';

export const StaffMember = z.object({
  id: recordId,
  username: z.string().meta({ description: 'sign-in name: a label the administrator sets' }),
  subject: z.string().optional().meta({ description: 'the identity provider’s subject (`sub`) the directory knows her by (absent: not bound yet, she cannot sign in)' }),
  issuer: z.string().optional().meta({ description: 'the issuer of that subject, when known' }),
  displayName: z.string().meta({ description: 'the name people read, in Chinese' }),
  displayNameBo: z.string().optional().meta({ description: 'the name in Tibetan' }),
  role: z.enum(ROLES),
  officeId,
  active: z.boolean().meta({ description: 'false: refused on the next request' }),
  email: z.string().optional(),
  createdAt: instant,
  createdBy: Actor.optional().meta({ description: 'who added her (absent for older records)' }),
  placed: z
    .object({ by: Actor, at: instant, change: z.enum(STAFF_CHANGES) })
    .optional()
    .meta({ description: 'the last creation, move, role change or re-activation: for four eyes the account counts as that person for accountOwnerDays' }),
  updatedAt: instant,
  version,
});

export const StaffList = z.object({ items: z.array(StaffMember) });

/** The caller, as the staff directory knows her. */
export const Me = z.object({
  userId: z.string().meta({ description: 'her staff record id' }),
  username: z.string(),
  displayName: z.string().optional(),
  role: z.enum(ROLES),
  officeId,
});
