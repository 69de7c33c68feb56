/**
 * The donor report (公开报告): what the committee publishes for a year or a programme period.
 * Computed from the report aggregates (O(groups), never O(loans)), with no personal data:
 * districts of fewer than 5 mothers are merged into "其他" (or left to the total), and stories
 * appear only for mothers who gave a separate publicity consent, under the name they agreed to.
 * A published report is a frozen JSON snapshot: later data never changes it.
 */
import type * as z from 'zod/mini';
import { basisPoints, componentsAsOf, type Components, type Sums } from '../domain/aggregates.ts';
import { addDays } from '../domain/dates.ts';
import { NotFound, ValidationFailed, futureDate } from '../domain/errors.ts';
import { mergeSmallGroups, MIN_GROUP, ReportGroupTooSmall, type PublicReportInput } from '../domain/outreach.ts';
import type { PublicFigures, PublicReport, PublicReportList } from '../domain/outreach-responses.ts';
import { readSumsOf } from '../store/aggregates.ts';
import { officeSubtree } from '../store/offices.ts';
import { getRecord, outreachKeys, queryBetween, queryPrefix } from '../store/outreach.ts';
import { allRounds } from '../store/rounds.ts';
import { Transaction } from '../store/transaction.ts';
import { newId, type Context } from './context.ts';
import { inParallel } from './in-parallel.ts';
import { ancestorAt, isWithin } from '../domain/offices.ts';

type Report = z.output<typeof PublicReport>;
type Figures = z.output<typeof PublicFigures>;
type Listing = z.output<typeof PublicReportList>['items'][number];

/** The components the donor report shows: every sum as of one date, without the ageing of overdue loans (the report shows none). */
type Flows = Omit<Components, 'pastDueFen' | 'pastDueLoans'>;

/**
 * A group's flows as of `asOf`, from sums read at `asOf` only: the ageing's cutoffs (1 to 181
 * days before, which `componentsAsOf` also computes) are never read for the donor report, so
 * they count as nothing here and are left out of the answer.
 */
function flowsAsOf(sums: Sums, asOf: string): Flows {
  const { pastDueFen: _fen, pastDueLoans: _loans, ...flows } = componentsAsOf((metric, cutoff) => (cutoff === asOf ? sums(metric, cutoff) : 0), asOf);
  return flows;
}

const noFlows = (): Flows => flowsAsOf(() => 0, '2000-01-01');

function addFlows(a: Flows, b: Flows): Flows {
  const out = { ...a };
  for (const key of Object.keys(a) as (keyof Flows)[]) out[key] = a[key] + b[key];
  return out;
}

/** Districts read at once: each takes up to five calls (months, the days of `to`'s and of the day before `from`'s month, rounds, consents), within the SDK's 50 sockets. */
const DISTRICTS_AT_ONCE = 10;

/** The period's figures of a district: flows between `from` and `to`; the two ratios since the programme began. */
function figures(atTo: Flows, beforeFrom: Flows, grantedInPeriod: number, grantedToDate: number): Figures {
  const d = (k: keyof Flows) => atTo[k] - beforeFrom[k];
  const lent = d('disbursedFen');
  return {
    grantedFen: grantedInPeriod,
    lentFen: lent,
    repaidFen: d('repaidFen'),
    relentFen: Math.max(0, lent - grantedInPeriod),
    timesLentBp: basisPoints(atTo.disbursedFen, grantedToDate),
    repaymentRateBp: basisPoints(atTo.repaidOnDueLoansFen, atTo.fallenDueFen),
    mothers: d('mothers'),
    householdMembers: d('householdMembers'),
    villages: d('villages'),
    incomeGainedFen: d('incomeGainedFen'),
    leftPoverty: d('leftPoverty'),
    povertyExitRateBp: basisPoints(d('leftPoverty'), d('finalEvaluations')),
    womenChecked: d('womenChecked'),
    illnessesFound: d('illnessesFound'),
    illnessesCured: d('illnessesCured'),
    trainingSessions: d('trainingSessions'),
    mothersTrained: d('mothersTrained'),
  };
}

interface DistrictPart {
  label: string;
  atTo: Flows;
  beforeFrom: Flows;
  grantedInPeriod: number;
  grantedToDate: number;
}

const figuresOf = (p: DistrictPart) => figures(p.atTo, p.beforeFrom, p.grantedInPeriod, p.grantedToDate);

/**
 * computePublicReport: the report as it would be published (nothing stored).
 * 1. the period is valid (from ≤ to ≤ today);
 * 2. the offices of the caller's programme, read once: its districts (the caller's own, or every
 *    district of her subtree) and their names;
 * 3. per district, ten at a time: the aggregates at `to` and the day before `from` in one read
 *    of its items (the months up to `to`, and per date the fewer of its month's days), the
 *    rounds' grants by source, and the publicity consents;
 * 4. districts of fewer than 5 mothers are merged into "其他" (suppressed if even that is under 5);
 * 5. stories only of mothers with a publicity consent given by `to`, under the name she agreed to.
 */
export async function computePublicReport(ctx: Context, input: PublicReportInput, id = 'preview'): Promise<Report> {
  if (input.to > ctx.today) throw futureDate('to', ctx.today);
  if (input.from > input.to) throw new ValidationFailed(`must not be after ${input.to}`, 'from', { rule: 'from_after_to', params: { date: input.to } });
  const dayBefore = addDays(input.from, -1);
  const programme = await officeSubtree(ctx.caller.officeId.split('.')[0]!);
  const offices = new Map(programme.map((o) => [o.id, o]));
  // the districts the caller sees (as `districtsFor`): her own, or those of her subtree
  const own = ancestorAt(ctx.caller.officeId, 'district');
  const districts = own ? [own] : programme.filter((o) => o.level === 'district' && isWithin(o.id, ctx.caller.officeId)).map((o) => o.id);
  const sources = new Map<string, number>();
  const read = await inParallel(districts, DISTRICTS_AT_ONCE, async (districtId) => {
    const group = `district#${districtId}`;
    const [sums, rounds, consents] = await Promise.all([
      readSumsOf([group], input.to, [input.to, dayBefore]),
      allRounds([districtId]),
      queryPrefix<{ consent: { givenOn: string; publicName?: string; story?: string } }>(`CONSENTS#${districtId}`, 'publicity#'),
    ]);
    return { districtId, sums: sums.get(group)!, rounds, consents };
  });
  const parts: DistrictPart[] = read.map(({ districtId, sums, rounds }) => {
    const atTo = flowsAsOf(sums, input.to);
    const beforeFrom = flowsAsOf(sums, dayBefore);
    let grantedInPeriod = 0;
    let grantedToDate = 0;
    for (const r of rounds.filter((x) => x.openedOn <= input.to)) {
      // a round taken in from a paper ledger may carry no grant: it counts as none (not NaN)
      const grantFen = r.grantFen ?? 0;
      grantedToDate += grantFen;
      if (r.openedOn < input.from) continue;
      grantedInPeriod += grantFen;
      const listed = r.grants?.length ? r.grants : grantFen > 0 ? [{ source: '', amountFen: grantFen }] : [];
      for (const g of listed) sources.set(g.source, (sources.get(g.source) ?? 0) + g.amountFen);
    }
    return { label: offices.get(districtId)?.name ?? districtId, atTo, beforeFrom, grantedInPeriod, grantedToDate };
  });
  const total: DistrictPart = parts.reduce(
    (a, p) => ({
      label: '',
      atTo: addFlows(a.atTo, p.atTo),
      beforeFrom: addFlows(a.beforeFrom, p.beforeFrom),
      grantedInPeriod: a.grantedInPeriod + p.grantedInPeriod,
      grantedToDate: a.grantedToDate + p.grantedToDate,
    }),
    { label: '', atTo: noFlows(), beforeFrom: noFlows(), grantedInPeriod: 0, grantedToDate: 0 },
  );
  const rows = parts.map((p) => ({ part: p, mothers: figuresOf(p).mothers }));
  const merged = mergeSmallGroups(rows, (small) => {
    const part = small.reduce(
      (a, { part: p }) => ({
        label: '其他',
        atTo: addFlows(a.atTo, p.atTo),
        beforeFrom: addFlows(a.beforeFrom, p.beforeFrom),
        grantedInPeriod: a.grantedInPeriod + p.grantedInPeriod,
        grantedToDate: a.grantedToDate + p.grantedToDate,
      }),
      { label: '其他', atTo: noFlows(), beforeFrom: noFlows(), grantedInPeriod: 0, grantedToDate: 0 } as DistrictPart,
    );
    return { part, mothers: figuresOf(part).mothers };
  });

  const stories = read.flatMap(({ districtId, consents }) =>
    consents
      .filter((c) => c.consent.givenOn <= input.to && c.consent.publicName && c.consent.story)
      .map((c) => ({ name: c.consent.publicName!, story: c.consent.story!, district: offices.get(districtId)?.name ?? districtId })),
  );

  return {
    id,
    status: 'preview',
    title: input.title,
    from: input.from,
    to: input.to,
    sources: [...sources].map(([source, amountFen]) => ({ source, amountFen })).sort((a, b) => b.amountFen - a.amountFen),
    total: figuresOf(total),
    districts: merged.rows.map(({ part }) => ({ label: part.label, merged: part.label === '其他' && merged.merged > 0, ...figuresOf(part) })),
    suppressedDistricts: merged.suppressed ? merged.merged : 0,
    stories,
  };
}

/**
 * publishPublicReport: freezes the report as computed now.
 * 1. computed as in the preview; refused when the whole report covers fewer than 5 mothers (`report_group_too_small`);
 * 2. the snapshot is stored whole (later data never changes it) with a listing item for the public list.
 */
export async function publishPublicReport(ctx: Context, input: PublicReportInput): Promise<Report> {
  const id = newId();
  const computed = await computePublicReport(ctx, input, id);
  if (computed.total.mothers < MIN_GROUP) throw new ReportGroupTooSmall(computed.total.mothers);
  const report: Report = { ...computed, status: 'published', publishedOn: ctx.today };
  const publishedAt = ctx.now.toISOString();
  const listing: Listing = { id, title: report.title, from: report.from, to: report.to, publishedOn: ctx.today, status: 'published' };
  const tx = new Transaction();
  tx.create({ ...outreachKeys.publicReport(id), type: 'PUBLICREPORT', report, publishedAt, publishedBy: ctx.caller.username, status: 'published' });
  tx.create({ ...outreachKeys.publicReportListing(publishedAt, id), type: 'PUBLICREPORTLISTING', ...listing });
  return tx.commit(report, ctx.idempotency);
}

interface Stored {
  report: Report;
  publishedAt: string;
  status: 'published' | 'withdrawn';
}

/** withdrawPublicReport: the committee takes a report down; the public route answers 404 from then on. */
export async function withdrawPublicReport(ctx: Context, id: string): Promise<Report> {
  const stored = await getRecord<Stored>(outreachKeys.publicReport(id));
  if (!stored) throw new NotFound('public report', id);
  const report: Report = { ...stored.report, status: 'withdrawn' };
  const tx = new Transaction();
  const set = { expression: 'SET #status = :s', names: { '#status': 'status' }, values: { ':s': 'withdrawn' } };
  tx.update(
    outreachKeys.publicReport(id),
    { expression: 'SET #status = :s, #report = :r', names: { '#status': 'status', '#report': 'report' }, values: { ':s': 'withdrawn', ':r': report } },
    {
      expression: '#status = :published',
      values: { ':published': 'published' },
      onFail: () => new NotFound('public report', id),
    },
  );
  tx.update(outreachKeys.publicReportListing(stored.publishedAt, id), set);
  return tx.commit(report, ctx.idempotency);
}

/** publicReport: a published report, read without sign-in; a withdrawn or unknown one is 404. */
export async function publicReport(id: string): Promise<Report> {
  const stored = await getRecord<Stored>(outreachKeys.publicReport(id));
  if (stored?.status !== 'published') throw new NotFound('public report', id);
  return stored.report;
}

/** publicReports: the published reports, newest first (one Query of the listing partition). */
export async function publicReports(): Promise<{ items: Listing[] }> {
  const items = await queryBetween<Listing & { type?: string }>('PUBLICREPORTS');
  return {
    items: items
      .filter((i) => i.status === 'published')
      .map(({ type: _t, ...i }) => i)
      .reverse(),
  };
}
