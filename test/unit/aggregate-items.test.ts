/**
 * Where the report groups' counters live (shared/domain/aggregate-items.ts): every group of a
 * district in the district's day and month items, the district's own counters plain, the others'
 * prefixed; first-seen markers with a date per group.
 */
import { describe, expect, it } from 'vitest';
import { aggregateItems, COUNTER_CODES, counterName, firstSeenChanges, groupOfAttribute, markerUpdate, slotOf } from '../../shared/domain/aggregate-items.ts';
import { cutoffsOf, groupsOf } from '../../shared/domain/aggregates.ts';
import { dayRangeOf, joinRanges } from '../../shared/store/aggregates.ts';

const loan = {
  districtId: 'lhasa.chengguan',
  townshipId: 'lhasa.chengguan.caigongtang',
  roundId: '01JROUND',
  principalFen: 1_000_000,
  approvedOn: '2026-03-01',
  disbursedOn: '2026-03-05',
  dueOn: '2027-03-05',
};

describe('report groups in their district’s items', () => {
  it('each of a loan’s four groups has its district and its own prefix, and the prefix reads back as the group', () => {
    const groups = groupsOf(loan);
    expect(groups.map(slotOf)).toEqual([
      { districtId: 'lhasa.chengguan', prefix: '' },
      { districtId: 'lhasa.chengguan', prefix: 't#caigongtang#' },
      { districtId: 'lhasa.chengguan', prefix: 'r#01JROUND#' },
      { districtId: 'lhasa.chengguan', prefix: 'y#2026#' },
    ]);
    for (const group of groups) expect(groupOfAttribute('lhasa.chengguan', counterName(slotOf(group).prefix, 'repaidFen'))).toEqual({ group, counter: 'repaidFen' });
  });

  it('every counter has its own short code, read back as the counter; a name that is no counter is refused', () => {
    const codes = Object.values(COUNTER_CODES);
    expect(new Set(codes).size).toBe(codes.length);
    for (const [metric, code] of Object.entries(COUNTER_CODES)) {
      expect(code.length).toBeLessThanOrEqual(5);
      expect(groupOfAttribute('lhasa.chengguan', `t#caigongtang#${code}`)).toEqual({ group: 'township#lhasa.chengguan.caigongtang', counter: metric });
    }
    expect(counterName('', 'repaidFen')).toBe('repaidFen');
    expect(() => counterName('y#2026#', 'version')).toThrow(/not a report counter/);
  });

  it('a name that is no group is refused rather than written somewhere', () => {
    expect(() => slotOf('round#01JROUND')).toThrow(/not a report group/);
    expect(() => slotOf('township#lhasa')).toThrow(/not a report group/);
  });

  it('a change to four groups on two dates writes two day items and the month items of their months, once each', () => {
    const deltas = [
      { date: '2026-03-05', metrics: { disbursedLoans: 1, disbursedFen: 1_000_000 } },
      { date: '2027-03-05', metrics: { dueLoans: 1, dueFen: 1_000_000 } },
    ];
    const items = aggregateItems(groupsOf(loan).map((group) => ({ group, deltas })));
    expect(items.map((i) => i.sk)).toEqual(['D#2026-03-05', 'D#2027-03-05', 'M#2026-03', 'M#2027-03']);
    expect(new Set(items.map((i) => i.pk))).toEqual(new Set(['AGG#district#lhasa.chengguan']));
    expect(items[0]!.counters).toEqual({
      disbursedLoans: 1,
      disbursedFen: 1_000_000,
      't#caigongtang#dL': 1,
      't#caigongtang#dF': 1_000_000,
      'r#01JROUND#dL': 1,
      'r#01JROUND#dF': 1_000_000,
      'y#2026#dL': 1,
      'y#2026#dF': 1_000_000,
    });
  });

  it('deltas that cancel out write nothing', () => {
    const items = aggregateItems([
      {
        group: 'district#lhasa.chengguan',
        deltas: [
          { date: '2026-03-05', metrics: { mothers: 1 } },
          { date: '2026-03-05', metrics: { mothers: -1 } },
        ],
      },
    ]);
    expect(items).toEqual([]);
  });
});

describe('first-seen markers with a date per group', () => {
  const entries = (date: string) => groupsOf(loan).map((group) => ({ group, date, metrics: { mothers: 1, householdMembers: 4 } }));

  it('a mother seen for the first time is counted in every group on that date, each group on condition it has no date yet', () => {
    const { sets, deltas } = firstSeenChanges(undefined, entries('2026-03-05'));
    expect(sets).toHaveLength(4);
    expect(deltas.map((d) => d.deltas)).toEqual(Array(4).fill([{ date: '2026-03-05', metrics: { mothers: 1, householdMembers: 4 } }]));
    expect(markerUpdate(sets).condition).toBe('attribute_not_exists(#f0) AND attribute_not_exists(#f1) AND attribute_not_exists(#f2) AND attribute_not_exists(#f3)');
  });

  it('seen again later changes nothing; seen earlier moves the count of each group that had a later date', () => {
    const item = { firstOn: '2026-03-05', metrics: { mothers: 1, householdMembers: 4 }, 't#caigongtang#firstOn': '2026-03-01', 't#caigongtang#metrics': { mothers: 1, householdMembers: 4 } };
    expect(firstSeenChanges(item, entries('2026-04-01')).sets.filter((s) => s.expected !== undefined)).toEqual([]);
    const { sets, deltas } = firstSeenChanges(item, entries('2026-03-02'));
    // the district moves from 5 to 2 March; the township (1 March) stays; round and year are new
    expect(sets.map((s) => [s.prefix, s.seen.firstOn, s.expected])).toEqual([
      ['', '2026-03-02', '2026-03-05'],
      ['r#01JROUND#', '2026-03-02', undefined],
      ['y#2026#', '2026-03-02', undefined],
    ]);
    expect(deltas[0]).toEqual({
      group: 'district#lhasa.chengguan',
      deltas: [
        { date: '2026-03-05', metrics: { mothers: -1, householdMembers: -4 } },
        { date: '2026-03-02', metrics: { mothers: 1, householdMembers: 4 } },
      ],
    });
  });
});

describe('the days a report reads beside the months', () => {
  it('reads the fewer of a cutoff’s month’s days: those up to it, or those after it; none on the month’s last day', () => {
    expect(dayRangeOf('2026-03-05')).toEqual({ from: '2026-03-01', to: '2026-03-05', after: false });
    expect(dayRangeOf('2026-03-15')).toEqual({ from: '2026-03-01', to: '2026-03-15', after: false });
    expect(dayRangeOf('2026-03-16')).toEqual({ from: '2026-03-17', to: '2026-03-31', after: true });
    expect(dayRangeOf('2028-02-28')).toEqual({ from: '2028-02-29', to: '2028-02-29', after: true });
    expect(dayRangeOf('2026-02-28')).toBeUndefined();
    expect(dayRangeOf('2026-12-31')).toBeUndefined();
  });

  it('a report’s five cutoffs read each day once, in as few ranges as meet', () => {
    const ranges = cutoffsOf('2026-12-06')
      .map(dayRangeOf)
      .filter((r) => r !== undefined);
    expect(joinRanges(ranges)).toEqual([
      { from: '2026-06-01', to: '2026-06-08' },
      { from: '2026-09-01', to: '2026-09-06' },
      { from: '2026-11-01', to: '2026-11-05' },
      { from: '2026-12-01', to: '2026-12-06' },
    ]);
    expect(
      joinRanges([
        { from: '2026-03-01', to: '2026-03-05' },
        { from: '2026-03-06', to: '2026-03-09' },
        { from: '2026-03-02', to: '2026-03-03' },
      ]),
    ).toEqual([{ from: '2026-03-01', to: '2026-03-09' }]);
  });
});
