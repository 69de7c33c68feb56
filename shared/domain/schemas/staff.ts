/** The staff directory's requests: a person added, her placement or name changed. (Apart from `../staff.ts`, whose helpers every function's sign-in check uses.) */
import * as z from 'zod/mini';
import { withMeta } from '../meta.ts';
import { ROLES } from '../roles.ts';
import { officeId, text } from './common.ts';

/** A sign-in name: letters, digits and `._@-`, compared without case. A label the administrator sets: it never decides who a token is. */
export const staffUsername = withMeta(
  z.string({ error: 'must be text' }).check(z.trim(), z.regex(/^[A-Za-z0-9][A-Za-z0-9._@-]{0,127}$/, { error: 'must be 1-128 letters, digits or ._@- (the sign-in name)' })),
  { description: 'the sign-in name (the Cognito username; with another provider a label): the directory finds a caller by `subject`, never by this' },
);

/**
 * The identity provider's subject (`sub`) of a person: what the directory keys her on, under
 * the one issuer the API's authorizer admits. Issued by the provider, never chosen by the user
 * (a `preferred_username` may be, so it decides nothing). Compared exactly.
 */
export const staffSubject = withMeta(
  z.string({ error: 'must be text' }).check(z.trim(), z.regex(/^[\x21-\x7E]{1,255}$/, { error: 'must be 1-255 visible ASCII characters without spaces (the identity provider’s subject, `sub`)' })),
  { description: 'the identity provider’s subject (`sub`) of her account; without it: Cognito’s new user’s sub, or (local provider) the username' },
);

export const StaffRole = z.enum(ROLES);

export const StaffInput = z.strictObject({
  username: staffUsername,
  displayName: withMeta(text(60), { description: 'the name people read, in Chinese (城关区项目办 · 王丽)' }),
  displayNameBo: withMeta(z.optional(text(60)), { description: 'the name in Tibetan, optional' }),
  role: StaffRole,
  officeId,
  email: withMeta(z.optional(z.email({ error: 'must be an e-mail address' }).check(z.maxLength(200))), {
    description: 'where the identity provider sends the temporary password (required with Cognito)',
  }),
  subject: z.optional(staffSubject),
});
export type StaffInput = z.output<typeof StaffInput>;

export const StaffPatch = z
  .strictObject({
    displayName: z.optional(text(60)),
    displayNameBo: z.optional(text(60)),
    role: z.optional(StaffRole),
    officeId: z.optional(officeId),
    active: z.optional(z.boolean({ error: 'must be true or false' })),
  })
  .check(z.refine((p) => Object.keys(p).length > 0, { error: 'must change at least one of displayName, displayNameBo, role, officeId, active' }));
export type StaffPatch = z.output<typeof StaffPatch>;
