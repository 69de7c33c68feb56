/** The collection list for collection day: per village what is due this month and overdue, with totals that add up. */
import { describe, expect, it } from 'vitest';
import { collectionSheet } from '../../web/src/print/collection.ts';
import { collectionReport } from './print-fixtures.ts';

describe('collectionSheet', () => {
  it('totals each village from its own loans: due this month, overdue, to collect', () => {
    const sheet = collectionSheet(collectionReport);

    const zhiba = sheet.villages.find((v) => v.name === '支巴村')!;
    expect(zhiba.totals).toEqual({ dueFen: 649_950 + 1_500_000, overdueFen: 300_000 + 120_000, toCollectFen: 2_569_950, loans: 4 });
    expect(zhiba.totalsAgree).toBe(true);
  });

  it('totals the township across its villages', () => {
    const sheet = collectionSheet(collectionReport);

    expect(sheet.totals).toEqual({ dueFen: 3_349_950, overdueFen: 420_000, toCollectFen: 3_769_950, loans: 5, villages: 2 });
  });

  it('lists overdue loans first, longest overdue first, then those due this month by due date', () => {
    const sheet = collectionSheet(collectionReport);

    expect(sheet.villages[0]!.loans.map((l) => l.motherName)).toEqual(['次仁央宗', '德吉', '卓玛', '白玛']);
  });

  it('leaves out a village with nothing to collect and keeps the report’s village order', () => {
    const sheet = collectionSheet(collectionReport);

    expect(sheet.villages.map((v) => v.name)).toEqual(['支巴村', '白定村']);
  });

  it('flags a village whose server totals do not match its lines', () => {
    const [zhiba, ...rest] = collectionReport.villages;
    const report = { ...collectionReport, villages: [{ ...zhiba!, totals: { dueFen: 2_149_950, overdueFen: 400_000 } }, ...rest] };

    const sheet = collectionSheet(report);

    expect(sheet.villages[0]!.totalsAgree).toBe(false);
    expect(sheet.villages[0]!.totals.overdueFen).toBe(420_000);
  });

  it('gives zero totals for a township with nothing due', () => {
    const sheet = collectionSheet({ ...collectionReport, villages: [] });

    expect(sheet.totals).toEqual({ dueFen: 0, overdueFen: 0, toCollectFen: 0, loans: 0, villages: 0 });
  });
});
