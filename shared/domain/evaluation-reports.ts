/**
 * Evaluation reports (评估报告): pure rules. Which kind a point of a round's schedule is, when
 * its report falls due, the figures drawn from the households' evaluations, the round's
 * outcomes for the final report, and where a report stands for the committee's dashboard.
 */
import { addDays, addMonths } from './dates.ts';
import type { Evaluation, Loan, Round } from './entities.ts';
import type { AnnexLine, ReportFigures, ReportStatus, RoundOutcomes } from './evaluation-report-schemas.ts';
import type { EvaluationKind } from './schemas/common.ts';

/** The report is due this many days after its point (the first household's evaluation date). */
export const REPORT_DAYS_AFTER_POINT = 30;

/** The points of a round: one per evaluation month, then the final one at the end of the term. */
export function pointsOf(round: Pick<Round, 'evaluationMonths' | 'termMonths'>): { point: number; kind: EvaluationKind; months: number }[] {
  return [
    ...round.evaluationMonths.map((months, i) => ({ point: i, kind: (i === 0 ? 'midterm' : 'yearend') as EvaluationKind, months })),
    { point: round.evaluationMonths.length, kind: 'final' as const, months: round.termMonths },
  ];
}

/** The round's point, or undefined when its schedule has no such point. */
export const pointOf = (round: Pick<Round, 'evaluationMonths' | 'termMonths'>, point: number) => pointsOf(round)[point];

/** The point falls when the first household's evaluation is due (first disbursement + the point's months); the report is due 30 days later. */
export function reportDates(firstDisbursedOn: string, months: number): { pointOn: string; dueOn: string } {
  const pointOn = addMonths(firstDisbursedOn, months);
  return { pointOn, dueOn: addDays(pointOn, REPORT_DAYS_AFTER_POINT) };
}

/** The earliest payout of the round's loans, or undefined before any. */
export function firstDisbursement(loans: Pick<Loan, 'disbursement'>[]): string | undefined {
  return loans
    .map((l) => l.disbursement?.disbursedOn)
    .filter((d): d is string => !!d)
    .sort()[0];
}

export interface HouseholdAtPoint {
  loan: Pick<Loan, 'id' | 'agreementNo' | 'mother' | 'townshipId' | 'villageId' | 'principalFen' | 'evaluationSchedule' | 'disbursement'>;
  /** the evaluation that fulfilled the slot of this point, when logged */
  evaluation?: Pick<Evaluation, 'evaluatedOn' | 'methods' | 'fundUse' | 'progress' | 'operatingState' | 'incomeToDateFen' | 'forecastFen' | 'problems' | 'actionsUrged' | 'leftPoverty'>;
}

/**
 * The report's annex and figures: every disbursed household whose evaluation at this point was
 * due by `asOf` (or was done earlier) is a line; one not evaluated, or with a problem found,
 * needs follow-up. Sums in fen over the households evaluated.
 */
export function draftFigures(households: HouseholdAtPoint[], point: number, kind: EvaluationKind, asOf: string): { figures: ReportFigures; annex: AnnexLine[] } {
  const annex: AnnexLine[] = [];
  for (const { loan, evaluation } of households) {
    const slot = loan.evaluationSchedule[point];
    if (!loan.disbursement || !slot) continue;
    if (!slot.evaluationId && slot.dueOn > asOf) continue;
    const e = slot.evaluationId ? evaluation : undefined;
    annex.push({
      loanId: loan.id,
      ...(loan.agreementNo ? { agreementNo: loan.agreementNo } : {}),
      motherName: loan.mother.name,
      townshipId: loan.townshipId,
      villageId: loan.villageId,
      principalFen: loan.principalFen,
      dueOn: slot.dueOn,
      evaluated: !!e,
      methods: e?.methods ?? [],
      ...(e
        ? {
            evaluatedOn: e.evaluatedOn,
            fundUse: e.fundUse,
            progress: e.progress,
            operatingState: e.operatingState,
            incomeToDateFen: e.incomeToDateFen,
            forecastFen: e.forecastFen,
            ...(e.problems ? { problems: e.problems } : {}),
            ...(e.actionsUrged ? { actionsUrged: e.actionsUrged } : {}),
            ...(e.leftPoverty !== undefined ? { leftPoverty: e.leftPoverty } : {}),
          }
        : {}),
      ...(!e ? { followUp: 'not_evaluated' as const } : e.problems ? { followUp: 'problems' as const } : {}),
    });
  }
  const evaluated = annex.filter((l) => l.evaluated);
  const sum = (f: (l: AnnexLine) => number) => evaluated.reduce((s, l) => s + f(l), 0);
  const used = (m: 'talk' | 'check' | 'look' | 'ask') => evaluated.filter((l) => l.methods.includes(m)).length;
  const figures: ReportFigures = {
    householdsDue: annex.length,
    householdsEvaluated: evaluated.length,
    householdsNotEvaluated: annex.length - evaluated.length,
    principalEvaluatedFen: sum((l) => l.principalFen),
    incomeToDateFen: sum((l) => l.incomeToDateFen ?? 0),
    forecastFen: sum((l) => l.forecastFen ?? 0),
    withProblems: evaluated.filter((l) => l.problems).length,
    withActionsUrged: evaluated.filter((l) => l.actionsUrged).length,
    followUp: annex.filter((l) => l.followUp).length,
    methods: { talk: used('talk'), check: used('check'), look: used('look'), ask: used('ask') },
    ...(kind === 'final' ? { leftPoverty: evaluated.filter((l) => l.leftPoverty).length } : {}),
  };
  return { figures, annex };
}

/** The round's outcomes for the final report: money out and back, loans repaid in full, income gained and poverty exit at the final evaluations. */
export function roundOutcomes(
  loans: Pick<Loan, 'disbursement' | 'principalFen' | 'repaidFen' | 'balanceFen' | 'status' | 'writeOff'>[],
  finals: { incomeToDateFen: number; leftPoverty?: boolean }[],
): RoundOutcomes {
  const out = loans.filter((l) => l.disbursement);
  return {
    loans: out.length,
    disbursedFen: out.reduce((s, l) => s + (l.disbursement?.amountFen ?? 0), 0),
    repaidFen: out.reduce((s, l) => s + l.repaidFen, 0),
    writtenOffFen: out.reduce((s, l) => s + (l.writeOff?.amountFen ?? 0), 0),
    outstandingFen: out.filter((l) => l.status !== 'written_off').reduce((s, l) => s + l.balanceFen, 0),
    repaidInFull: out.filter((l) => l.status === 'repaid').length,
    incomeGainedFen: finals.reduce((s, f) => s + f.incomeToDateFen, 0),
    leftPoverty: finals.filter((f) => f.leftPoverty).length,
    finalEvaluations: finals.length,
  };
}

export type DueState = 'due' | 'overdue' | 'drafted' | 'submitted' | 'received' | 'revision_requested';

/**
 * Where a point's report stands on `asOf`: none or a draft is `due` (or `overdue` past its due
 * date; a draft shows as `drafted`), then `submitted`, `received`, or `revision_requested`
 * (a revision asked for is overdue 30 days after the committee's review).
 */
export function dueStateOf(dueOn: string, asOf: string, latest?: { status: ReportStatus; reviewedOn?: string }): { state: DueState; overdue: boolean } {
  if (!latest) return { state: dueOn < asOf ? 'overdue' : 'due', overdue: dueOn < asOf };
  switch (latest.status) {
    case 'draft':
      return { state: 'drafted', overdue: dueOn < asOf };
    case 'revision_requested': {
      const revisionDue = addDays(latest.reviewedOn ?? dueOn, REPORT_DAYS_AFTER_POINT);
      return { state: 'revision_requested', overdue: (revisionDue > dueOn ? revisionDue : dueOn) < asOf };
    }
    default:
      return { state: latest.status, overdue: false };
  }
}
