/**
 * The signature printed in a receipt's QR code (`#/verify/{loanId}/{repaymentId}?t=`): an HMAC
 * keyed with the programme's secret, so nobody can make one for a receipt that does not exist,
 * and no personal data in the link. Its own module so the loan file can carry it without the
 * message code.
 */
import { createHmac } from 'node:crypto';
import { motherKeySecret } from '../store/mother-key.ts';

/** The signature of a receipt's link (22 base64url characters). */
export function receiptToken(loanId: string, repaymentId: string): string {
  return createHmac('sha256', motherKeySecret()).update(`receipt-verify:${loanId}:${repaymentId}`).digest('base64url').slice(0, 22);
}
