/**
 * Property-based (fast-check) against the real store: for any order of repayments, retries
 * and over-payments across several loans, the balance never goes negative, repayments never
 * exceed the principal, each loan's ledger sums to its balance, and the round's counters
 * equal a recomputation from the raw repayment records.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { as } from '../support/api.ts';
import { activeLoan, daysAgo, openRound } from '../support/fixtures.ts';

const PRINCIPALS = [600_000, 1_000_000, 1_500_000];

const operation = fc.record({
  loan: fc.integer({ min: 0, max: PRINCIPALS.length - 1 }),
  amountFen: fc.oneof(fc.integer({ min: 1, max: 400_000 }), fc.constantFrom(600_000, 1_000_000, 1_500_000, 1_500_001)),
  retry: fc.boolean(),
});

describe('money rules hold for any sequence of operations', () => {
  it('balance ≥ 0, repaid ≤ principal, ledger = balance, round counters = recomputation', async () => {
    let run = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(operation, { minLength: 1, maxLength: 12 }), async (ops) => {
        run++;
        const roundId = await openRound();
        const loans = [];
        for (const principal of PRINCIPALS) loans.push({ id: await activeLoan(roundId, principal), principal, balance: principal });
        let n = 0;
        let lastKey: string | undefined;
        for (const op of ops) {
          const loan = loans[op.loan]!;
          const key = op.retry && lastKey ? lastKey : `prop-${run}-${n++}-${loan.id}`;
          const answer = await as('township').post(`/loans/${loan.id}/repayments`, { paidOn: daysAgo(1), amountFen: op.amountFen, receiptNo: `P${run}-${n}` }, { idempotencyKey: key });
          expect(answer.status, JSON.stringify(answer.body)).toBeLessThan(500);
          if (answer.status === 201 && answer.headers['idempotent-replayed'] !== 'true') {
            expect(answer.body.loanId).toBe(loan.id);
            loan.balance -= op.amountFen;
          }
          if (answer.status === 201) lastKey = key;
          expect(loan.balance).toBeGreaterThanOrEqual(0);
        }
        let roundRepaid = 0;
        for (const loan of loans) {
          const file = (await as('district').get(`/loans/${loan.id}`)).body;
          const ledger = file.repayments.reduce((sum: number, r: { amountFen: number }) => sum + r.amountFen, 0);
          expect(file.balanceFen).toBe(loan.balance);
          expect(file.balanceFen).toBeGreaterThanOrEqual(0);
          expect(ledger).toBeLessThanOrEqual(loan.principal);
          expect(file.repaidFen).toBe(ledger);
          expect(file.principalFen - ledger).toBe(file.balanceFen);
          expect(file.status).toBe(file.balanceFen === 0 ? 'repaid' : 'active');
          roundRepaid += ledger;
        }
        const round = (await as('committee').get(`/rounds/${roundId}`)).body;
        expect(round.repaidFen).toBe(roundRepaid);
        expect(round.disbursedFen).toBe(PRINCIPALS.reduce((a, b) => a + b, 0));
        expect(round.committedFen).toBe(round.disbursedFen);
      }),
      { numRuns: 8, endOnFailure: true },
    );
  }, 240_000);
});
