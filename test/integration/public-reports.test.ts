/**
 * The donor report's figures for any period, against the same figures computed by hand from
 * the records of two districts' ledgers (a committee of the test's own, so the report covers
 * these two districts only): money granted, lent and repaid in the period, mothers, household
 * members and villages first reached in it, and the two ratios since the programme began. The
 * periods start and end on the first, a middle and the last day of a month, on the day of a
 * payment and the day after, so every way the report reads a district's day and month items
 * is taken.
 */
import { randomInt } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { ensureOffices } from '../../dev/offices.ts';
import { addDays, daysInMonth, todayInChina } from '../../shared/domain/dates.ts';
import type { Office } from '../../shared/domain/offices.ts';
import { call, tokens } from '../support/api.ts';
import { type GeneratedLedger, generateLedger, ledgerBody } from '../support/ledger-fixture.ts';

const root = `pr-${randomInt(1e9)}`;
const districtIds = [`${root}.east`, `${root}.west`];
const ledgers = new Map<string, GeneratedLedger>();
let committee: string;

const title = { 'zh-CN': '期间测试报告', bo: 'དུས་ཡུན་ཚོད་ལྟའི་སྙན་ཞུ།', en: 'Period test report' };
const bp = (n: number, d: number) => (d === 0 ? null : Math.round((n * 10_000) / d));

/** The figures of one district's ledger for the period, by the report's definitions. */
function byHand(g: GeneratedLedger, from: string, to: string) {
  const within = (date: string) => date >= from && date <= to;
  const firstLoanOf = new Map<string, GeneratedLedger['loans'][number]>();
  for (const l of [...g.loans].sort((a, b) => a.disbursedOn.localeCompare(b.disbursedOn))) if (!firstLoanOf.has(l.residentId)) firstLoanOf.set(l.residentId, l);
  const firsts = [...firstLoanOf.values()].filter((l) => within(l.disbursedOn));
  const lentToDate = g.loans.filter((l) => l.disbursedOn <= to).reduce((s, l) => s + l.principalFen, 0);
  const due = g.loans.filter((l) => l.dueOn <= to);
  return {
    grantedFen: g.rounds.filter((r) => within(r.openedOn)).reduce((s, r) => s + r.grantFen, 0),
    grantedToDate: g.rounds.filter((r) => r.openedOn <= to).reduce((s, r) => s + r.grantFen, 0),
    lentFen: g.loans.filter((l) => within(l.disbursedOn)).reduce((s, l) => s + l.principalFen, 0),
    lentToDate,
    repaidFen: g.loans.flatMap((l) => l.repayments).reduce((s, r) => s + (within(r.paidOn) ? r.amountFen : 0), 0),
    fallenDueFen: due.reduce((s, l) => s + l.principalFen, 0),
    repaidOnDueFen: due.flatMap((l) => l.repayments).reduce((s, r) => s + (r.paidOn <= to ? r.amountFen : 0), 0),
    mothers: firsts.length,
    householdMembers: firsts.reduce((s, l) => s + l.householdSize, 0),
    villages: [...new Set(g.loans.map((l) => l.villageId))].filter((v) =>
      within(
        g.loans
          .filter((l) => l.villageId === v)
          .map((l) => l.disbursedOn)
          .sort()[0]!,
      ),
    ).length,
  };
}

function expectedTotal(from: string, to: string) {
  const parts = [...ledgers.values()].map((g) => byHand(g, from, to));
  const sum = (k: keyof ReturnType<typeof byHand>) => parts.reduce((s, p) => s + p[k], 0);
  return {
    grantedFen: sum('grantedFen'),
    lentFen: sum('lentFen'),
    repaidFen: sum('repaidFen'),
    relentFen: Math.max(0, sum('lentFen') - sum('grantedFen')),
    timesLentBp: bp(sum('lentToDate'), sum('grantedToDate')),
    repaymentRateBp: bp(sum('repaidOnDueFen'), sum('fallenDueFen')),
    mothers: sum('mothers'),
    householdMembers: sum('householdMembers'),
    villages: sum('villages'),
  };
}

const monthStart = (date: string) => `${date.slice(0, 8)}01`;
const monthEnd = (date: string) => `${date.slice(0, 8)}${String(daysInMonth(Number(date.slice(0, 4)), Number(date.slice(5, 7)))).padStart(2, '0')}`;

beforeAll(async () => {
  await ensureOffices([
    { id: root, level: 'committee', name: '期间测试组委会' },
    ...districtIds.flatMap((id, i): Office[] => [
      { id, level: 'district', parentId: root, name: `期间测试${i + 1}区项目办`, abbreviation: `期间${i + 1}` },
      { id: `${id}.tw`, level: 'township', parentId: id, name: '期间乡', kind: 'township' },
      { id: `${id}.tw.v1`, level: 'village', parentId: `${id}.tw`, name: '期间一村', kind: 'village' },
      { id: `${id}.tw.v2`, level: 'village', parentId: `${id}.tw`, name: '期间二村', kind: 'village' },
    ]),
  ]);
  committee = await tokens.sign({ username: `${root}-committee`, role: 'committee', officeId: root });
  for (const id of districtIds) {
    const clerk = await tokens.sign({ username: `${root}-clerk-${id.split('.')[1]}`, role: 'district', officeId: id });
    const g = generateLedger({ villages: [`${id}.tw.v1`, `${id}.tw.v2`], rounds: 2, loans: 12, repayments: 36, receiptPrefix: `期${randomInt(1e6)}-` });
    const staged = await call(null, 'POST', '/ledger-imports', ledgerBody(id, g, { dryRun: false }), { token: clerk });
    expect(staged.body.batchId, JSON.stringify(staged.body)).toBeTruthy();
    let batch = await call(null, 'POST', `/ledger-imports/${staged.body.batchId}/approval`, { decision: 'approve' }, { token: committee });
    for (let i = 0; batch.body.status === 'applying' && i < 20; i++) batch = await call(null, 'POST', `/ledger-imports/${staged.body.batchId}/apply`, undefined, { token: committee });
    expect(batch.body.status, JSON.stringify(batch.body)).toBe('applied');
    ledgers.set(id, g);
  }
}, 180_000);

describe('the donor report of a period', () => {
  it('gives every figure of the period as the records give it, whatever days the period starts and ends on', async () => {
    const today = todayInChina();
    const dates = [...new Set([...ledgers.values()].flatMap((g) => g.loans.flatMap((l) => [l.disbursedOn, ...l.repayments.map((r) => r.paidOn)])))].sort();
    const m = dates[Math.floor(dates.length / 3)]!;
    const n = dates[Math.floor((2 * dates.length) / 3)]!;
    const periods: [string, string][] = [
      ['2000-01-01', today],
      [dates[0]!, today],
      [m, n],
      [addDays(m, 1), addDays(n, -1)],
      [monthStart(m), [monthEnd(n), today].sort()[0]!],
      [`${m.slice(0, 8)}25`, `${n.slice(0, 8)}10`],
      [addDays(monthEnd(m), 1), today],
      [n, n],
    ];
    expect(m.slice(0, 7) < n.slice(0, 7), 'the ledgers span months').toBe(true);
    for (const [from, to] of periods) {
      const answer = await call(null, 'POST', '/public-reports/preview', { from, to, title }, { token: committee });
      expect(answer.status, JSON.stringify(answer.body)).toBe(200);
      expect(answer.body.total, `${from} – ${to}`).toMatchObject(expectedTotal(from, to));
      expect(
        answer.body.sources.reduce((s: number, x: { amountFen: number }) => s + x.amountFen, 0),
        `${from} – ${to}: the sources`,
      ).toBe(expectedTotal(from, to).grantedFen);
    }
  });

  it('shows each district of at least five mothers in the period with its own figures', async () => {
    const today = todayInChina();
    const answer = await call(null, 'POST', '/public-reports/preview', { from: '2000-01-01', to: today, title }, { token: committee });
    expect(answer.status).toBe(200);
    expect(answer.body.districts.map((d: { label: string }) => d.label).sort()).toEqual(['期间测试1区项目办', '期间测试2区项目办']);
    for (const [i, id] of districtIds.entries()) {
      const h = byHand(ledgers.get(id)!, '2000-01-01', today);
      expect(answer.body.districts.find((d: { label: string }) => d.label === `期间测试${i + 1}区项目办`)).toMatchObject({
        merged: false,
        lentFen: h.lentFen,
        repaidFen: h.repaidFen,
        grantedFen: h.grantedFen,
        mothers: h.mothers,
        villages: h.villages,
      });
    }
  });
});
