/**
 * Staging an office's ledger (`POST /ledger-imports`): the sheets read and checked row by row,
 * as a ledger, against the database and against the paper totals; a dry run answers there,
 * otherwise the batch is staged for the committee (`./ledger-apply.ts` writes it once approved).
 */
import { Conflict, Forbidden, ValidationFailed } from '../domain/errors.ts';
import { assembleLedger, grantsOf, ledgerTotals, totalDifferences, type RowVerdict } from '../domain/ledger-assemble.ts';
import { readLedger } from '../domain/ledger-read.ts';
import type { LedgerLoan } from '../domain/ledger-records.ts';
import type { LedgerImportInput, LedgerReport, LedgerRowError, LedgerRowResult } from '../domain/ledger-schemas.ts';
import { ancestorAt, isWithin, levelOf } from '../domain/offices.ts';
import { DEFAULT_LANG } from '../i18n/lang.ts';
import { ledgerRowErrorIn, ledgerStageText } from '../i18n/ledger-row-text.ts';
import { getFund } from '../store/fund.ts';
import { keys, motherKey } from '../store/keys.ts';
import { batchGetItems, keyString, ledgerKeys, putLedgerParts, stageNewLedgerBatch, type LedgerBatch, type LedgerNewRound } from '../store/ledger.ts';
import type { Loan } from '../domain/entities.ts';
import type { MotherRecord, OpenCase } from '../store/mothers.ts';
import { officeSubtree } from '../store/offices.ts';
import { allRounds } from '../store/rounds.ts';
import { Transaction } from '../store/transaction.ts';
import { actorOf, historyItem, newId, type Context } from './context.ts';
import { auditIdCheck } from './id-checks.ts';
import { stageException } from '../store/exceptions.ts';

/** Loans per stored part, and its size in JSON: a part holds its loans' repayments too, and an item at most 400 KB. */
const LOANS_PER_PART = 50;
const PART_BYTES = 200_000;

/** A loan row refused at staging because its mother has an open case in another district. */
interface LedgerCrossing {
  row: number;
  /** the village the ledger gives her */
  villageId: string;
  openCase: { kind: 'application' | 'loan'; id: string };
  /** the village of the open case, when known */
  officeId?: string;
}

/**
 * importLedger: a district office brings in its history from its Excel ledger (rounds,
 * loans, repayments, write-offs).
 * 1. the district is the caller's own (403 otherwise);
 * 2. the four sheets are read and every row checked on its own (`readLedger`), then as a
 *    ledger (`assembleLedger`: loans to rounds, money to loans, dates, balances, statuses,
 *    one open loan per mother, receipts once); an unreadable sheet is refused whole (422);
 * 3. against the database: rows imported by an earlier batch are `already_imported` (ids are
 *    derived from the ledger's own data); a round named like one of the district's rounds,
 *    a mother with an open case in the district, or a receipt number already recorded refuse
 *    the row; a mother's open case in another district is not looked at by a dry run (the
 *    answer is the same as for an unused ID), and refuses the row at staging, reported in
 *    both districts' exceptions; every run leaves a `bulk_id_check` item (who, how many);
 * 4. the totals are recomputed from the rows and compared with the declared paper totals
 *    (whole ledger, and per round where the rounds sheet gives them): every difference named;
 * 5. a dry run answers here; otherwise a ledger with refused rows (409 `ledger_rows_refused`)
 *    or a difference (409 `ledger_not_reconciled`) or nothing new (409 `already_imported`)
 *    goes no further, and the rest is staged for the committee's approval: its loans in parts,
 *    then the batch with the district's lock (one batch at a time: 409 `ledger_import_pending`).
 */
export async function importLedger(ctx: Context, input: LedgerImportInput): Promise<LedgerReport> {
  const districtId = input.districtId;
  if (levelOf(districtId) !== 'district') throw new ValidationFailed('must be a district office id', 'districtId');
  if (!isWithin(districtId, ctx.caller.officeId) || !isWithin(ctx.caller.officeId, districtId))
    throw new Forbidden(`must be your own district (${ctx.caller.officeId}), not ${districtId}`, 'districtId');
  const districtOffices = await officeSubtree(districtId);
  if (!districtOffices.some((o) => o.id === districtId)) throw new ValidationFailed('must be an existing district office', 'districtId');

  const read = readLedger(input, { districtId, today: ctx.today, districtOffices });
  const ledger = assembleLedger(read, motherKey);
  const figures = ledgerTotals(read);
  const differences = totalDifferences(input.declaredTotals, figures);

  const checked = await checkAgainstDatabase(districtId, ledger.rounds, ledger.loans, ledger.verdicts, input.dryRun);
  const lang = ctx.lang ?? DEFAULT_LANG;
  const rows: LedgerRowResult[] = checked.verdicts.map((v) => ({
    file: v.file,
    row: v.row,
    status: !v.ok ? 'refused' : checked.already.has(`${v.file}|${v.row}`) ? 'already_imported' : 'accepted',
    ...(v.id ? { id: v.id } : {}),
    ...(v.errors ? { errors: v.errors.map((e) => ledgerRowErrorIn(v.file, e, lang)) } : {}),
  }));
  const report: LedgerReport = {
    districtId,
    dryRun: input.dryRun,
    rows,
    accepted: rows.filter((r) => r.status === 'accepted').length,
    refused: rows.filter((r) => r.status === 'refused').length,
    alreadyImported: rows.filter((r) => r.status === 'already_imported').length,
    totals: figures.totals,
    rounds: figures.rounds,
    declaredTotals: input.declaredTotals,
    reconciled: differences.length === 0,
    differences,
  };
  await auditIdCheck(ctx, { via: 'ledger_import', districtId, dryRun: input.dryRun, rows: report.rows.length, ids: new Set(ledger.loans.map((l) => l.mother.residentId)).size });
  if (input.dryRun) return report;

  if (checked.crossings.length) await reportLedgerCrossings(ctx, districtId, checked.crossings);
  if (report.refused) throw new Conflict(`${report.refused} row(s) of the ledger are refused (a dry run lists them with the field and the rule): nothing was staged`, 'ledger_rows_refused');
  if (differences.length) {
    const params = { differences };
    throw new Conflict(ledgerStageText('ledger_not_reconciled', params, 'en') ?? 'the rows do not add up to the paper totals', 'ledger_not_reconciled', params);
  }
  if (!checked.loans.length && !checked.rounds.length) throw new Conflict('every row of this ledger was imported before: nothing to import', 'already_imported');

  const fund = await getFund(districtId);
  const grants = grantsOf(checked.rounds, checked.loans, fund.availableFen);
  const newRounds: LedgerNewRound[] = checked.rounds.map((r) => ({ ...r, grantFen: grants.get(r.id) ?? r.capitalFen }));
  const parts: LedgerLoan[][] = [];
  let bytes = 0;
  for (const loan of checked.loans) {
    const size = Buffer.byteLength(JSON.stringify(loan));
    const last = parts.at(-1);
    if (!last || last.length >= LOANS_PER_PART || bytes + size > PART_BYTES) {
      parts.push([loan]);
      bytes = size;
    } else {
      last.push(loan);
      bytes += size;
    }
  }
  const batch: LedgerBatch = {
    id: newId(),
    districtId,
    status: 'staged',
    stagedBy: actorOf(ctx.caller),
    stagedAt: ctx.now.toISOString(),
    declaredTotals: input.declaredTotals,
    totals: figures.totals,
    rounds: figures.rounds,
    counts: {
      rounds: newRounds.length,
      loans: checked.loans.length,
      repayments: checked.loans.reduce((s, l) => s + l.repayments.length, 0),
      writeOffs: checked.loans.filter((l) => l.writeOff).length,
      disbursedFen: checked.loans.reduce((s, l) => s + l.principalFen, 0),
      repaidFen: checked.loans.reduce((s, l) => s + l.repayments.reduce((t, r) => t + r.amountFen, 0), 0),
      writtenOffFen: checked.loans.reduce((s, l) => s + (l.writeOff?.amountFen ?? 0), 0),
    },
    alreadyImported: report.alreadyImported,
    newRounds,
    parts: parts.length,
    progress: { phase: 'rounds', partsDone: 0, loansWritten: 0, countersTotal: 0, countersDone: 0 },
    version: 1,
  };
  await putLedgerParts(batch.id, parts);
  const tx = new Transaction();
  stageNewLedgerBatch(tx, batch);
  tx.create(
    historyItem(
      ctx,
      ledgerKeys.batch(batch.id).pk,
      'ledger_staged',
      `ledger staged: ${batch.counts.rounds} round(s), ${batch.counts.loans} loan(s), ${batch.counts.repayments} repayment(s), ${batch.counts.writeOffs} write-off(s); waits for the committee`,
    ),
  );
  await tx.commit(undefined);
  return { ...report, batchId: batch.id };
}

/**
 * Writes the exceptions of loan rows refused at staging for an open case in another district:
 * one item for the importing district (naming no record of the other) and one for the district
 * of the open case (naming it), 40 rows to a transaction.
 */
async function reportLedgerCrossings(ctx: Context, districtId: string, crossings: LedgerCrossing[]): Promise<void> {
  for (let i = 0; i < crossings.length; i += 40) {
    const tx = new Transaction();
    for (const c of crossings.slice(i, i + 40)) {
      const there = c.officeId ? (ancestorAt(c.officeId, 'district') ?? c.officeId) : undefined;
      const base = {
        kind: 'cross_district_application' as const,
        date: ctx.today,
        at: ctx.now.toISOString(),
        actor: actorOf(ctx.caller),
        data: { submittingDistrictId: districtId, ...(there ? { openCaseDistrictId: there } : {}), via: 'ledger', row: c.row },
      };
      stageException(tx, {
        ...base,
        id: newId(),
        districtId,
        officeId: c.villageId,
        recordType: c.openCase.kind,
        recordId: '',
        summary: `a loan of the ledger (loans sheet row ${c.row}) was refused: the mother already has an open case in ${there ? `district ${there}` : 'another office'}`,
      });
      if (there && c.officeId)
        stageException(tx, {
          ...base,
          id: newId(),
          districtId: there,
          officeId: c.officeId,
          recordType: c.openCase.kind,
          recordId: c.openCase.id,
          summary: `district ${districtId} tried to import a ledger loan for the mother of this open ${c.openCase.kind}`,
        });
    }
    await tx.commit(undefined);
  }
}

/**
 * What the database already holds of this ledger: rounds and loans imported before (their
 * rows become `already_imported`), and what refuses a row now (a round of the same name
 * entered otherwise, loans added to a round imported before, an open case of the mother,
 * a receipt number already recorded). A loan refused here refuses its repayments too.
 * A mother's open case in another district is not looked at by a dry run (it answers as for
 * an unused ID: no ID oracle); staging refuses the row without naming the case and returns it
 * in `crossings`, for both districts' exceptions reports.
 */
async function checkAgainstDatabase(districtId: string, rounds: ReturnType<typeof assembleLedger>['rounds'], loans: LedgerLoan[], verdicts: RowVerdict[], dryRun: boolean) {
  const already = new Set<string>();
  const refusals = new Map<string, LedgerRowError>();
  const existingRounds = await allRounds([districtId]);
  const byName = new Map(existingRounds.map((r) => [r.name.normalize('NFKC').replace(/\s+/g, ''), r]));
  const newRounds = rounds.filter((r) => {
    const found = byName.get(r.name.normalize('NFKC').replace(/\s+/g, ''));
    if (!found) return true;
    if (found.id === r.id) already.add(`rounds|${r.row}`);
    else
      refusals.set(`rounds|${r.row}`, {
        field: 'name',
        ...(found.ledgerImportId
          ? {
              rule: 'ledger_round_imported_differently',
              params: { name: found.name, openedOn: found.openedOn, ledgerImportId: found.ledgerImportId },
              message: `a round named "${found.name}" was imported by ledger import ${found.ledgerImportId} with other data (opened ${found.openedOn}): a round is imported once`,
            }
          : {
              rule: 'ledger_round_in_system',
              params: { name: found.name, openedOn: found.openedOn, roundId: found.id },
              message: `a round named "${found.name}" is already in the system (${found.id}, opened ${found.openedOn}), not from a ledger: rename the ledger's round or leave it out`,
            }),
      });
    return false;
  });
  const importedRounds = new Set(rounds.filter((r) => already.has(`rounds|${r.row}`)).map((r) => r.id));
  const refusedRounds = new Set(rounds.filter((r) => refusals.has(`rounds|${r.row}`)).map((r) => r.id));

  const foundLoans = await batchGetItems<Loan>(
    loans.map((l) => keys.loan(l.id)),
    ['id', 'writeOff'],
  );
  const toCheck: LedgerLoan[] = [];
  const previous: LedgerLoan[] = [];
  for (const l of loans) {
    if (foundLoans.has(keyString(keys.loan(l.id)))) previous.push(l);
    else if (refusedRounds.has(l.roundId))
      refusals.set(`loans|${l.row}`, { field: 'round', rule: 'ledger_round_refused', params: { round: l.roundName }, message: `its round "${l.roundName}" is refused` });
    else if (importedRounds.has(l.roundId))
      refusals.set(`loans|${l.row}`, {
        field: 'round',
        rule: 'ledger_round_imported_without_loan',
        params: { round: l.roundName },
        message: `round "${l.roundName}" was imported before, and a round is imported whole: this loan is not in it`,
      });
    else toCheck.push(l);
  }
  // loans imported before: their repayments and write-off must be the ones imported then
  const foundRepayments = await batchGetItems(
    previous.flatMap((l) => l.repayments.map((r) => keys.repayment(l.id, r.id))),
    ['id'],
  );
  for (const l of previous) {
    already.add(`loans|${l.row}`);
    for (const r of l.repayments) {
      if (foundRepayments.has(keyString(keys.repayment(l.id, r.id)))) already.add(`repayments|${r.row}`);
      else
        refusals.set(`repayments|${r.row}`, {
          field: 'row',
          rule: 'ledger_repayment_not_imported_before',
          params: {},
          message: 'its loan was imported before without this repayment: record later repayments in the app',
        });
    }
    if (l.writeOff) {
      if (foundLoans.get(keyString(keys.loan(l.id)))?.writeOff) already.add(`writeOffs|${l.writeOff.row}`);
      else
        refusals.set(`writeOffs|${l.writeOff.row}`, {
          field: 'row',
          rule: 'ledger_write_off_not_imported_before',
          params: {},
          message: 'its loan was imported before without a write-off: the committee writes it off in the app',
        });
    }
  }
  // new loans: the mother's open case (and where it lies), the receipts
  const open = toCheck.filter((l) => l.writtenStatus === 'open');
  const mothers = await batchGetItems<MotherRecord>(
    open.map((l) => keys.mother(motherKey(l.mother.residentId))),
    ['openCase'],
  );
  const openCaseOf = (l: LedgerLoan) => (l.writtenStatus === 'open' ? mothers.get(keyString(keys.mother(motherKey(l.mother.residentId))))?.openCase : undefined);
  // an open case written before it kept its village: its record says where it is
  const caseKey = (c: OpenCase) => (c.kind === 'application' ? keys.application(c.id) : keys.loan(c.id));
  const unplaced = open.map(openCaseOf).filter((c): c is OpenCase => !!c && !c.officeId);
  const places = await batchGetItems<{ villageId?: string }>(unplaced.map(caseKey), ['villageId']);
  const placeOf = (c: OpenCase) => c.officeId ?? places.get(keyString(caseKey(c)))?.villageId;
  const receipts = await batchGetItems(
    toCheck.flatMap((l) => l.repayments.map((r) => keys.receipt(l.townshipId, r.receiptNo))),
    ['loanId'],
  );
  const newLoans: LedgerLoan[] = [];
  const crossings: LedgerCrossing[] = [];
  for (const l of toCheck) {
    const problems: [string, LedgerRowError][] = [];
    const openCase = openCaseOf(l);
    const where = openCase ? placeOf(openCase) : undefined;
    if (openCase && where && isWithin(where, districtId))
      problems.push([
        `loans|${l.row}`,
        {
          field: 'residentId',
          rule: 'ledger_open_case',
          params: { kind: openCase.kind },
          message: `this mother already has an open ${openCase.kind} in the system (${openCase.id}): one open loan per mother`,
        },
      ]);
    else if (openCase && !dryRun) {
      // another office's case: never named, and a dry run does not look at it (no ID oracle); staging refuses the row and both districts' exceptions report it
      problems.push([
        `loans|${l.row}`,
        {
          field: 'residentId',
          rule: 'import_open_case_elsewhere',
          params: {},
          message: 'this mother already has an open application or loan in another office; she may apply again after it is repaid or rejected',
        },
      ]);
      crossings.push({ row: l.row, villageId: l.villageId, openCase: { kind: openCase.kind, id: openCase.id }, ...(where ? { officeId: where } : {}) });
    }
    for (const r of l.repayments) {
      if (receipts.has(keyString(keys.receipt(l.townshipId, r.receiptNo))))
        problems.push([
          `repayments|${r.row}`,
          { field: 'receiptNo', rule: 'ledger_receipt_recorded', params: { receiptNo: r.receiptNo }, message: `receipt ${r.receiptNo} of township ${l.townshipId} is already recorded` },
        ]);
    }
    if (!problems.length) {
      newLoans.push(l);
      continue;
    }
    for (const [k, e] of problems) refusals.set(k, e);
    if (!refusals.has(`loans|${l.row}`)) refusals.set(`loans|${l.row}`, { field: 'row', rule: 'ledger_repayments_refused', params: {}, message: 'its repayments are refused' });
    const loanRefused: LedgerRowError = { field: 'row', rule: 'ledger_loan_refused', params: { row: l.row }, message: `its loan (loans sheet row ${l.row}) is refused` };
    for (const r of l.repayments) if (!refusals.has(`repayments|${r.row}`)) refusals.set(`repayments|${r.row}`, loanRefused);
    if (l.writeOff) refusals.set(`writeOffs|${l.writeOff.row}`, loanRefused);
  }
  const out = verdicts.map((v): RowVerdict => {
    const refusal = v.ok ? refusals.get(`${v.file}|${v.row}`) : undefined;
    return refusal ? { file: v.file, row: v.row, ok: false, errors: [refusal] } : v;
  });
  const roundsOk = newRounds.filter((r) => !refusals.has(`rounds|${r.row}`));
  return { verdicts: out, already, rounds: roundsOk, loans: newLoans, crossings };
}

// ---------------------------------------------------------------- review
