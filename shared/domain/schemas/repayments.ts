/** A repayment with its paper receipt, and a loan written off. (Part of `../schemas.ts`.) */
import * as z from 'zod/mini';
import { withMeta } from '../meta.ts';
import { receiptNoProblem } from '../text-rules.ts';
import { fen, isoDate, text } from './common.ts';

/**
 * A paper receipt number: hidden characters, spaces, full-width forms and look-alike letters
 * or dashes do not make a new number (`normalizeReceiptNo`, which the receipt key uses); once
 * normalised only letters A–Z, Chinese characters, digits, `-` and `/` are allowed (rule `receipt_characters`).
 */
export const receiptNumber = withMeta(
  text(40).check(
    z.superRefine((s, ctx) => {
      const problem = receiptNoProblem(s);
      if (problem?.rule === 'receipt_characters')
        ctx.addIssue({
          code: 'custom',
          message: `may hold only letters A-Z, Chinese characters, digits, "-" and "/" (not ${problem.characters.join(' ')})`,
          params: { rule: 'receipt_characters', characters: problem.characters },
        });
      else if (problem) ctx.addIssue({ code: 'custom', message: 'must not be empty', params: { rule: 'not_empty' } });
    }),
  ),
  {
    description: 'paper receipt number: letters A-Z, Chinese characters, digits, "-" and "/"; case, spaces, full-width forms and look-alike letters do not make another number',
    example: 'CG-2023-0012',
  },
);

export const RepaymentInput = z.strictObject({
  paidOn: isoDate,
  amountFen: fen('amountFen'),
  receiptNo: receiptNumber,
});
export type RepaymentInput = z.output<typeof RepaymentInput>;

export const WriteOffInput = z.strictObject({
  writtenOffOn: isoDate,
  reason: text(2000),
});
export type WriteOffInput = z.output<typeof WriteOffInput>;
