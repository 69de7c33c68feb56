/** Paying out: the signed agreement with its guarantors, then the disbursement. (Part of `../schemas.ts`.) */
import * as z from 'zod/mini';
import { withMeta } from '../meta.ts';
import { fen, isoDate, personName, SignatoryParty, text } from './common.ts';

export const AgreementInput = z.strictObject({
  signedOn: isoDate,
  guarantors: z.strictObject({ townshipHead: personName, villageHead: personName }),
  signatories: z.array(z.strictObject({ party: SignatoryParty, name: personName })).check(
    z.minLength(1),
    z.maxLength(10),
    z.refine((s) => s.some((x) => x.party === 'mother'), { error: 'must include the mother (party "mother")', params: { rule: 'mother_signs' } }),
  ),
});
export type AgreementInput = z.output<typeof AgreementInput>;

export const DisbursementInput = z.strictObject({
  disbursedOn: isoDate,
  amountFen: fen('amountFen'),
  motherPresent: withMeta(z.boolean(), { description: 'the mother came in person to receive the money (required to be true)' }),
  idChecked: withMeta(z.boolean(), { description: 'her resident ID card was checked (required to be true)' }),
  place: z.optional(text(200)),
});
export type DisbursementInput = z.output<typeof DisbursementInput>;
