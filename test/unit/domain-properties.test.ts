/**
 * Property-based tests (fast-check): rules that must hold for every input, not only the
 * examples in the other files.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, addMonths, daysBetween, isIsoDate } from '../../shared/domain/dates.ts';
import type { Loan } from '../../shared/domain/entities.ts';
import { Conflict, ValidationFailed } from '../../shared/domain/errors.ts';
import { applyRepayment } from '../../shared/domain/lifecycle.ts';
import { formatYuan } from '../../shared/domain/money.ts';
import { isWithin } from '../../shared/domain/offices.ts';
import { residentIdProblem } from '../../shared/domain/resident-id.ts';
import { MAX_FEN } from '../../shared/domain/schemas.ts';
import { priorityScore } from '../../shared/domain/screening.ts';
import { screeningInput } from './domain-fixtures.ts';

const DAY_MS = 86_400_000;

/** A real calendar date between `fromYear`-01-01 and `toYear`-12-31, built with Date (independently of dates.ts). */
const isoDateBetween = (fromYear: number, toYear: number) => {
  const start = Date.UTC(fromYear, 0, 1);
  const days = Math.round((Date.UTC(toYear, 11, 31) - start) / DAY_MS);
  return fc.integer({ min: 0, max: days }).map((k) => new Date(start + k * DAY_MS).toISOString().slice(0, 10));
};

type RepayableLoan = Pick<Loan, 'status' | 'balanceFen' | 'repaidFen' | 'principalFen'>;

describe('repayments (property)', () => {
  it('for any sequence of valid repayments: balance never negative, repaid + balance = principal, repaid exactly when balance is 0', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: MAX_FEN }), fc.array(fc.integer({ min: 1, max: MAX_FEN }), { maxLength: 40 }), fc.boolean(), (principalFen, draws, payTheRestAtTheEnd) => {
        let loan: RepayableLoan = { status: 'active', principalFen, repaidFen: 0, balanceFen: principalFen };
        const pay = (amount: number) => {
          const effect = applyRepayment(loan, amount);

          expect(effect.balanceAfterFen).toBeGreaterThanOrEqual(0);
          expect(effect.balanceAfterFen).toBe(loan.balanceFen - amount);
          expect(effect.repaidAfterFen + effect.balanceAfterFen).toBe(principalFen);
          expect(effect.status === 'repaid').toBe(effect.balanceAfterFen === 0);
          expect(effect.status === 'active').toBe(effect.balanceAfterFen > 0);
          loan = { ...loan, status: effect.status, balanceFen: effect.balanceAfterFen, repaidFen: effect.repaidAfterFen };
        };

        for (const draw of draws) {
          if (loan.status === 'repaid') {
            expect(() => applyRepayment(loan, 1 + (draw % 1000))).toThrow(Conflict);
            break;
          }
          pay(1 + ((draw - 1) % loan.balanceFen)); // a valid amount: 1 fen up to the balance
        }
        if (payTheRestAtTheEnd && loan.status === 'active') pay(loan.balanceFen);

        if (payTheRestAtTheEnd) expect(loan).toMatchObject({ status: 'repaid', balanceFen: 0, repaidFen: principalFen });
      }),
    );
  });

  it('refuses every payment larger than the outstanding balance', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: MAX_FEN }), fc.integer({ min: 0, max: MAX_FEN }), fc.integer({ min: 1, max: MAX_FEN }), (principalFen, paidDraw, excess) => {
        const repaidFen = paidDraw % principalFen;
        const loan: RepayableLoan = { status: 'active', principalFen, repaidFen, balanceFen: principalFen - repaidFen };

        expect(() => applyRepayment(loan, loan.balanceFen + excess)).toThrow(ValidationFailed);
      }),
    );
  });
});

describe('dates (property)', () => {
  it('addMonths always gives a valid ISO date', () => {
    fc.assert(
      fc.property(isoDateBetween(1960, 2140), fc.integer({ min: -600, max: 600 }), (date, months) => {
        expect(isIsoDate(addMonths(date, months))).toBe(true);
      }),
    );
  });

  it('addMonths moves exactly n calendar months and keeps the day unless the month is too short', () => {
    fc.assert(
      fc.property(isoDateBetween(1960, 2140), fc.integer({ min: -600, max: 600 }), (date, months) => {
        const [y, m, d] = date.split('-').map(Number) as [number, number, number];

        const [ny, nm, nd] = addMonths(date, months).split('-').map(Number) as [number, number, number];

        expect(ny * 12 + nm - (y * 12 + m)).toBe(months);
        const lastDay = new Date(Date.UTC(ny, nm, 0)).getUTCDate();
        expect(nd).toBe(Math.min(d, lastDay));
      }),
    );
  });

  it('addMonths there and back returns the same date for days 1–28', () => {
    fc.assert(
      fc.property(
        isoDateBetween(1960, 2140).filter((d) => Number(d.slice(8)) <= 28),
        fc.integer({ min: -600, max: 600 }),
        (date, months) => {
          expect(addMonths(addMonths(date, months), -months)).toBe(date);
        },
      ),
    );
  });

  it('addDays gives a valid date exactly n days away (daysBetween agrees)', () => {
    fc.assert(
      fc.property(isoDateBetween(1950, 2150), fc.integer({ min: -10_000, max: 10_000 }), (date, days) => {
        const later = addDays(date, days);

        expect(isIsoDate(later)).toBe(true);
        expect(daysBetween(date, later)).toBe(days);
        expect(daysBetween(later, date)).toBe(0 - days); // 0 - days, not -days: toBe tells -0 from 0
      }),
    );
  });
});

describe('resident ID (property)', () => {
  /** ISO 7064 MOD 11-2 written the other way round: check value (12 − Σ mod 11) mod 11, 10 written X. */
  const independentCheckChar = (first17: string): string => {
    let sum = 0;
    for (let i = 0; i < 17; i++) sum += Number(first17[i]) * (2 ** (17 - i) % 11);
    const value = (12 - (sum % 11)) % 11;
    return value === 10 ? 'X' : String(value);
  };

  const first17 = fc
    .tuple(fc.stringMatching(/^[1-6]\d{5}$/), isoDateBetween(1940, 2010), fc.stringMatching(/^\d{3}$/))
    .map(([region, birth, sequence]) => `${region}${birth.replaceAll('-', '')}${sequence}`);

  it('accepts any number with the right check character, in either case', () => {
    fc.assert(
      fc.property(first17, (prefix) => {
        const check = independentCheckChar(prefix);

        expect(residentIdProblem(prefix + check)).toBeNull();
        expect(residentIdProblem(prefix + check.toLowerCase())).toBeNull();
      }),
    );
  });

  it('refuses the same number with any other check character', () => {
    fc.assert(
      fc.property(first17, fc.constantFrom(...'0123456789X'), (prefix, check) => {
        fc.pre(check !== independentCheckChar(prefix));

        expect(residentIdProblem(prefix + check)).toBe('checksum');
      }),
    );
  });
});

describe('priority score (property)', () => {
  const application = fc.record({
    familyPlanning: fc.constantFrom('compliant', 'one_child', 'two_daughters', 'violation') as fc.Arbitrary<'compliant' | 'one_child' | 'two_daughters' | 'violation'>,
    householdSize: fc.integer({ min: 1, max: 30 }),
    householdAnnualIncomeFen: fc.integer({ min: 0, max: MAX_FEN }),
    villagePerCapitaIncomeFen: fc.integer({ min: 1, max: MAX_FEN }),
    amountRequestedFen: fc.integer({ min: 1, max: MAX_FEN }),
  });
  const expectedAnnualReturnFen = fc.integer({ min: 0, max: MAX_FEN });
  const earlierLoanCount = fc.integer({ min: 0, max: 3 });

  it('is always a whole number from 0 to 100', () => {
    fc.assert(
      fc.property(application, expectedAnnualReturnFen, earlierLoanCount, (app, ret, count) => {
        const earlierLoans = Array.from({ length: count }, (_, i) => ({ id: `L${i}`, status: 'repaid' as const, balanceFen: 0 }));

        const score = priorityScore(screeningInput({ application: app, project: { expectedAnnualReturnFen: ret }, earlierLoans }));

        expect(Number.isInteger(score)).toBe(true);
        expect(score).toBeGreaterThanOrEqual(0);
        expect(score).toBeLessThanOrEqual(100);
      }),
    );
  });

  it('never ranks a household lower for earning less', () => {
    fc.assert(
      fc.property(application, expectedAnnualReturnFen, fc.integer({ min: 0, max: MAX_FEN }), (app, ret, otherIncome) => {
        const poorer = Math.min(app.householdAnnualIncomeFen, otherIncome);
        const richer = Math.max(app.householdAnnualIncomeFen, otherIncome);

        const poorerScore = priorityScore(screeningInput({ application: { ...app, householdAnnualIncomeFen: poorer }, project: { expectedAnnualReturnFen: ret } }));
        const richerScore = priorityScore(screeningInput({ application: { ...app, householdAnnualIncomeFen: richer }, project: { expectedAnnualReturnFen: ret } }));

        expect(poorerScore).toBeGreaterThanOrEqual(richerScore);
      }),
    );
  });
});

describe('money and offices (property)', () => {
  it('formatYuan always reads back as the same number of fen', () => {
    fc.assert(
      fc.property(fc.integer({ min: -MAX_FEN, max: MAX_FEN }), (fen) => {
        const shown = formatYuan(fen);

        expect(shown).toMatch(/^-?\d{1,3}(,\d{3})*\.\d{2}$/);
        expect(Math.round(Number(shown.replaceAll(',', '')) * 100)).toBe(fen);
      }),
    );
  });

  it('an office is within its ancestor, but not within a look-alike whose id only starts the same', () => {
    const segment = fc.stringMatching(/^[a-z0-9-]{1,12}$/);
    fc.assert(
      fc.property(fc.array(segment, { minLength: 1, maxLength: 2 }), fc.array(segment, { minLength: 1, maxLength: 2 }), segment, (top, below, extra) => {
        const ancestor = top.join('.');
        const child = [...top, ...below].join('.');

        expect(isWithin(child, ancestor)).toBe(true);
        expect(isWithin(`${ancestor}${extra}`, ancestor)).toBe(false);
        expect(isWithin(`${ancestor}${extra}.${below.join('.')}`, ancestor)).toBe(false);
      }),
    );
  });
});
