/** Answers of the staff-directory routes. (Part of `../response-schemas.ts`; a function's route table imports only its own parts.) */
import { ROLES } from '../roles.ts';
import { officeId, recordId } from '../schemas.ts';
import * as z from 'zod';
import { instant, version } from './common.ts';

export const StaffMember = z.object({
  id: recordId,
  username: z.string().meta({ description: 'sign-in name at the identity provider (or its subject)' }),
  displayName: z.string().meta({ description: 'the name people read, in Chinese' }),
  displayNameBo: z.string().optional().meta({ description: 'the name in Tibetan' }),
  role: z.enum(ROLES),
  officeId,
  active: z.boolean().meta({ description: 'false: refused on the next request' }),
  email: z.string().optional(),
  createdAt: instant,
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
