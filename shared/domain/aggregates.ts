/**
 * Report aggregates as dated deltas. Every money event (approval, disbursement, repayment,
 * write-off, final evaluation) is turned into counter deltas on the dates they take effect,
 * so that any figure "as of D" is a sum of deltas dated up to some cutoff, and a report
 * costs the same however many loans there are. The same functions feed the live writes and
 * the recomputation from raw records, so the two can be compared fen for fen.
 *
 * Repayment-quality figures follow the CGAP / SEEP conventions for a single-instalment
 * (bullet) loan: principal falls due on the due date; a loan is past due from the day after.
 */
import { addDays, daysBetween } from './dates.ts';

/** Days-past-due thresholds of the ageing table: ≥1, ≥31 (PAR30), ≥91, ≥181. */
export const THRESHOLDS = [1, 31, 91, 181] as const;
export type Threshold = (typeof THRESHOLDS)[number];

/** The band of a repayment made `daysLate` days after the due date (0 or less: on time). */
export function lateBand(daysLate: number): Threshold | undefined {
  return [...THRESHOLDS].reverse().find((t) => daysLate >= t);
}

export type Metric =
  | 'approvedLoans'
  | 'approvedFen'
  | 'disbursedLoans'
  | 'disbursedFen'
  | 'dueLoans'
  | 'dueFen'
  | 'repaidFen'
  | 'writtenOffFen'
  | 'closedLoans'
  | 'repaidLoans'
  | 'writtenOffLoans'
  | 'earlyRepaidFen'
  | 'lateRepaidFen'
  | 'earlyRemovedFen'
  | 'earlyClosedLoans'
  | `lateRemovedFen${Threshold}`
  | `lateRemovedByDueFen${Threshold}`
  | `lateClosedLoans${Threshold}`
  | `lateClosedByDueLoans${Threshold}`
  | 'mothers'
  | 'householdMembers'
  | 'villages'
  | 'finalEvaluations'
  | 'leftPoverty'
  | 'incomeGainedFen'
  | OutreachMetric;

/** 三治 counters (shared/domain/outreach.ts): women checked and mothers trained are counted once per group (first-seen markers). */
export const OUTREACH_METRICS = ['womenChecked', 'illnessesFound', 'illnessesTreated', 'illnessesCured', 'trainingSessions', 'mothersTrained'] as const;
export type OutreachMetric = (typeof OUTREACH_METRICS)[number];

export type Metrics = Partial<Record<Metric, number>>;

export interface Delta {
  date: string;
  metrics: Metrics;
}

/** A loan as far as the aggregates need it. */
export interface LoanFacts {
  districtId: string;
  townshipId: string;
  roundId: string;
  principalFen: number;
  approvedOn: string;
  disbursedOn?: string;
  dueOn?: string;
}

/** The year-of-disbursement group, once the loan is disbursed. */
export const yearGroupOf = (loan: LoanFacts): string | undefined => (loan.disbursedOn ? `year#${loan.districtId}#${loan.disbursedOn.slice(0, 4)}` : undefined);

/** The report group of a round (named with its district: its counters live in the district's items). */
export const roundGroup = (districtId: string, roundId: string) => `round#${districtId}#${roundId}`;

/** Every report group a loan counts in: district, township, round, and year of disbursement once known. */
export function groupsOf(loan: LoanFacts): string[] {
  const year = yearGroupOf(loan);
  return [`district#${loan.districtId}`, `township#${loan.townshipId}`, roundGroup(loan.districtId, loan.roundId), ...(year ? [year] : [])];
}

export const approvalDeltas = (loan: LoanFacts): Delta[] => [{ date: loan.approvedOn, metrics: { approvedLoans: 1, approvedFen: loan.principalFen } }];

export function disbursementDeltas(loan: LoanFacts & { disbursedOn: string; dueOn: string }): Delta[] {
  return [
    { date: loan.disbursedOn, metrics: { disbursedLoans: 1, disbursedFen: loan.principalFen } },
    { date: loan.dueOn, metrics: { dueLoans: 1, dueFen: loan.principalFen } },
  ];
}

/**
 * Money leaving the outstanding portfolio on `on`: a repayment (counts as repaid) or a
 * write-off (does not). `closes` when it brings the balance to zero.
 */
export function removalDeltas(loan: { dueOn: string }, amountFen: number, on: string, kind: 'repayment' | 'write_off', closes: boolean): Delta[] {
  const band = lateBand(daysBetween(loan.dueOn, on));
  const atEvent: Metrics = kind === 'repayment' ? { repaidFen: amountFen } : { writtenOffFen: amountFen, writtenOffLoans: 1 };
  const atDue: Metrics = {};
  if (closes) {
    atEvent.closedLoans = 1;
    if (kind === 'repayment') atEvent.repaidLoans = 1;
  }
  if (band === undefined) {
    atDue.earlyRemovedFen = amountFen;
    if (kind === 'repayment') atDue.earlyRepaidFen = amountFen;
    if (closes) atDue.earlyClosedLoans = 1;
  } else {
    atEvent[`lateRemovedFen${band}`] = amountFen;
    atDue[`lateRemovedByDueFen${band}`] = amountFen;
    if (kind === 'repayment') atEvent.lateRepaidFen = amountFen;
    if (closes) {
      atEvent[`lateClosedLoans${band}`] = 1;
      atDue[`lateClosedByDueLoans${band}`] = 1;
    }
  }
  return [
    { date: on, metrics: atEvent },
    { date: loan.dueOn, metrics: atDue },
  ];
}

export function finalEvaluationDeltas(evaluatedOn: string, incomeToDateFen: number, leftPoverty: boolean): Delta[] {
  return [{ date: evaluatedOn, metrics: { finalEvaluations: 1, leftPoverty: leftPoverty ? 1 : 0, incomeGainedFen: incomeToDateFen } }];
}

/** Merges deltas of the same date; drops zero counters. */
export function mergeDeltas(deltas: Delta[]): Delta[] {
  const byDate = new Map<string, Metrics>();
  for (const d of deltas) {
    const m = byDate.get(d.date) ?? {};
    for (const [k, v] of Object.entries(d.metrics) as [Metric, number][]) m[k] = (m[k] ?? 0) + v;
    byDate.set(d.date, m);
  }
  return [...byDate]
    .map(([date, metrics]) => ({ date, metrics: Object.fromEntries(Object.entries(metrics).filter(([, v]) => v !== 0)) as Metrics }))
    .filter((d) => Object.keys(d.metrics).length > 0)
    .sort((a, b) => a.date.localeCompare(b.date));
}

// ---------- reading: figures as of a date ----------

/** Sum of a metric's deltas dated on or before `cutoff`. */
export type Sums = (metric: Metric, cutoff: string) => number;

/** The raw components of every report as of `asOf`: all additive across groups. */
export interface Components {
  approvedLoans: number;
  approvedFen: number;
  disbursedLoans: number;
  disbursedFen: number;
  fallenDueLoans: number;
  fallenDueFen: number;
  repaidFen: number;
  repaidOnDueLoansFen: number;
  repaidOnTimeFen: number;
  writtenOffFen: number;
  writtenOffLoans: number;
  repaidLoans: number;
  closedLoans: number;
  /** outstanding principal of loans at least t days past due, and their number */
  pastDueFen: Record<Threshold, number>;
  pastDueLoans: Record<Threshold, number>;
  mothers: number;
  householdMembers: number;
  villages: number;
  finalEvaluations: number;
  leftPoverty: number;
  incomeGainedFen: number;
  womenChecked: number;
  illnessesFound: number;
  illnessesTreated: number;
  illnessesCured: number;
  trainingSessions: number;
  mothersTrained: number;
}

/** The cutoffs `componentsAsOf` reads a group's sums at: the date itself and the ageing thresholds before it. */
export const cutoffsOf = (asOf: string): string[] => [asOf, ...THRESHOLDS.map((t) => addDays(asOf, -t))];

export function componentsAsOf(S: Sums, asOf: string): Components {
  const pastDue = (fen: boolean) =>
    Object.fromEntries(
      THRESHOLDS.map((t) => {
        const c = addDays(asOf, -t);
        const entered = S(fen ? 'dueFen' : 'dueLoans', c);
        const early = S(fen ? 'earlyRemovedFen' : 'earlyClosedLoans', c);
        let late = 0;
        for (const b of THRESHOLDS) {
          late += b >= t ? S(fen ? `lateRemovedFen${b}` : `lateClosedLoans${b}`, asOf) : S(fen ? `lateRemovedByDueFen${b}` : `lateClosedByDueLoans${b}`, c);
        }
        return [t, entered - early - late];
      }),
    ) as Record<Threshold, number>;
  return {
    approvedLoans: S('approvedLoans', asOf),
    approvedFen: S('approvedFen', asOf),
    disbursedLoans: S('disbursedLoans', asOf),
    disbursedFen: S('disbursedFen', asOf),
    fallenDueLoans: S('dueLoans', asOf),
    fallenDueFen: S('dueFen', asOf),
    repaidFen: S('repaidFen', asOf),
    repaidOnDueLoansFen: S('earlyRepaidFen', asOf) + S('lateRepaidFen', asOf),
    repaidOnTimeFen: S('earlyRepaidFen', asOf),
    writtenOffFen: S('writtenOffFen', asOf),
    writtenOffLoans: S('writtenOffLoans', asOf),
    repaidLoans: S('repaidLoans', asOf),
    closedLoans: S('closedLoans', asOf),
    pastDueFen: pastDue(true),
    pastDueLoans: pastDue(false),
    mothers: S('mothers', asOf),
    householdMembers: S('householdMembers', asOf),
    villages: S('villages', asOf),
    finalEvaluations: S('finalEvaluations', asOf),
    leftPoverty: S('leftPoverty', asOf),
    incomeGainedFen: S('incomeGainedFen', asOf),
    ...(Object.fromEntries(OUTREACH_METRICS.map((m) => [m, S(m, asOf)])) as Record<OutreachMetric, number>),
  };
}

export function addComponents(a: Components, b: Components): Components {
  const out = { ...a } as Components;
  for (const key of Object.keys(a) as (keyof Components)[]) {
    const x = a[key];
    const y = b[key];
    if (typeof x === 'number') (out[key] as number) = x + (y as number);
    else
      (out[key] as Record<Threshold, number>) = Object.fromEntries(THRESHOLDS.map((t) => [t, (x as Record<Threshold, number>)[t] + (y as Record<Threshold, number>)[t]])) as Record<Threshold, number>;
  }
  return out;
}

export const emptyComponents = (): Components => componentsAsOf(() => 0, '2000-01-01');

/** A ratio in basis points (1/100 of a percent), integer; null when the denominator is zero. */
export function basisPoints(numerator: number, denominator: number): number | null {
  if (denominator === 0) return null;
  return Math.round((numerator * 10_000) / denominator);
}

export function repaymentFigures(c: Components) {
  const outstandingFen = c.disbursedFen - c.repaidFen - c.writtenOffFen;
  return {
    fallenDueFen: c.fallenDueFen,
    repaidOnDueLoansFen: c.repaidOnDueLoansFen,
    repaidOnTimeFen: c.repaidOnTimeFen,
    repaymentRateBp: basisPoints(c.repaidOnDueLoansFen, c.fallenDueFen),
    onTimeRateBp: basisPoints(c.repaidOnTimeFen, c.fallenDueFen),
    outstandingFen,
    arrearsFen: c.pastDueFen[1],
    arrearsLoans: c.pastDueLoans[1],
    par30Fen: c.pastDueFen[31],
    par30Bp: basisPoints(c.pastDueFen[31], outstandingFen),
    ageing: {
      days1to30: { loans: c.pastDueLoans[1] - c.pastDueLoans[31], fen: c.pastDueFen[1] - c.pastDueFen[31] },
      days31to90: { loans: c.pastDueLoans[31] - c.pastDueLoans[91], fen: c.pastDueFen[31] - c.pastDueFen[91] },
      days91to180: { loans: c.pastDueLoans[91] - c.pastDueLoans[181], fen: c.pastDueFen[91] - c.pastDueFen[181] },
      days181plus: { loans: c.pastDueLoans[181], fen: c.pastDueFen[181] },
    },
    writtenOffFen: c.writtenOffFen,
  };
}

export function portfolioFigures(c: Components) {
  const activeLoans = c.disbursedLoans - c.closedLoans;
  const outstandingFen = c.disbursedFen - c.repaidFen - c.writtenOffFen;
  return {
    approved: { loans: c.approvedLoans - c.disbursedLoans, fen: c.approvedFen - c.disbursedFen },
    active: { loans: activeLoans - c.pastDueLoans[1], fen: outstandingFen - c.pastDueFen[1] },
    overdue: { loans: c.pastDueLoans[1], fen: c.pastDueFen[1] },
    repaid: { loans: c.repaidLoans, fen: c.repaidFen },
    writtenOff: { loans: c.writtenOffLoans, fen: c.writtenOffFen },
    disbursed: { loans: c.disbursedLoans, fen: c.disbursedFen },
    outstandingFen,
  };
}

export function outcomeFigures(c: Components) {
  return {
    mothersHelped: c.mothers,
    householdMembersReached: c.householdMembers,
    villagesCovered: c.villages,
    finalEvaluations: c.finalEvaluations,
    leftPoverty: c.leftPoverty,
    incomeGainedFen: c.incomeGainedFen,
    povertyExitRateBp: basisPoints(c.leftPoverty, c.finalEvaluations),
    womenChecked: c.womenChecked,
    illnessesFound: c.illnessesFound,
    illnessesTreated: c.illnessesTreated,
    illnessesCured: c.illnessesCured,
    trainingSessions: c.trainingSessions,
    mothersTrained: c.mothersTrained,
  };
}
