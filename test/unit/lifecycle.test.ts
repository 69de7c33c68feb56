import { describe, expect, it } from 'vitest';
import { Conflict, ValidationFailed } from '../../shared/domain/errors.ts';
import type { Loan, ScheduledEvaluation } from '../../shared/domain/entities.ts';
import {
  applyRepayment,
  approvalBlockers,
  assertApprovable,
  assertConfirmedForPayout,
  confirmationStatusOf,
  nextConfirmationStatus,
  type ConfirmationEvent,
  type ConfirmationStatus,
  daysPastDue,
  loanSchedule,
  nextApplicationStatus,
  nextEvaluationSlot,
  nextLoanStatus,
  noticeEndsOn,
  type ApprovalState,
  type LoanEvent,
} from '../../shared/domain/lifecycle.ts';
import type { LoanStatus } from '../../shared/domain/schemas.ts';
import { districtClerk, errorFrom } from './domain-fixtures.ts';

// ---------- transition tables ----------

describe('application status transitions', () => {
  it('approves a submitted application', () => {
    expect(nextApplicationStatus('submitted', 'approve')).toBe('approved');
  });

  it('rejects a submitted application', () => {
    expect(nextApplicationStatus('submitted', 'reject')).toBe('rejected');
  });

  it.each([
    ['approved', 'approve', /already approved; it cannot be approved now/],
    ['approved', 'reject', /already approved; it cannot be rejected now/],
    ['rejected', 'approve', /already rejected; it cannot be approved now/],
    ['rejected', 'reject', /already rejected; it cannot be rejected now/],
  ] as const)('refuses to %s→%s a decided application, naming its state', (status, event, message) => {
    const error = errorFrom(Conflict, () => nextApplicationStatus(status, event));

    expect(error.message).toMatch(message);
    expect(error.code).toBe('wrong_state');
  });
});

describe('loan status transitions', () => {
  const allowed: [LoanStatus, LoanEvent, LoanStatus][] = [
    ['approved', 'record_agreement', 'approved'],
    ['approved', 'disburse', 'active'],
    ['active', 'evaluate', 'active'],
    ['active', 'repay_part', 'active'],
    ['active', 'repay_rest', 'repaid'],
    ['repaid', 'evaluate', 'repaid'],
  ];

  it.each(allowed)('a %s loan allows %s and becomes %s', (status, event, next) => {
    expect(nextLoanStatus(status, event)).toBe(next);
  });

  const refused: [LoanStatus, LoanEvent, RegExp][] = [
    ['approved', 'evaluate', /cannot record an evaluation on this loan: it has not been disbursed yet/],
    ['approved', 'repay_part', /cannot record a repayment on this loan: it has not been disbursed yet/],
    ['approved', 'repay_rest', /cannot record a repayment on this loan: it has not been disbursed yet/],
    ['active', 'record_agreement', /cannot record an agreement on this loan: it is active/],
    ['active', 'disburse', /cannot disburse on this loan: it is active/],
    ['repaid', 'record_agreement', /cannot record an agreement on this loan: it is repaid/],
    ['repaid', 'disburse', /cannot disburse on this loan: it is repaid/],
    ['repaid', 'repay_part', /cannot record a repayment on this loan: it is repaid/],
    ['repaid', 'repay_rest', /cannot record a repayment on this loan: it is repaid/],
  ];

  it.each(refused)('a %s loan refuses %s with a Conflict saying why', (status, event, message) => {
    const error = errorFrom(Conflict, () => nextLoanStatus(status, event));

    expect(error.message).toMatch(message);
    expect(error.code).toBe('wrong_state');
  });

  it('covers every (status, event) pair exactly once in the two lists above', () => {
    const statuses: LoanStatus[] = ['approved', 'active', 'repaid'];
    const events: LoanEvent[] = ['record_agreement', 'disburse', 'evaluate', 'repay_part', 'repay_rest'];
    const listed = [...allowed, ...refused].map(([s, e]) => `${s}/${e}`).sort();

    expect(listed).toEqual(statuses.flatMap((s) => events.map((e) => `${s}/${e}`)).sort());
  });
});

// ---------- approval ----------

/** Everything in order on 2026-05-08: notice ended the day before, one objection dismissed, two visits, screening passed. */
function approvalState(overrides: Partial<ApprovalState> = {}): ApprovalState {
  return {
    application: {
      status: 'submitted',
      notice: { postedOn: '2026-05-01', days: 7, endsOn: '2026-05-07', recordedBy: districtClerk },
    },
    objections: [{ id: 'OBJ-DISMISSED', status: 'dismissed' }],
    visits: [{ id: 'V1' }, { id: 'V2' }],
    screening: { passed: true, rules: [{ rule: 'family_planning', passed: true, reason: 'ok', reasonZh: '好' }] },
    round: { minLoanFen: 500_000, maxLoanFen: 1_500_000, uncommittedFen: 5_000_000, status: 'open' },
    amountFen: 1_000_000,
    today: '2026-05-08',
    ...overrides,
  };
}

describe('approvalBlockers', () => {
  it('is empty when everything is in order', () => {
    expect(approvalBlockers(approvalState())).toEqual([]);
  });

  it('names a missing public notice', () => {
    const blockers = approvalBlockers(approvalState({ application: { status: 'submitted' } }));

    expect(blockers).toEqual(['the public notice (公示) has not been posted']);
  });

  it('blocks on the last day of the notice period, naming its end date', () => {
    const blockers = approvalBlockers(approvalState({ today: '2026-05-07' }));

    expect(blockers).toEqual(['the public notice period runs until 2026-05-07']);
  });

  it('blocks while the notice period is still running', () => {
    const blockers = approvalBlockers(approvalState({ today: '2026-05-02' }));

    expect(blockers).toHaveLength(1);
    expect(blockers[0]).toContain('2026-05-07');
  });

  it('allows approval from the day after the notice period ends', () => {
    expect(approvalBlockers(approvalState({ today: '2026-05-08' }))).toEqual([]);
  });

  it('names an unresolved objection by its id', () => {
    const blockers = approvalBlockers(
      approvalState({
        objections: [
          { id: 'OBJ-1', status: 'open' },
          { id: 'OBJ-2', status: 'dismissed' },
        ],
      }),
    );

    expect(blockers).toEqual(['1 objection(s) are unresolved: OBJ-1']);
  });

  it('names an upheld objection by its id', () => {
    const blockers = approvalBlockers(approvalState({ objections: [{ id: 'OBJ-9', status: 'upheld' }] }));

    expect(blockers).toEqual(['1 objection(s) were upheld: OBJ-9']);
  });

  it('lists every open objection', () => {
    const blockers = approvalBlockers(
      approvalState({
        objections: [
          { id: 'A', status: 'open' },
          { id: 'B', status: 'open' },
        ],
      }),
    );

    expect(blockers).toEqual(['2 objection(s) are unresolved: A, B']);
  });

  it('does not block on dismissed objections', () => {
    expect(
      approvalBlockers(
        approvalState({
          objections: [
            { id: 'A', status: 'dismissed' },
            { id: 'B', status: 'dismissed' },
          ],
        }),
      ),
    ).toEqual([]);
  });

  it('blocks with fewer than 2 household visits, saying how many were logged', () => {
    const blockers = approvalBlockers(approvalState({ visits: [{ id: 'V1' }] }));

    expect(blockers).toEqual(['1 household visit(s) logged; 2 are required']);
  });

  it('names the failed screening rule and its reason', () => {
    const blockers = approvalBlockers(
      approvalState({
        screening: {
          passed: false,
          rules: [
            { rule: 'family_planning', passed: true, reason: 'ok', reasonZh: '好' },
            { rule: 'income_below_village', passed: false, reason: 'income is not below the village average', reasonZh: '不低于本村平均' },
          ],
        },
      }),
    );

    expect(blockers).toEqual(['screening failed: income_below_village (income is not below the village average)']);
  });

  it('blocks when the round is closed', () => {
    const blockers = approvalBlockers(approvalState({ round: { minLoanFen: 500_000, maxLoanFen: 1_500_000, uncommittedFen: 5_000_000, status: 'closed' } }));

    expect(blockers).toEqual(['the round is closed']);
  });

  it('blocks when the round has less uncommitted capital than the amount, showing both in yuan', () => {
    const blockers = approvalBlockers(approvalState({ round: { minLoanFen: 500_000, maxLoanFen: 1_500_000, uncommittedFen: 999_999, status: 'open' } }));

    expect(blockers).toEqual(['the round has 9,999.99 yuan of capital left, less than 10,000.00']);
  });

  it('allows an amount that uses up exactly the capital left', () => {
    expect(approvalBlockers(approvalState({ round: { minLoanFen: 500_000, maxLoanFen: 1_500_000, uncommittedFen: 1_000_000, status: 'open' } }))).toEqual([]);
  });

  it('lists every blocker at once, in the order a clerk would fix them', () => {
    const blockers = approvalBlockers({
      application: { status: 'submitted' },
      objections: [
        { id: 'O1', status: 'open' },
        { id: 'O2', status: 'upheld' },
      ],
      visits: [],
      screening: { passed: false, rules: [{ rule: 'good_credit', passed: false, reason: 'earlier loan L1 is not repaid', reasonZh: '此前贷款 L1 尚未还清' }] },
      round: { minLoanFen: 500_000, maxLoanFen: 1_500_000, uncommittedFen: 0, status: 'closed' },
      amountFen: 1_000_000,
      today: '2026-05-08',
    });

    expect(blockers).toHaveLength(7);
    expect(blockers[0]).toMatch(/public notice/);
    expect(blockers[1]).toMatch(/unresolved: O1/);
    expect(blockers[2]).toMatch(/upheld: O2/);
    expect(blockers[3]).toMatch(/0 household visit/);
    expect(blockers[4]).toMatch(/screening failed: good_credit/);
    expect(blockers[5]).toMatch(/round is closed/);
    expect(blockers[6]).toMatch(/capital left/);
  });
});

describe('assertApprovable', () => {
  it('lets a complete application through', () => {
    expect(() => assertApprovable(approvalState())).not.toThrow();
  });

  it.each([500_000, 1_500_000])('accepts %i fen, at the edge of the round range', (amountFen) => {
    expect(() => assertApprovable(approvalState({ amountFen }))).not.toThrow();
  });

  it.each([499_999, 1_500_001, 0])('refuses %i fen, outside the round range, as invalid amountFen', (amountFen) => {
    const error = errorFrom(ValidationFailed, () => assertApprovable(approvalState({ amountFen })));

    expect(error.field).toBe('amountFen');
    expect(error.code).toBe('validation_failed');
    expect(error.message).toContain('500000–1500000');
  });

  it('refuses with a Conflict listing the blockers when something is missing', () => {
    const error = errorFrom(Conflict, () => assertApprovable(approvalState({ visits: [], today: '2026-05-03' })));

    expect(error.code).toBe('approval_blocked');
    expect(error.message).toBe('cannot approve: the public notice period runs until 2026-05-07; 0 household visit(s) logged; 2 are required');
  });
});

describe('noticeEndsOn', () => {
  it('ends a 7-day notice posted on 2026-05-01 on 2026-05-07 (the posting day counts)', () => {
    expect(noticeEndsOn('2026-05-01', 7)).toBe('2026-05-07');
  });

  it('ends a 1-day notice on the day it is posted', () => {
    expect(noticeEndsOn('2026-05-01', 1)).toBe('2026-05-01');
  });

  it('runs across a month end', () => {
    expect(noticeEndsOn('2026-04-28', 7)).toBe('2026-05-04');
  });

  it('runs across a leap day', () => {
    expect(noticeEndsOn('2028-02-25', 7)).toBe('2028-03-02');
  });
});

// ---------- schedule and evaluations ----------

describe('loanSchedule', () => {
  it('sets the due date, a mid-term and a year-end evaluation from the disbursement date, clamping month ends', () => {
    const { dueOn, evaluationSchedule } = loanSchedule('2024-08-31', 24, [6, 12]);

    expect(dueOn).toBe('2026-08-31');
    expect(evaluationSchedule).toEqual([
      { kind: 'midterm', dueOn: '2025-02-28' },
      { kind: 'yearend', dueOn: '2025-08-31' },
      { kind: 'final', dueOn: '2026-08-31' },
    ]);
  });

  it('makes the final evaluation fall due on the loan’s due date', () => {
    const { dueOn, evaluationSchedule } = loanSchedule('2025-03-15', 18, [6]);

    expect(evaluationSchedule.at(-1)).toEqual({ kind: 'final', dueOn });
    expect(dueOn).toBe('2026-09-15');
  });

  it('makes only the first point mid-term and every later one year-end', () => {
    const { evaluationSchedule } = loanSchedule('2025-01-10', 36, [6, 12, 24]);

    expect(evaluationSchedule.map((s) => s.kind)).toEqual(['midterm', 'yearend', 'yearend', 'final']);
    expect(evaluationSchedule.map((s) => s.dueOn)).toEqual(['2025-07-10', '2026-01-10', '2027-01-10', '2028-01-10']);
  });

  it('has only the final evaluation when the round sets no intermediate points', () => {
    const { evaluationSchedule } = loanSchedule('2025-01-10', 12, []);

    expect(evaluationSchedule).toEqual([{ kind: 'final', dueOn: '2026-01-10' }]);
  });
});

describe('nextEvaluationSlot', () => {
  const schedule = (): ScheduledEvaluation[] => loanSchedule('2025-01-10', 36, [6, 12, 24]).evaluationSchedule;

  it('fills the mid-term slot first', () => {
    expect(nextEvaluationSlot(schedule(), 'midterm')).toBe(0);
  });

  it('fills the first open year-end slot', () => {
    expect(nextEvaluationSlot(schedule(), 'yearend')).toBe(1);
  });

  it('moves on to the next year-end slot once the first is recorded', () => {
    const s = schedule();
    s[1] = { ...s[1]!, evaluationId: 'EV-1' };

    expect(nextEvaluationSlot(s, 'yearend')).toBe(2);
  });

  it('finds the final slot at the end', () => {
    expect(nextEvaluationSlot(schedule(), 'final')).toBe(3);
  });

  it('refuses a second mid-term evaluation with a Conflict', () => {
    const s = schedule();
    s[0] = { ...s[0]!, evaluationId: 'EV-1' };

    const error = errorFrom(Conflict, () => nextEvaluationSlot(s, 'midterm'));

    expect(error.message).toBe('every midterm evaluation of this loan is already recorded');
    expect(error.code).toBe('evaluation_recorded');
  });

  it('refuses a year-end evaluation when all year-end slots are recorded', () => {
    const s = schedule().map((slot) => (slot.kind === 'yearend' ? { ...slot, evaluationId: `EV-${slot.dueOn}` } : slot));

    expect(() => nextEvaluationSlot(s, 'yearend')).toThrow(Conflict);
  });

  it('refuses a kind the schedule does not have, saying so', () => {
    const s = loanSchedule('2025-01-10', 12, []).evaluationSchedule;

    const error = errorFrom(Conflict, () => nextEvaluationSlot(s, 'midterm'));

    expect(error.message).toBe("this loan's schedule has no midterm evaluation");
  });
});

// ---------- repayment ----------

type RepayableLoan = Pick<Loan, 'status' | 'balanceFen' | 'repaidFen' | 'principalFen'>;
const activeLoan: RepayableLoan = { status: 'active', principalFen: 1_000_000, repaidFen: 0, balanceFen: 1_000_000 };

describe('applyRepayment', () => {
  it('keeps the loan active after a partial repayment and lowers the balance', () => {
    const effect = applyRepayment(activeLoan, 400_000);

    expect(effect).toEqual({ balanceAfterFen: 600_000, repaidAfterFen: 400_000, status: 'active' });
  });

  it('marks the loan repaid when the payment clears the balance exactly', () => {
    const halfPaid: RepayableLoan = { status: 'active', principalFen: 1_000_000, repaidFen: 400_000, balanceFen: 600_000 };

    const effect = applyRepayment(halfPaid, 600_000);

    expect(effect).toEqual({ balanceAfterFen: 0, repaidAfterFen: 1_000_000, status: 'repaid' });
  });

  it('accepts a payment of a single fen', () => {
    expect(applyRepayment(activeLoan, 1)).toEqual({ balanceAfterFen: 999_999, repaidAfterFen: 1, status: 'active' });
  });

  it('refuses a payment one fen over the balance as invalid amountFen, naming the balance', () => {
    const error = errorFrom(ValidationFailed, () => applyRepayment(activeLoan, 1_000_001));

    expect(error.field).toBe('amountFen');
    expect(error.message).toBe('exceeds the outstanding balance of 1000000 fen (10,000.00 yuan)');
  });

  it('refuses a repayment on an approved loan that has not been paid out', () => {
    const undisbursed: RepayableLoan = { status: 'approved', principalFen: 1_000_000, repaidFen: 0, balanceFen: 1_000_000 };

    const error = errorFrom(Conflict, () => applyRepayment(undisbursed, 100_000));

    expect(error.message).toContain('not been disbursed');
  });

  it('refuses a repayment that would clear an approved loan that has not been paid out', () => {
    const undisbursed: RepayableLoan = { status: 'approved', principalFen: 1_000_000, repaidFen: 0, balanceFen: 1_000_000 };

    expect(() => applyRepayment(undisbursed, 1_000_000)).toThrow(Conflict);
  });

  it('refuses a repayment on a loan already repaid', () => {
    const repaid: RepayableLoan = { status: 'repaid', principalFen: 1_000_000, repaidFen: 1_000_000, balanceFen: 0 };

    const error = errorFrom(Conflict, () => applyRepayment(repaid, 100));

    expect(error.message).toContain('it is repaid');
  });

  it.each([
    ['zero', 0],
    ['a negative amount', -100],
    ['a fraction of a fen', 100.5],
    ['NaN', Number.NaN],
    ['infinity', Number.POSITIVE_INFINITY],
    ['an unsafe integer', 2 ** 53],
  ])('refuses %s as invalid amountFen', (_what, amountFen) => {
    const error = errorFrom(ValidationFailed, () => applyRepayment(activeLoan, amountFen));

    expect(error.field).toBe('amountFen');
    expect(error.message).toBe('must be a positive whole number of fen');
  });

  it('checks the amount before the loan state (a bad amount on a repaid loan is a validation error)', () => {
    const repaid: RepayableLoan = { status: 'repaid', principalFen: 1_000_000, repaidFen: 1_000_000, balanceFen: 0 };

    expect(() => applyRepayment(repaid, -1)).toThrow(ValidationFailed);
  });
});

describe('daysPastDue', () => {
  const loan = (status: LoanStatus, dueOn?: string): Pick<Loan, 'status' | 'dueOn'> => (dueOn === undefined ? { status } : { status, dueOn });

  it('is 0 before the due date', () => {
    expect(daysPastDue(loan('active', '2026-08-31'), '2026-08-01')).toBe(0);
  });

  it('is 0 on the due date itself', () => {
    expect(daysPastDue(loan('active', '2026-08-31'), '2026-08-31')).toBe(0);
  });

  it('is 1 the day after the due date', () => {
    expect(daysPastDue(loan('active', '2026-08-31'), '2026-09-01')).toBe(1);
  });

  it('counts the days across a leap day', () => {
    expect(daysPastDue(loan('active', '2028-02-28'), '2028-03-01')).toBe(2);
  });

  it('counts a year late as 365 days', () => {
    expect(daysPastDue(loan('active', '2026-08-31'), '2027-08-31')).toBe(365);
  });

  it('is 0 for a repaid loan, however late', () => {
    expect(daysPastDue(loan('repaid', '2026-08-31'), '2027-08-31')).toBe(0);
  });

  it('is 0 for an approved loan not yet paid out (no due date)', () => {
    expect(daysPastDue(loan('approved'), '2027-08-31')).toBe(0);
  });

  it('is 0 for an active loan missing a due date', () => {
    expect(daysPastDue(loan('active'), '2027-08-31')).toBe(0);
  });
});

// ---------- committee confirmation (审核确定) ----------

describe('nextConfirmationStatus', () => {
  const allowed: [ConfirmationStatus, ConfirmationEvent, ConfirmationStatus][] = [
    ['unconfirmed', 'send', 'listed'],
    ['listed', 'confirm', 'confirmed'],
    ['listed', 'return', 'returned'],
    ['returned', 'send', 'listed'],
  ];
  it.each(allowed)('%s --%s--> %s', (from, event, to) => {
    expect(nextConfirmationStatus(from, event)).toBe(to);
  });

  const refused: [ConfirmationStatus, ConfirmationEvent][] = [
    ['unconfirmed', 'confirm'],
    ['unconfirmed', 'return'],
    ['listed', 'send'],
    ['confirmed', 'send'],
    ['confirmed', 'return'],
    ['confirmed', 'confirm'],
    ['returned', 'confirm'],
    ['returned', 'return'],
  ];
  it.each(refused)('refuses %s --%s-- naming the state (409 confirmation_wrong_state)', (from, event) => {
    const error = errorFrom(Conflict, () => nextConfirmationStatus(from, event));
    expect(error).toMatchObject({ code: 'confirmation_wrong_state', params: { confirmation: from, step: event } });
  });
});

describe('confirmation before payout', () => {
  const sentBy = districtClerk;
  it('a loan never sent is unconfirmed; one from the ledger counts as confirmed', () => {
    expect(confirmationStatusOf({})).toBe('unconfirmed');
    expect(confirmationStatusOf({ source: 'ledger' })).toBe('confirmed');
    expect(confirmationStatusOf({ confirmation: { status: 'returned', listId: 'L', sentOn: '2026-01-01', sentBy, reason: '材料不全' } })).toBe('returned');
  });

  it('refuses a payout unless confirmed, while the setting requires it (409 confirmation_missing)', () => {
    for (const status of ['listed', 'returned'] as const) {
      const error = errorFrom(Conflict, () => assertConfirmedForPayout(true, { confirmation: { status, listId: 'L', sentOn: '2026-01-01', sentBy } }));
      expect(error).toMatchObject({ code: 'confirmation_missing', params: { confirmation: status } });
    }
    expect(errorFrom(Conflict, () => assertConfirmedForPayout(true, {}))).toMatchObject({ code: 'confirmation_missing', params: { confirmation: 'unconfirmed' } });
    expect(() => assertConfirmedForPayout(true, { confirmation: { status: 'confirmed', listId: 'L', sentOn: '2026-01-01', sentBy } })).not.toThrow();
    expect(() => assertConfirmedForPayout(true, { source: 'ledger' })).not.toThrow();
  });

  it('lets an unconfirmed loan be paid out when the committee switched the requirement off', () => {
    expect(() => assertConfirmedForPayout(false, {})).not.toThrow();
  });
});
