/**
 * Controls an insider cannot bend (issue 18), against DynamoDB Local, each district made here:
 * the ledger dry run is no ID oracle (and staging reports the crossing in both districts), a
 * receipt imported from a ledger is a 409 like any other (also one written before receipts
 * kept their office), the look-alike spellings of a receipt are refused, names with invisible
 * characters are refused, another district's loans are only counted on an application page,
 * no id a committee or field user sees hides an unkeyed hash of an ID number, and the
 * re-keying script moves ledger ids derived under an old key.
 */
import { createHash, randomInt } from 'node:crypto';
import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { beforeAll, describe, expect, it } from 'vitest';
import { backfillReceipts } from '../../scripts/lib/backfill-receipts.ts';
import { legacyImportedApplicationId, legacyLedgerLoanId, rekeyDerivedIds } from '../../scripts/lib/rekey-ids.ts';
import { oldMotherKeyOf, rekeyMothers } from '../../scripts/lib/rekey-mothers.ts';
import { addDays } from '../../shared/domain/dates.ts';
import { ledgerRecordId } from '../../shared/domain/ledger-records.ts';
import { residentIdCheckChar } from '../../shared/domain/resident-id.ts';
import { documentClient, recordsTable } from '../../shared/store/client.ts';
import { keys, motherKey } from '../../shared/store/keys.ts';
import { motherKeySecret, useMotherKey } from '../../shared/store/mother-key.ts';
import { getRecord } from '../../shared/store/records.ts';
import { call, tokens, type Answer } from '../support/api.ts';
import { today } from '../support/fixtures.ts';
import { generateLedger, ledgerBody, type GeneratedLedger } from '../support/ledger-fixture.ts';

interface District {
  id: string;
  villages: string[];
  tokens: { district: string; committee: string; township: string; field: string };
}

async function newDistrict(): Promise<District> {
  const n = randomInt(1e9);
  const id = `lhasa.insider-${n}`;
  const committee = await tokens.sign({ username: 'committee', role: 'committee', officeId: 'lhasa' });
  for (const [office, name] of [
    [id, '内控测试区'],
    [`${id}.tw1`, '一乡'],
    [`${id}.tw1.v1`, '一村'],
    [`${id}.tw1.v2`, '二村'],
  ] as const)
    expect((await call(null, 'POST', '/offices', { id: office, name }, { token: committee })).status).toBe(201);
  return {
    id,
    villages: [`${id}.tw1.v1`, `${id}.tw1.v2`],
    tokens: {
      committee,
      district: await tokens.sign({ username: `insider-clerk-${n}`, role: 'district', officeId: id }),
      township: await tokens.sign({ username: `insider-tw-${n}`, role: 'township', officeId: `${id}.tw1` }),
      field: await tokens.sign({ username: `insider-field-${n}`, role: 'field', officeId: id }),
    },
  };
}

const as = (token: string) => ({
  get: (path: string, query?: Record<string, string>) => call(null, 'GET', path, undefined, { token, query }),
  post: (path: string, body?: unknown) => call(null, 'POST', path, body, { token }),
});

function ok(res: Answer, status = 200): Answer {
  expect(res.status, JSON.stringify(res.body).slice(0, 1500)).toBe(status);
  return res;
}

/** A district with its ledger imported and applied (one round, four loans, ASCII receipts). */
async function importedDistrict(): Promise<{ d: District; g: GeneratedLedger; loans: { id: string; residentId: string; roundId: string; status: string }[] }> {
  const d = await newDistrict();
  const g = generateLedger({ villages: d.villages, rounds: 1, loans: 4, repayments: 8, receiptPrefix: `CGT${randomInt(1e6)}` });
  const staged = ok(await as(d.tokens.district).post('/ledger-imports', ledgerBody(d.id, g, { dryRun: false }))).body;
  let batch = ok(await as(d.tokens.committee).post(`/ledger-imports/${staged.batchId}/approval`, { decision: 'approve' })).body;
  while (batch.status === 'applying') batch = ok(await as(d.tokens.committee).post(`/ledger-imports/${staged.batchId}/apply`)).body;
  expect(batch.status).toBe('applied');
  const page = ok(await as(d.tokens.district).get('/loans', { districtId: d.id, limit: '100' })).body;
  const loans = await Promise.all(
    (page.items as { id: string }[]).map(async (l) => {
      const loan = (await getRecord<{ id: string; mother: { residentId: string }; roundId: string; status: string }>(keys.loan(l.id)))!;
      return { id: loan.id, residentId: loan.mother.residentId, roundId: loan.roundId, status: loan.status };
    }),
  );
  return { d, g, loans };
}

const exceptionsOf = async (d: District, kind: string) =>
  ok(await as(d.tokens.committee).get('/reports/exceptions', { districtId: d.id, from: addDays(today(), -1), kind })).body.items as { kind: string; recordId: string; data: Record<string, unknown> }[];

let a: Awaited<ReturnType<typeof importedDistrict>>;
beforeAll(async () => {
  a = await importedDistrict();
}, 120_000);

describe('a receipt that came from a ledger', () => {
  it('reused for a repayment is 409 duplicate_receipt, also when its record predates officeId (then backfilled), and is in the exceptions report', async () => {
    const open = a.loans.find((l) => l.status === 'active')!;
    const gen = a.g.loans.find((l) => l.residentId === open.residentId)!;
    const receiptNo = gen.repayments[0]!.receiptNo;
    const townshipId = `${a.d.id}.tw1`;
    const repay = (r: string) => call(null, 'POST', `/loans/${open.id}/repayments`, { paidOn: today(), amountFen: 100, receiptNo: r }, { token: a.d.tokens.township });

    const first = await repay(receiptNo);
    expect(first.status).toBe(409);
    expect(first.body.error).toMatchObject({ code: 'duplicate_receipt', field: 'receiptNo' });
    expect(await getRecord(keys.receipt(townshipId, receiptNo))).toMatchObject({ officeId: gen.villageId, recordedAt: expect.any(String) });

    // a receipt record as ledger imports wrote them before: no office, no date
    await documentClient().send(new UpdateCommand({ TableName: recordsTable(), Key: keys.receipt(townshipId, receiptNo), UpdateExpression: 'REMOVE officeId, recordedAt' }));
    const old = await repay(receiptNo.toLowerCase());
    expect(old.status).toBe(409);
    expect(old.body.error.code).toBe('duplicate_receipt');
    expect((await backfillReceipts({ dryRun: false })).filled).toBeGreaterThanOrEqual(1);
    expect(await getRecord(keys.receipt(townshipId, receiptNo))).toMatchObject({ officeId: gen.villageId, recordedAt: expect.any(String) });

    const refused = (await exceptionsOf(a.d, 'duplicate_receipt')).filter((e) => e.recordId === open.id);
    expect(refused).toHaveLength(2);
    expect(refused[0]!.data).toMatchObject({ ledgerImportId: expect.any(String) });
  });

  it('the seven look-alike spellings of a recorded receipt are refused; the balance moves once', async () => {
    const open = a.loans.find((l) => l.status === 'active')!;
    const before = ok(await as(a.d.tokens.district).get(`/loans/${open.id}`)).body.balanceFen as number;
    const n = randomInt(1e6);
    const repay = (r: string) => call(null, 'POST', `/loans/${open.id}/repayments`, { paidOn: today(), amountFen: 100, receiptNo: r }, { token: a.d.tokens.township });
    ok(await repay(`SJ-${n}`), 201);
    const variants = [`S\u200DJ-${n}`, `S\u200CJ-${n}`, `S\u2063J-${n}`, `S\u034FJ-${n}`, `SJ\uFE0F-${n}`, `\u0405\u0408-${n}`, `SJ\u2010${n}`];
    for (const v of variants) {
      const res = await repay(v);
      expect([400, 409], JSON.stringify(v)).toContain(res.status);
      expect(res.body.error.field, JSON.stringify(v)).toBe('receiptNo');
    }
    expect(ok(await as(a.d.tokens.district).get(`/loans/${open.id}`)).body.balanceFen).toBe(before - 100);
    const bad = await repay(`NO.${n}`);
    expect(bad.status).toBe(400);
    expect(bad.body.error).toMatchObject({ field: 'receiptNo', rule: 'receipt_characters' });
  });
});

describe('free text', () => {
  it('a mother’s name with U+200D, U+2063, U+3164, U+E0041, U+FE0F, U+034F or U+200C is refused naming the field', async () => {
    const round = ok(
      await as(a.d.tokens.committee).post('/rounds', { districtId: a.d.id, name: `文本 ${randomInt(1e6)}`, openedOn: addDays(today(), -30), capitalFen: 10_000_000, grantFen: 10_000_000 }),
      201,
    ).body;
    for (const name of ['卓\u200D玛', '卓\u2063玛', '卓\u3164玛', '卓玛\u{E0041}', '卓玛\uFE0F', '卓\u034F玛', '卓\u200C玛']) {
      const res = await as(a.d.tokens.district).post('/applications', {
        roundId: round.id,
        submittedOn: addDays(today(), -5),
        consent: { givenOn: addDays(today(), -5), takenBy: '格桑' },
        villageId: a.d.villages[0],
        mother: { name, residentId: '540102198501011234' },
        householdSize: 4,
        householdAnnualIncomeFen: 1_200_000,
        villagePerCapitaIncomeFen: 400_000,
        familyPlanning: 'two_daughters',
        project: { type: 'livestock', description: '养殖', expectedAnnualReturnFen: 800_000 },
        amountRequestedFen: 1_000_000,
      });
      expect(res.status, JSON.stringify(name)).toBe(400);
      expect(res.body.error.field, JSON.stringify(name)).toBe('mother.name');
    }
  });
});

describe('no ID oracle across districts', () => {
  it('the ledger dry run answers the same for an ID with an open loan in another district as for an unused one; staging refuses it and both districts’ exceptions list it', async () => {
    const b = await newDistrict();
    const elsewhere = a.loans.find((l) => l.status === 'active')!;
    const g = generateLedger({ villages: b.villages, rounds: 1, loans: 2, repayments: 4, receiptPrefix: `B${randomInt(1e6)}` });
    // both of B's loans are still open: one mother's ID is the one with an open loan in A, the other unused
    const other = g.loans[1]!;
    const files = (ids: [string, string]) => {
      const text = (t: string) => t.replaceAll(g.loans[0]!.residentId, ids[0]).replaceAll(other.residentId, ids[1]);
      return { ...g.files, loans: text(g.files.loans), repayments: text(g.files.repayments), writeOffs: text(g.files.writeOffs) };
    };
    const unused = (() => {
      const first17 = `5401${String(randomInt(10, 99))}19800101${String(randomInt(1000)).padStart(3, '0')}`;
      return first17 + residentIdCheckChar(first17);
    })();
    const dry = ok(await as(b.tokens.district).post('/ledger-imports', { ...ledgerBody(b.id, g), ...files([elsewhere.residentId, unused]) })).body;
    const swapped = ok(await as(b.tokens.district).post('/ledger-imports', { ...ledgerBody(b.id, g), ...files([unused, elsewhere.residentId]) })).body;
    const loanRows = (r: { rows: { file: string; row: number; status: string }[] }) => r.rows.filter((x) => x.file === 'loans').map((x) => x.status);
    expect(loanRows(dry)).toEqual(['accepted', 'accepted']);
    expect(loanRows(swapped)).toEqual(loanRows(dry));
    expect({ ...dry, rows: undefined }).toEqual({ ...swapped, rows: undefined });

    const staged = await as(b.tokens.district).post('/ledger-imports', { ...ledgerBody(b.id, g, { dryRun: false }), ...files([elsewhere.residentId, unused]) });
    expect(staged.status).toBe(409);
    expect(staged.body.error.code).toBe('ledger_rows_refused');
    const here = (await exceptionsOf(b, 'cross_district_application')).filter((e) => e.data.via === 'ledger');
    const there = (await exceptionsOf(a.d, 'cross_district_application')).filter((e) => e.data.via === 'ledger' && e.data.submittingDistrictId === b.id);
    expect(here).toHaveLength(1);
    expect(here[0]!.recordId).toBe('');
    expect(there).toHaveLength(1);
    expect(there[0]!.recordId).toBe(elsewhere.id);
    // every bulk check of IDs left a trace, counts only
    const checks = await exceptionsOf(b, 'bulk_id_check');
    expect(checks).toHaveLength(3);
    expect(checks.map((c) => c.data)).toEqual(expect.arrayContaining([expect.objectContaining({ via: 'ledger_import', dryRun: true, ids: 2 }), expect.objectContaining({ dryRun: false, ids: 2 })]));
    expect(JSON.stringify(checks)).not.toContain(unused);
  });

  it('an application page shows another district’s loans only as a count and whether all were repaid', async () => {
    const repaid = a.loans.find((l) => l.status === 'repaid');
    const source = repaid ?? a.loans[0]!;
    const round = ok(
      await as(a.d.tokens.committee).post('/rounds', { districtId: 'lhasa.chengguan', name: `跨区 ${randomInt(1e6)}`, openedOn: addDays(today(), -30), capitalFen: 10_000_000, grantFen: 10_000_000 }),
      201,
    ).body;
    const res = await call('district', 'POST', '/applications', {
      roundId: round.id,
      submittedOn: addDays(today(), -5),
      consent: { givenOn: addDays(today(), -5), takenBy: '格桑' },
      villageId: 'lhasa.chengguan.caigongtang.zhiba',
      mother: { name: '央金', residentId: source.residentId },
      householdSize: 4,
      householdAnnualIncomeFen: 1_200_000,
      villagePerCapitaIncomeFen: 400_000,
      familyPlanning: 'two_daughters',
      project: { type: 'livestock', description: '养殖', expectedAnnualReturnFen: 800_000 },
      amountRequestedFen: 1_000_000,
    });
    if (!repaid) return expect(res.status).toBe(409); // her loan in the other district is still open
    ok(res, 201);
    const file = ok(await call('district', 'GET', `/applications/${res.body.id}`)).body;
    expect(file.earlierLoans).toEqual([]);
    expect(file.earlierLoansElsewhere).toEqual({ count: 1, allRepaid: true });
    expect(JSON.stringify(file)).not.toContain(source.id);
  });
});

describe('ids carry no personal data', () => {
  /** Candidates sharing the masked ID's visible ends (region 5401.., last four), the true one among them. */
  function candidates(residentId: string): string[] {
    const out = [residentId];
    for (let day = 0; out.length < 400; day++) {
      const birth = addDays('1975-01-01', day).replaceAll('-', '');
      const first17 = `${residentId.slice(0, 6)}${birth}${residentId.slice(14, 17)}`;
      const id = first17 + residentIdCheckChar(first17);
      if (id !== residentId) out.push(id);
    }
    return out;
  }
  /** What an enumerator computes from a candidate: every unkeyed derivation the system ever used. */
  const unkeyed = (roundId: string, disbursedOn: string | undefined, c: string) => [
    ...(disbursedOn ? [legacyLedgerLoanId(disbursedOn, roundId, c).slice(10)] : []),
    legacyImportedApplicationId(roundId, c).slice(10),
    createHash('sha256').update(c).digest('hex').slice(0, 16).toUpperCase(),
    createHash('sha256').update(`happiness-project:${c}`).digest('hex').slice(0, 32),
  ];

  it('no id a committee or field user receives contains an unkeyed hash of an ID number (the enumeration is tried)', async () => {
    for (const who of [a.d.tokens.committee, a.d.tokens.field]) {
      const seen = new Set<string>();
      const collect = (v: unknown) => {
        for (const m of JSON.stringify(v).matchAll(/[0-9A-Za-z]{16,}/g)) seen.add(m[0]);
      };
      const list = ok(await as(who).get('/loans', { districtId: a.d.id, limit: '100' })).body;
      collect(list);
      const files = await Promise.all((list.items as { id: string }[]).map(async (l) => ok(await as(who).get(`/loans/${l.id}`)).body));
      files.forEach(collect);
      expect(seen.size).toBeGreaterThan(4);
      for (const f of files) {
        expect(f.mother.residentId ?? f.residentIdMasked ?? '').not.toMatch(/^\d{17}[\dX]$/);
        const truth = a.loans.find((l) => l.id === f.id)!;
        const tried = candidates(truth.residentId).flatMap((c) => unkeyed(truth.roundId, f.disbursement?.disbursedOn, c));
        const hits = [...seen].filter((s) => tried.some((t) => s.includes(t)));
        expect(hits).toEqual([]);
      }
    }
    // the control: the same enumeration finds an id derived the old way
    const l = a.loans[0]!;
    const disbursedOn = (await getRecord<{ disbursement: { disbursedOn: string } }>(keys.loan(l.id)))!.disbursement.disbursedOn;
    const legacy = legacyLedgerLoanId(disbursedOn, l.roundId, l.residentId);
    expect(candidates(l.residentId).some((c) => legacy.includes(unkeyed(l.roundId, disbursedOn, c)[0]!))).toBe(true);
    expect(l.id).toBe(ledgerRecordId(disbursedOn, 'loan', l.roundId, motherKey(l.residentId)));
  });

  it('the re-keying script moves a ledger written under an old key to ids from the current key', async () => {
    const current = motherKeySecret().toString('utf8');
    const oldKey = `old-${randomInt(1e9)}`;
    useMotherKey(oldKey);
    let c: Awaited<ReturnType<typeof importedDistrict>>;
    try {
      c = await importedDistrict();
    } finally {
      useMotherKey(current);
    }
    const before = c.loans[0]!;
    const disbursedOn = (await getRecord<{ disbursement: { disbursedOn: string } }>(keys.loan(before.id)))!.disbursement.disbursedOn;
    const next = ledgerRecordId(disbursedOn, 'loan', before.roundId, motherKey(before.residentId));
    expect(before.id).not.toBe(next);

    await rekeyMothers({ oldMotherKey: oldMotherKeyOf(oldKey), dryRun: false });
    const counts = await rekeyDerivedIds({ oldMotherKey: oldMotherKeyOf(oldKey), dryRun: false });
    expect(counts.ids).toBeGreaterThanOrEqual(c.loans.length);

    expect(await getRecord(keys.loan(before.id))).toBeUndefined();
    const moved = ok(await as(c.d.tokens.district).get(`/loans/${next}`)).body;
    expect(moved).toMatchObject({ id: next, roundId: before.roundId });
    expect(moved.repayments.length).toBeGreaterThan(0);
    for (const r of moved.repayments as { loanId: string }[]) expect(r.loanId).toBe(next);
    const gen = c.g.loans.find((l) => l.residentId === before.residentId)!;
    expect(await getRecord(keys.receipt(`${c.d.id}.tw1`, gen.repayments[0]!.receiptNo))).toMatchObject({ loanId: next });
    const list = ok(await as(c.d.tokens.district).get('/loans', { districtId: c.d.id, limit: '100' })).body.items as { id: string }[];
    expect(list.map((l) => l.id)).toContain(next);
    expect(list.map((l) => l.id)).not.toContain(before.id);
    // again: nothing left to do
    expect((await rekeyDerivedIds({ oldMotherKey: oldMotherKeyOf(oldKey), dryRun: false })).ids).toBe(0);
  }, 120_000);
});
