/** Evaluation reports: the pure rules — points of a schedule, due dates, where a report stands, the final report's outcomes. */
import { describe, expect, it } from 'vitest';
import { draftFigures, dueStateOf, pointsOf, reportDates, roundOutcomes } from '../../shared/domain/evaluation-reports.ts';

describe('evaluation report rules', () => {
  it('a round with evaluations at 6 and 12 months and a 24-month term has a mid-term, a year-end and a final point', () => {
    expect(pointsOf({ evaluationMonths: [6, 12], termMonths: 24 })).toEqual([
      { point: 0, kind: 'midterm', months: 6 },
      { point: 1, kind: 'yearend', months: 12 },
      { point: 2, kind: 'final', months: 24 },
    ]);
  });

  it('a point falls on the first payout plus its months; its report is due 30 days later', () => {
    expect(reportDates('2026-01-31', 6)).toEqual({ pointOn: '2026-07-31', dueOn: '2026-08-30' });
  });

  it('a report not sent is due until its date, then overdue; a draft past its date is overdue too; a submitted one never is', () => {
    expect(dueStateOf('2026-08-30', '2026-08-30')).toEqual({ state: 'due', overdue: false });
    expect(dueStateOf('2026-08-30', '2026-08-31')).toEqual({ state: 'overdue', overdue: true });
    expect(dueStateOf('2026-08-30', '2026-08-31', { status: 'draft' })).toEqual({ state: 'drafted', overdue: true });
    expect(dueStateOf('2026-08-30', '2026-12-31', { status: 'submitted' })).toEqual({ state: 'submitted', overdue: false });
    expect(dueStateOf('2026-08-30', '2026-09-20', { status: 'revision_requested', reviewedOn: '2026-09-01' })).toEqual({ state: 'revision_requested', overdue: false });
    expect(dueStateOf('2026-08-30', '2026-10-02', { status: 'revision_requested', reviewedOn: '2026-09-01' })).toEqual({ state: 'revision_requested', overdue: true });
  });

  it('a household not yet due and not evaluated is not in the report; one evaluated early is', () => {
    const loan = (id: string, dueOn: string, evaluationId?: string) => ({
      id,
      mother: { name: id, residentId: 'x' },
      townshipId: 'a.b.c',
      villageId: 'a.b.c.d',
      principalFen: 100_000,
      disbursement: {
        disbursedOn: '2026-01-01',
        amountFen: 100_000,
        motherPresent: true as const,
        idChecked: true as const,
        recordedBy: { userId: 'u', username: 'u', role: 'district' as const, officeId: 'a.b' },
        recordedAt: '',
      },
      evaluationSchedule: [{ kind: 'midterm' as const, dueOn, ...(evaluationId ? { evaluationId } : {}) }],
    });
    const e = { evaluatedOn: '2026-05-01', methods: ['talk' as const], fundUse: '买牛', progress: '好', operatingState: '好', incomeToDateFen: 5_000, forecastFen: 9_000 };
    const { figures, annex } = draftFigures(
      [{ loan: loan('due', '2026-06-01') }, { loan: loan('later', '2026-09-01') }, { loan: loan('early', '2026-09-01', 'E1'), evaluation: e }],
      0,
      'midterm',
      '2026-07-01',
    );
    expect(annex.map((l) => [l.loanId, l.evaluated, l.followUp])).toEqual([
      ['due', false, 'not_evaluated'],
      ['early', true, undefined],
    ]);
    expect(figures).toMatchObject({ householdsDue: 2, householdsEvaluated: 1, incomeToDateFen: 5_000, forecastFen: 9_000, followUp: 1 });
  });

  it('the final report’s outcomes add the money and count the loans repaid and the households out of poverty', () => {
    const paid = {
      disbursedOn: '2025-01-01',
      amountFen: 100_000,
      motherPresent: true as const,
      idChecked: true as const,
      recordedBy: { userId: 'u', username: 'u', role: 'district' as const, officeId: 'a.b' },
      recordedAt: '',
    };
    const outcomes = roundOutcomes(
      [
        { disbursement: paid, principalFen: 100_000, repaidFen: 100_000, balanceFen: 0, status: 'repaid' },
        { disbursement: { ...paid, amountFen: 80_000 }, principalFen: 80_000, repaidFen: 30_000, balanceFen: 50_000, status: 'active' },
        { principalFen: 50_000, repaidFen: 0, balanceFen: 50_000, status: 'approved' },
      ],
      [
        { incomeToDateFen: 400_000, leftPoverty: true },
        { incomeToDateFen: 100_000, leftPoverty: false },
      ],
    );
    expect(outcomes).toEqual({
      loans: 2,
      disbursedFen: 180_000,
      repaidFen: 130_000,
      writtenOffFen: 0,
      outstandingFen: 50_000,
      repaidInFull: 1,
      incomeGainedFen: 500_000,
      leftPoverty: 1,
      finalEvaluations: 2,
    });
  });
});
