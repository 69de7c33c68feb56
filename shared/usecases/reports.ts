/**
 * The committee's reports, as of any date, grouped by district, township, round or year
 * of disbursement. Each row sums the dated aggregates of its groups (see
 * shared/domain/aggregates.ts): the cost depends on the number of rows and days, never on
 * the number of loans. The figures' definitions are in the README.
 */
import { addComponents, componentsAsOf, emptyComponents, outcomeFigures, portfolioFigures, repaymentFigures, roundGroup, type Components } from '../domain/aggregates.ts';
import { addDays, daysBetween, daysInMonth } from '../domain/dates.ts';
import type { Loan, Round } from '../domain/entities.ts';
import { Forbidden, ValidationFailed, futureDate } from '../domain/errors.ts';
import { ancestorAt, isWithin, levelOf } from '../domain/offices.ts';
import type { CollectionQuery, ReportQuery } from '../domain/schemas/reports.ts';
import type { EvaluationKind } from '../domain/schemas/common.ts';
import { readSumsOf } from '../store/aggregates.ts';
import { getFund } from '../store/fund.ts';
import { loansOutInTownship, loansWithEvaluationDue } from '../store/loans.ts';
import { officeSubtree } from '../store/offices.ts';
import { allRounds } from '../store/rounds.ts';
import type { Context } from './context.ts';
import { isRecovered } from './rounds.ts';
import { districtsFor } from './scope.ts';

export interface ReportRow {
  groupBy: ReportQuery['groupBy'] | 'total';
  id: string;
  label: string;
  districtId?: string;
}

interface RowSpec extends ReportRow {
  groups: string[];
}

function asOfOf(ctx: Context, q: ReportQuery): string {
  const asOf = q.asOf ?? ctx.today;
  if (asOf > ctx.today) throw futureDate('asOf', ctx.today);
  return asOf;
}

/** The rows of a report for the caller: its districts (committee: all, or the one asked for). */
async function rowSpecs(ctx: Context, q: ReportQuery, asOf: string): Promise<RowSpec[]> {
  const districts = await districtsFor(ctx.caller, q.districtId);
  const offices = new Map((await officeSubtree(ctx.caller.officeId.split('.')[0]!)).map((o) => [o.id, o]));
  const name = (id: string) => offices.get(id)?.name ?? id;
  switch (q.groupBy) {
    case 'district':
      return districts.map((d) => ({ groupBy: 'district', id: d, label: name(d), districtId: d, groups: [`district#${d}`] }));
    case 'township':
      return [...offices.values()]
        .filter((o) => o.level === 'township' && districts.some((d) => o.id.startsWith(`${d}.`)))
        .map((t) => ({ groupBy: 'township', id: t.id, label: `${name(t.parentId!)} ${t.name}`, districtId: t.parentId!, groups: [`township#${t.id}`] }));
    case 'round':
      return (await allRounds(districts))
        .filter((r) => r.openedOn <= asOf)
        .map((r) => ({ groupBy: 'round', id: r.id, label: r.name, districtId: r.districtId, groups: [roundGroup(r.districtId, r.id)] }));
    case 'year': {
      const rounds = await allRounds(districts);
      const first = Math.min(...rounds.map((r) => Number(r.openedOn.slice(0, 4))), Number(asOf.slice(0, 4)));
      const years = Array.from({ length: Number(asOf.slice(0, 4)) - first + 1 }, (_, i) => String(first + i));
      return years.map((y) => ({ groupBy: 'year', id: y, label: `${y}年`, groups: districts.map((d) => `year#${d}#${y}`) }));
    }
  }
}

/** The components of each list of groups (their sums added), reading each district's aggregate items once. */
async function componentsOfEach(lists: string[][], asOf: string): Promise<Components[]> {
  const sums = await readSumsOf([...new Set(lists.flat())], asOf);
  return lists.map((groups) => groups.map((g) => componentsAsOf(sums.get(g)!, asOf)).reduce(addComponents, emptyComponents()));
}

const componentsOf = async (groups: string[], asOf: string): Promise<Components> => (await componentsOfEach([groups], asOf))[0]!;

/**
 * Rows with their components, plus a total row. The total is read from the district groups
 * whatever the grouping: money and loan counts add up across any rows, but a mother who
 * borrowed in two rounds (or years), and a village with loans in several, is counted once
 * per district group and would be counted twice by adding round or year rows. So the total
 * row (and the committee's headline) is the same for every `groupBy`.
 */
async function computed(ctx: Context, q: ReportQuery): Promise<{ asOf: string; rows: (ReportRow & { c: Components })[] }> {
  const asOf = asOfOf(ctx, q);
  const [specs, districts] = await Promise.all([rowSpecs(ctx, q, asOf), districtsFor(ctx.caller, q.districtId)]);
  const components = await componentsOfEach([...specs.map((s) => s.groups), districts.map((d) => `district#${d}`)], asOf);
  const rows = specs.map(({ groups: _, ...row }, i) => ({ ...row, c: components[i]! }));
  const total = components.at(-1)!;
  return { asOf, rows: [...rows, { groupBy: 'total', id: 'total', label: '合计', c: total }] };
}

export async function repaymentReport(ctx: Context, q: ReportQuery) {
  const { asOf, rows } = await computed(ctx, q);
  return { asOf, groupBy: q.groupBy, rows: rows.map(({ c, ...row }) => ({ ...row, ...repaymentFigures(c) })) };
}

export async function portfolioReport(ctx: Context, q: ReportQuery) {
  const { asOf, rows } = await computed(ctx, q);
  return { asOf, groupBy: q.groupBy, rows: rows.map(({ c, ...row }) => ({ ...row, ...portfolioFigures(c) })) };
}

export async function outcomesReport(ctx: Context, q: ReportQuery) {
  const { asOf, rows } = await computed(ctx, q);
  return { asOf, groupBy: q.groupBy, rows: rows.map(({ c, ...row }) => ({ ...row, ...outcomeFigures(c) })) };
}

/** Days ahead that count as "due" (not yet overdue) in the evaluations report. */
export const DUE_WINDOW_DAYS = 30;

/**
 * Evaluations due (within 30 days), overdue, and not yet due, per district and field officer,
 * from the loans with an open evaluation (index byDue): never every loan.
 * 1. read the district's loans whose next evaluation is open (overdue ones first);
 * 2. each open slot due within the window counts as overdue or due;
 * 3. a loan with no slot in the window shows its next open slot as not yet due (`upcoming`),
 *    so every open evaluation can be reached from the work list.
 */
export async function evaluationsReport(ctx: Context, q: ReportQuery) {
  const asOf = asOfOf(ctx, q);
  const until = addDays(asOf, DUE_WINDOW_DAYS);
  const rows = new Map<
    string,
    {
      districtId: string;
      fieldOfficer: string;
      kind: EvaluationKind;
      overdue: number;
      due: number;
      upcoming: number;
      loans: { loanId: string; mother: string; dueOn: string; overdue: boolean; upcoming: boolean }[];
    }
  >();
  const add = (districtId: string, loan: Loan, slot: { kind: EvaluationKind; dueOn: string }, state: 'overdue' | 'due' | 'upcoming') => {
    const fieldOfficer = loan.fieldOfficer?.username ?? '(未指定)';
    const key = `${districtId}|${fieldOfficer}|${slot.kind}`;
    const row = rows.get(key) ?? { districtId, fieldOfficer, kind: slot.kind, overdue: 0, due: 0, upcoming: 0, loans: [] };
    row[state]++;
    row.loans.push({ loanId: loan.id, mother: loan.mother.name, dueOn: slot.dueOn, overdue: state === 'overdue', upcoming: state === 'upcoming' });
    rows.set(key, row);
  };
  for (const districtId of await districtsFor(ctx.caller, q.districtId)) {
    let cursor: string | undefined;
    do {
      const page = await loansWithEvaluationDue(districtId, NO_END, cursor);
      for (const loan of page.items as Loan[]) {
        const open = loan.evaluationSchedule.filter((s) => !s.evaluationId);
        const inWindow = open.filter((s) => s.dueOn <= until);
        for (const slot of inWindow) add(districtId, loan, slot, slot.dueOn < asOf ? 'overdue' : 'due');
        if (inWindow.length === 0 && open[0]) add(districtId, loan, open[0], 'upcoming');
      }
      cursor = page.nextCursor;
    } while (cursor);
  }
  return { asOf, dueWithinDays: DUE_WINDOW_DAYS, rows: [...rows.values()].sort((a, b) => `${a.districtId}${a.fieldOfficer}${a.kind}`.localeCompare(`${b.districtId}${b.fieldOfficer}${b.kind}`)) };
}

/** The end of the byDue index's range: every loan with an open evaluation, however far ahead. */
const NO_END = '9999-12-31';

/**
 * One round's line of the fund report. Today from the round's counters; as of an earlier
 * day from the round's dated aggregates, with its status as it was that day (a round closed
 * later was open then), so the lines agree with the district's totals of the same day.
 */
async function roundLine(r: Round, asOf: string, past: boolean, recovered: boolean) {
  const line = { id: r.id, name: r.name, capitalFen: r.capitalFen, grantFen: r.grantFen, recovered };
  if (!past) return { ...line, status: r.status, disbursedFen: r.disbursedFen, repaidFen: r.repaidFen, writtenOffFen: r.writtenOffFen, loans: r.loanCount, closedLoans: r.closedLoans };
  const c = await componentsOf([roundGroup(r.districtId, r.id)], asOf);
  const status: Round['status'] = r.closedOn && r.closedOn <= asOf ? 'closed' : 'open';
  return { ...line, status, disbursedFen: c.disbursedFen, repaidFen: c.repaidFen, writtenOffFen: c.writtenOffFen, loans: c.approvedLoans, closedLoans: c.closedLoans };
}

/**
 * The revolving fund of each district: granted, lent out, recovered, written off,
 * outstanding, cash held, available to re-lend, and rounds completed. Today from the fund's
 * counters; as of an earlier day from the dated aggregates and the rounds (what was
 * available to re-lend on a past day is not kept: it is given for today only).
 */
export async function fundReport(ctx: Context, q: ReportQuery) {
  const asOf = asOfOf(ctx, q);
  const past = asOf < ctx.today;
  const districts = await districtsFor(ctx.caller, q.districtId);
  const offices = new Map((await officeSubtree(ctx.caller.officeId.split('.')[0]!)).map((o) => [o.id, o]));
  const rows = await Promise.all(
    districts.map(async (districtId) => {
      const [fund, allOfDistrict] = await Promise.all([getFund(districtId), allRounds([districtId])]);
      const rounds = allOfDistrict.filter((r) => r.openedOn <= asOf);
      const recoveredAsOf = async (r: Round) => {
        if (!past) return isRecovered(r);
        if (r.status !== 'closed' || !r.closedOn || r.closedOn > asOf) return false;
        const c = await componentsOf([roundGroup(r.districtId, r.id)], asOf);
        return c.closedLoans === c.approvedLoans;
      };
      const recoveredFlags = await Promise.all(rounds.map(recoveredAsOf));
      const completed = recoveredFlags.filter(Boolean).length;
      const c = past ? await componentsOf([`district#${districtId}`], asOf) : undefined;
      const granted = past ? rounds.reduce((s, r) => s + r.grantFen, 0) : fund.grantedFen;
      const lentOut = c ? c.disbursedFen : fund.disbursedFen;
      const recovered = c ? c.repaidFen : fund.recoveredFen;
      const writtenOff = c ? c.writtenOffFen : fund.writtenOffFen;
      return {
        districtId,
        label: offices.get(districtId)?.name ?? districtId,
        grantedFen: granted,
        lentOutFen: lentOut,
        recoveredFen: recovered,
        writtenOffFen: writtenOff,
        outstandingFen: lentOut - recovered - writtenOff,
        cashHeldFen: granted - lentOut + recovered,
        availableToRelendFen: past ? null : fund.availableFen,
        roundsOpened: rounds.length,
        roundsCompleted: completed,
        rounds: await Promise.all(rounds.map((r, i) => roundLine(r, asOf, past, recoveredFlags[i]!))),
      };
    }),
  );
  return { asOf, rows };
}

export interface CollectionLine {
  loanId: string;
  agreementNo?: string;
  motherName: string;
  dueOn: string;
  principalFen: number;
  balanceFen: number;
  daysPastDue: number;
  state: 'due_this_month' | 'overdue';
}

/**
 * collectionList: what a township collects on collection day, village by village.
 * 1. the township lies in the caller's subtree (a township its own, a district its townships);
 * 2. its loans out (active or overdue) due by the end of the as-of month are read with two
 *    key conditions on the district's loan partition (never a scan);
 * 3. each is due this month (due on or after the as-of day) or overdue (due before it, with
 *    its days past due); balances are the loans' balances now;
 * 4. every village of the township is listed (a village with nothing to collect has an empty
 *    list), with its totals due and overdue.
 */
export async function collectionList(ctx: Context, q: CollectionQuery) {
  const asOf = q.asOf ?? ctx.today;
  if (asOf > ctx.today) throw futureDate('asOf', ctx.today);
  if (levelOf(q.townshipId) !== 'township') throw new ValidationFailed('must be a township office', 'townshipId', { rule: 'office_level', params: { levels: ['township'] } });
  if (!isWithin(q.townshipId, ctx.caller.officeId)) throw new Forbidden(`township ${q.townshipId} is outside your office ${ctx.caller.officeId}`);
  const districtId = ancestorAt(q.townshipId, 'district')!;
  const monthEnd = `${asOf.slice(0, 8)}${String(daysInMonth(Number(asOf.slice(0, 4)), Number(asOf.slice(5, 7)))).padStart(2, '0')}`;
  const [offices, loans] = await Promise.all([officeSubtree(q.townshipId), loansOutInTownship(districtId, q.townshipId, monthEnd)]);
  const lines = new Map<string, CollectionLine[]>();
  for (const loan of loans) {
    if (!loan.dueOn || loan.balanceFen <= 0) continue;
    const overdue = loan.dueOn < asOf;
    const line: CollectionLine = {
      loanId: loan.id,
      ...(loan.agreementNo ? { agreementNo: loan.agreementNo } : {}),
      motherName: loan.mother.name,
      dueOn: loan.dueOn,
      principalFen: loan.principalFen,
      balanceFen: loan.balanceFen,
      daysPastDue: overdue ? daysBetween(loan.dueOn, asOf) : 0,
      state: overdue ? 'overdue' : 'due_this_month',
    };
    lines.set(loan.villageId, [...(lines.get(loan.villageId) ?? []), line]);
  }
  const villages = offices
    .filter((o) => o.level === 'village')
    .sort((a, b) => a.id.localeCompare(b.id))
    .map((v) => {
      const list = (lines.get(v.id) ?? []).sort((a, b) => a.dueOn.localeCompare(b.dueOn) || a.motherName.localeCompare(b.motherName));
      const sum = (state: CollectionLine['state']) => list.filter((l) => l.state === state).reduce((s, l) => s + l.balanceFen, 0);
      return { officeId: v.id, name: v.name, ...(v.kind ? { kind: v.kind } : {}), loans: list, totals: { dueFen: sum('due_this_month'), overdueFen: sum('overdue') } };
    });
  return { asOf, townshipId: q.townshipId, villages };
}
