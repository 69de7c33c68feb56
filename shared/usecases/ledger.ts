import { approvalDeltas, disbursementDeltas, groupsOf, mergeDeltas, removalDeltas, yearGroupOf, type Delta, type LoanFacts } from '../domain/aggregates.ts';
import type { Actor, Loan, Repayment, Round } from '../domain/entities.ts';
import { ConcurrentChange, Conflict, Forbidden, NotFound, ValidationFailed } from '../domain/errors.ts';
import { importedApplicationId } from '../domain/import-rows.ts';
import { assembleLedger, evaluationMonthsFor, futureSchedule, grantsOf, ledgerTotals, readLedger, totalDifferences, type LedgerLoan, type RowVerdict } from '../domain/ledger.ts';
import type { LedgerApprovalInput, LedgerImportInput, LedgerListQuery, LedgerReport, LedgerRowError, LedgerRowResult } from '../domain/ledger-schemas.ts';
import { ancestorAt, isWithin, levelOf } from '../domain/offices.ts';
import { errorText } from '../i18n/errors.ts';
import { DEFAULT_LANG } from '../i18n/lang.ts';
import { ledgerRowErrorIn } from '../i18n/ledger-row-text.ts';
import { aggregateKey, AggregateChanges } from '../store/aggregates.ts';
import { fundKey, getFund } from '../store/fund.ts';
import { keys, motherKey } from '../store/keys.ts';
import {
  batchGetItems,
  doneChunks,
  getLedgerBatch,
  getLedgerPart,
  keyString,
  ledgerKeys,
  listLedgerBatches,
  putLedgerParts,
  stageAdd,
  stageLedgerBatchUpdate,
  stageLedgerRepayment,
  stageLedgerRound,
  stageNewLedgerBatch,
  stageReceipt,
  type LedgerBatch,
  type LedgerNewRound,
} from '../store/ledger.ts';
import { stageNewLoan } from '../store/loans.ts';
import { stageOpenCase, type MotherRecord, type OpenCase } from '../store/mothers.ts';
import { officeSubtree } from '../store/offices.ts';
import type { Page } from '../store/records.ts';
import { allRounds } from '../store/rounds.ts';
import { Transaction } from '../store/transaction.ts';
import { actorOf, historyItem, newId, type Context } from './context.ts';
import { auditIdCheck } from './id-checks.ts';
import { stageException } from '../store/exceptions.ts';
import { districtsFor } from './scope.ts';

/** Loans per stored part, and its size in JSON: a part holds its loans' repayments too, and an item at most 400 KB. */
const LOANS_PER_PART = 50;
const PART_BYTES = 200_000;
/** Loans written at once (each its own transaction). */
const PARALLEL_LOANS = 8;
/** Counter updates per transaction, with the chunk's marker: DynamoDB allows 100 items. */
const COUNTERS_PER_CHUNK = 99;
const PARALLEL_CHUNKS = 8;
/** First-seen markers per transaction (each moves at most two dates' day and month items). */
const FIRSTS_PER_CHUNK = 16;
/**
 * No new step starts this long after the request began (API Gateway gives up at 29 s): the
 * batch keeps its progress and `POST /ledger-imports/{id}/apply` goes on from there.
 */
export const APPLY_DEADLINE_MS = 15_000;

type Key = { pk: string; sk: string };

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
    throw new Conflict(errorText('ledger_not_reconciled', params, 'en') ?? 'the rows do not add up to the paper totals', 'ledger_not_reconciled', params);
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

/** A batch as answered: why applying stopped, in the caller's language (the stored English when the catalogue has no entry). */
function batchFor(ctx: Context, batch: LedgerBatch): LedgerBatch {
  const { lastProblem, ...rest } = batch;
  if (!lastProblem) return rest;
  const said = errorText(lastProblem.rule ?? lastProblem.code, lastProblem.params, ctx.lang ?? DEFAULT_LANG);
  return { ...rest, ...(said ? { lastError: said } : {}) };
}

export async function listLedgerImports(ctx: Context, q: LedgerListQuery): Promise<Page<LedgerBatch>> {
  const page = await listLedgerBatches(await districtsFor(ctx.caller, q.districtId), q);
  return { ...page, items: page.items.map((b) => batchFor(ctx, b)) };
}

export async function findLedgerImport(ctx: Context, id: string): Promise<LedgerBatch> {
  return batchFor(ctx, await loadLedgerImport(ctx, id));
}

/** The stored batch, within the caller's office. */
async function loadLedgerImport(ctx: Context, id: string): Promise<LedgerBatch> {
  const batch = await getLedgerBatch(id);
  if (!batch) throw new NotFound('ledger import', id);
  if (!isWithin(batch.districtId, ctx.caller.officeId)) throw new Forbidden(`ledger import ${id} belongs to ${batch.districtId}, outside your office ${ctx.caller.officeId}`);
  return batch;
}

/**
 * decideLedgerImport: the committee approves a staged ledger import (four eyes) or rejects it.
 * 1. the batch is staged (409 `wrong_state`), and the decider is not who staged it
 *    (409 `separation_of_duties`);
 * 2. rejected: it is closed with the reason and the district may stage another;
 * 3. approved: it is written (`applyLedgerImport`) as far as the request's time allows; the
 *    answer shows the progress, and `POST /ledger-imports/{id}/apply` goes on until applied.
 */
export async function decideLedgerImport(ctx: Context, id: string, input: LedgerApprovalInput): Promise<LedgerBatch> {
  const batch = await loadLedgerImport(ctx, id);
  if (batch.stagedBy.userId === ctx.caller.userId)
    throw new Conflict('the person who staged a ledger import may not approve or reject it: another member of the committee decides', 'separation_of_duties');
  if (batch.status !== 'staged') throw new Conflict(`the ledger import is already ${batch.status}`, 'wrong_state');
  const decision = { decision: input.decision, ...(input.reason ? { reason: input.reason } : {}), decidedBy: actorOf(ctx.caller), decidedAt: ctx.now.toISOString() };
  const tx = new Transaction();
  const saved = stageLedgerBatchUpdate(tx, { ...batch, status: input.decision === 'approve' ? 'applying' : 'rejected', decision });
  tx.create(
    historyItem(
      ctx,
      ledgerKeys.batch(id).pk,
      input.decision === 'approve' ? 'ledger_approved' : 'ledger_rejected',
      input.decision === 'approve' ? 'approved: the ledger is being written' : `rejected: ${input.reason}`,
    ),
  );
  await tx.commit(undefined);
  if (saved.status !== 'applying') return batchFor(ctx, saved);
  return batchFor(ctx, await applyLedgerImport(ctx, saved));
}

/** continueLedgerImport: goes on writing an approved ledger import from where it stopped (any committee member). */
export async function continueLedgerImport(ctx: Context, id: string): Promise<LedgerBatch> {
  const batch = await loadLedgerImport(ctx, id);
  if (batch.status === 'applied') return batchFor(ctx, batch);
  if (batch.status !== 'applying') throw new Conflict(`the ledger import is ${batch.status}: only an approved import is applied`, 'wrong_state');
  return batchFor(ctx, await applyLedgerImport(ctx, batch));
}

// ---------------------------------------------------------------- applying

/**
 * applyLedgerImport: writes an approved batch, as if each record had been entered on its own
 * date, in steps that can each be repeated without effect (so it resumes after any failure):
 * 1. rounds: each round with its fund movement (grant, capital, unused capital of a closed
 *    round) in one transaction, created once (its id is derived from the ledger);
 * 2. records: each loan in one transaction with its repayments, their receipt numbers, its
 *    history entry (staged by, approved by, when) and, while open, the mother's open case;
 *    a loan already written by this batch is skipped, so no loan is ever half there;
 * 3. counters: the round, fund and dated report counters of all the loans, summed per item
 *    and written in chunks of 99, each chunk with a marker created in the same transaction
 *    (a chunk already applied fails its marker and is skipped);
 * 4. first-seen: mothers and villages counted once per report group, on their earliest
 *    disbursement, through the same markers live disbursements keep (idempotent by date).
 * The batch's progress is saved after every step; past APPLY_DEADLINE_MS the answer shows
 * the progress and the status stays `applying` until the last step.
 */
export async function applyLedgerImport(ctx: Context, start: LedgerBatch, opts: { deadlineMs?: number } = {}): Promise<LedgerBatch> {
  const deadline = ctx.now.getTime() + (opts.deadlineMs ?? APPLY_DEADLINE_MS);
  let batch = start;
  const save = async (change: Partial<LedgerBatch>, also?: (tx: Transaction) => void) => {
    const tx = new Transaction();
    const { lastError: _dropped, lastProblem: _reason, ...rest } = batch;
    batch = stageLedgerBatchUpdate(tx, { ...rest, ...change });
    also?.(tx);
    await tx.commit(undefined);
  };
  const progress = (p: Partial<LedgerBatch['progress']>) => save({ progress: { ...batch.progress, ...p } });
  try {
    if (batch.progress.phase === 'rounds') {
      await applyRounds(ctx, batch);
      await progress({ phase: 'records' });
    }
    while (batch.progress.phase === 'records') {
      if (Date.now() >= deadline) return batch;
      if (batch.progress.partsDone >= batch.parts) {
        await progress({ phase: 'counters' });
        break;
      }
      const loans = await getLedgerPart(batch.id, batch.progress.partsDone);
      await applyLoans(ctx, batch, loans);
      await progress({ partsDone: batch.progress.partsDone + 1, loansWritten: batch.progress.loansWritten + loans.length });
    }
    if (batch.progress.phase === 'counters') {
      const loans = await allLoans(batch);
      const chunks = counterChunks(batch, loans);
      const done = await doneChunks(batch.id);
      if (batch.progress.countersTotal !== chunks.length) await progress({ countersTotal: chunks.length, countersDone: done.size });
      const todo = chunks.map((c, n) => ({ c, n })).filter(({ n }) => !done.has(n));
      while (todo.length) {
        if (Date.now() >= deadline) return batch;
        const wave = todo.splice(0, PARALLEL_CHUNKS * 2);
        await inParallel(wave, PARALLEL_CHUNKS, ({ c, n }) => applyChunk(batch.id, n, c));
        await progress({ countersDone: chunks.length - todo.length });
      }
      await progress({ phase: 'firsts' });
    }
    if (batch.progress.phase === 'firsts') {
      if (Date.now() >= deadline) return batch;
      // the markers keep their own state: when time runs out the next call reads them again and goes on
      if (!(await applyFirsts(await allLoans(batch), batch.districtId, deadline))) return batch;
      await save({ status: 'applied', appliedAt: ctx.now.toISOString(), progress: { ...batch.progress, phase: 'done' } }, (tx) =>
        tx.create(
          historyItem(
            ctx,
            ledgerKeys.batch(batch.id).pk,
            'ledger_applied',
            `applied: ${batch.counts.rounds} round(s), ${batch.counts.loans} loan(s), ${batch.counts.repayments} repayment(s), ${batch.counts.writeOffs} write-off(s)`,
          ),
        ),
      );
    }
    return batch;
  } catch (error) {
    if (!(error instanceof Conflict || error instanceof ConcurrentChange)) throw error;
    // a rule stopped a step (another request got there first, a mother opened a case meanwhile): keep the progress, say why
    const latest = (await getLedgerBatch(batch.id)) ?? batch;
    const tx = new Transaction();
    const lastProblem = { code: error.code, ...(error.rule ? { rule: error.rule } : {}), params: error.params };
    const saved = stageLedgerBatchUpdate(tx, { ...latest, lastError: `${error.code}: ${error.message}`, lastProblem });
    await tx.commit(undefined).catch(() => undefined);
    return saved;
  }
}

async function allLoans(batch: LedgerBatch): Promise<LedgerLoan[]> {
  const parts = await Promise.all(Array.from({ length: batch.parts }, (_, n) => getLedgerPart(batch.id, n)));
  return parts.flat();
}

const ledgerRef = (batch: LedgerBatch) => ({ source: 'ledger' as const, ledgerImportId: batch.id });
const approverOf = (batch: LedgerBatch): Actor => batch.decision!.decidedBy;
/** Who brought the ledger in, for the history entries of its records: the stager and the approver, by name, and when. */
const ledgerPeople = (batch: LedgerBatch) => ({
  stagedBy: batch.stagedBy.displayName ?? batch.stagedBy.username,
  stagedOn: batch.stagedAt.slice(0, 10),
  approvedBy: approverOf(batch).displayName ?? approverOf(batch).username,
  approvedOn: batch.decision!.decidedAt.slice(0, 10),
});

async function applyRounds(ctx: Context, batch: LedgerBatch): Promise<void> {
  const loans = batch.newRounds.some((r) => r.closedOn) ? await allLoans(batch) : [];
  for (const r of batch.newRounds) {
    const closed = !!r.closedOn;
    const committed = loans.filter((l) => l.roundId === r.id).reduce((s, l) => s + l.principalFen, 0);
    const round: Round = {
      id: r.id,
      districtId: batch.districtId,
      name: r.name,
      openedOn: r.openedOn,
      capitalFen: r.capitalFen,
      minLoanFen: r.minLoanFen,
      maxLoanFen: r.maxLoanFen,
      termMonths: r.termMonths,
      evaluationMonths: evaluationMonthsFor(r.termMonths),
      noticeDays: 7,
      status: closed ? 'closed' : 'open',
      grantFen: r.grantFen,
      committedFen: 0,
      uncommittedFen: closed ? 0 : r.capitalFen,
      disbursedFen: 0,
      repaidFen: 0,
      writtenOffFen: 0,
      loanCount: 0,
      closedLoans: 0,
      ...(r.closedOn ? { closedOn: r.closedOn } : {}),
      createdAt: ctx.now.toISOString(),
      createdBy: approverOf(batch),
      ...ledgerRef(batch),
      version: 1,
    };
    const tx = new Transaction();
    stageLedgerRound(tx, round, () => new Conflict(`round ${r.id} exists`, 'ledger_round_exists'));
    stageAdd(tx, fundKey(batch.districtId), { grantedFen: r.grantFen, availableFen: r.grantFen - r.capitalFen + (closed ? r.capitalFen - committed : 0), roundsOpened: 1 });
    tx.create(
      historyItem(
        ctx,
        keys.round(r.id).pk,
        'ledger_imported',
        `round "${r.name}" opened ${r.openedOn}${r.closedOn ? `, closed ${r.closedOn}` : ''}, entered from ledger import ${batch.id} (staged by ${batch.stagedBy.username} on ${batch.stagedAt.slice(0, 10)}, approved by ${approverOf(batch).username} on ${batch.decision!.decidedAt.slice(0, 10)})`,
        { ...ledgerRef(batch), ...ledgerPeople(batch), capitalFen: r.capitalFen, grantFen: r.grantFen },
      ),
    );
    await commitUnlessDone(tx, 'ledger_round_exists');
  }
}

/** Commits; a transaction whose first item exists already (written by an earlier attempt of this batch) is done. */
async function commitUnlessDone(tx: Transaction, existsCode: string): Promise<void> {
  try {
    await tx.commit(undefined);
  } catch (error) {
    if (error instanceof Conflict && error.code === existsCode) return;
    throw error;
  }
}

/** The loan record as the ledger gives it. */
export function loanOf(batch: LedgerBatch, l: LedgerLoan): { loan: Loan; repayments: Repayment[] } {
  const round = batch.newRounds.find((r) => r.id === l.roundId);
  const termMonths = round?.termMonths ?? 24;
  const stager = batch.stagedBy;
  const recordedAt = batch.decision!.decidedAt;
  const repaidFen = l.repayments.reduce((s, r) => s + r.amountFen, 0);
  const status = l.writeOff ? 'written_off' : repaidFen === l.principalFen ? 'repaid' : 'active';
  const lastPaid = l.repayments.at(-1)?.paidOn;
  const loan: Loan = {
    id: l.id,
    applicationId: importedApplicationId(l.roundId, motherKey(l.mother.residentId)),
    roundId: l.roundId,
    districtId: batch.districtId,
    townshipId: l.townshipId,
    villageId: l.villageId,
    mother: l.mother,
    householdSize: l.householdSize,
    principalFen: l.principalFen,
    repaidFen,
    balanceFen: l.principalFen - repaidFen - (l.writeOff?.amountFen ?? 0),
    status,
    termMonths,
    evaluationMonths: evaluationMonthsFor(termMonths),
    approvedOn: l.approvedOn,
    ...(l.guarantors ? { agreement: { signedOn: l.approvedOn, guarantors: l.guarantors, signatories: [{ party: 'mother' as const, name: l.mother.name }], recordedBy: stager } } : {}),
    disbursement: { disbursedOn: l.disbursedOn, amountFen: l.principalFen, motherPresent: true, idChecked: true, recordedBy: stager },
    dueOn: l.dueOn,
    evaluationSchedule: status === 'active' ? futureSchedule(l, termMonths, recordedAt.slice(0, 10)) : [],
    ...(status === 'repaid' && lastPaid ? { repaidOn: lastPaid } : {}),
    ...(l.writeOff ? { writeOff: { writtenOffOn: l.writeOff.writtenOffOn, amountFen: l.writeOff.amountFen, reason: l.writeOff.reason, writtenOffBy: approverOf(batch) } } : {}),
    createdAt: `${l.approvedOn}T00:00:00.000Z`,
    ...ledgerRef(batch),
    version: 1,
  };
  const repayments: Repayment[] = l.repayments.map((r) => ({
    id: r.id,
    loanId: l.id,
    paidOn: r.paidOn,
    amountFen: r.amountFen,
    receiptNo: r.receiptNo,
    balanceAfterFen: r.balanceAfterFen,
    recordedBy: stager,
    recordedAt,
    ...ledgerRef(batch),
  }));
  return { loan, repayments };
}

async function applyLoans(ctx: Context, batch: LedgerBatch, loans: LedgerLoan[]): Promise<void> {
  await inParallel(loans, PARALLEL_LOANS, async (l) => {
    const { loan, repayments } = loanOf(batch, l);
    const tx = new Transaction();
    stageNewLoan(tx, loan, () => new Conflict(`loan ${loan.id} exists`, 'ledger_loan_exists'));
    for (const r of repayments) {
      stageLedgerRepayment(tx, r, loan);
      stageReceipt(tx, loan.townshipId, r.receiptNo, { loanId: loan.id, repaymentId: r.id, ledgerImportId: batch.id, officeId: loan.villageId, recordedAt: r.recordedAt });
    }
    if (loan.status === 'active') stageOpenCase(tx, loan.mother.residentId, { kind: 'loan', id: loan.id });
    const money = `${loan.principalFen} fen approved ${loan.approvedOn}, paid out ${l.disbursedOn}, due ${loan.dueOn}; ${repayments.length} repayment(s) of ${loan.repaidFen} fen${loan.writeOff ? `; ${loan.writeOff.amountFen} fen written off ${loan.writeOff.writtenOffOn}` : ''}`;
    tx.create(
      historyItem(
        ctx,
        keys.loan(loan.id).pk,
        'ledger_imported',
        `entered from the office's ledger (import ${batch.id}, staged by ${batch.stagedBy.username} on ${batch.stagedAt.slice(0, 10)}, approved by ${approverOf(batch).username} on ${batch.decision!.decidedAt.slice(0, 10)}): ${money}`,
        {
          ...ledgerRef(batch),
          stagedAt: batch.stagedAt,
          approvedAt: batch.decision!.decidedAt,
          ...ledgerPeople(batch),
        },
      ),
    );
    await commitUnlessDone(tx, 'ledger_loan_exists');
  });
}

// ---------- counters ----------

interface CounterOp {
  key: Key;
  metrics: Record<string, number>;
}

const factsOfLedger = (districtId: string, l: LedgerLoan): LoanFacts & { disbursedOn: string; dueOn: string } => ({
  districtId,
  townshipId: l.townshipId,
  roundId: l.roundId,
  principalFen: l.principalFen,
  approvedOn: l.approvedOn,
  disbursedOn: l.disbursedOn,
  dueOn: l.dueOn,
});

/** Every counter the batch's loans move, summed per item, in key order, cut into chunks of 99. */
export function counterChunks(batch: LedgerBatch, loans: LedgerLoan[]): CounterOp[][] {
  const ops = new Map<string, CounterOp>();
  const add = (key: Key, metrics: Record<string, number>) => {
    const id = keyString(key);
    const op = ops.get(id) ?? { key, metrics: {} };
    for (const [k, v] of Object.entries(metrics)) op.metrics[k] = (op.metrics[k] ?? 0) + v;
    ops.set(id, op);
  };
  const byGroup = new Map<string, Delta[]>();
  const toGroups = (groups: string[], deltas: Delta[]) => {
    for (const g of groups) byGroup.set(g, [...(byGroup.get(g) ?? []), ...deltas]);
  };
  const openRounds = new Set(batch.newRounds.filter((r) => !r.closedOn).map((r) => r.id));
  for (const l of loans) {
    const repaid = l.repayments.reduce((s, r) => s + r.amountFen, 0);
    const writtenOff = l.writeOff?.amountFen ?? 0;
    const closed = l.writeOff || repaid === l.principalFen ? 1 : 0;
    add(keys.round(l.roundId), {
      committedFen: l.principalFen,
      loanCount: 1,
      disbursedFen: l.principalFen,
      repaidFen: repaid,
      writtenOffFen: writtenOff,
      closedLoans: closed,
      ...(openRounds.has(l.roundId) ? { uncommittedFen: -l.principalFen } : {}),
    });
    add(fundKey(batch.districtId), { disbursedFen: l.principalFen, recoveredFen: repaid, availableFen: repaid, writtenOffFen: writtenOff });
    // the same deltas, to the same groups, as approval, disbursement, repayments and write-off give live
    const facts = factsOfLedger(batch.districtId, l);
    toGroups(groupsOf({ ...facts, disbursedOn: undefined }), approvalDeltas(facts));
    toGroups([yearGroupOf(facts)!], approvalDeltas(facts));
    const deltas: Delta[] = [...disbursementDeltas(facts)];
    for (const r of l.repayments) deltas.push(...removalDeltas({ dueOn: l.dueOn }, r.amountFen, r.paidOn, 'repayment', r.balanceAfterFen === 0));
    if (l.writeOff) deltas.push(...removalDeltas({ dueOn: l.dueOn }, l.writeOff.amountFen, l.writeOff.writtenOffOn, 'write_off', true));
    toGroups(groupsOf(facts), deltas);
  }
  for (const [group, deltas] of byGroup) {
    const days = mergeDeltas(deltas);
    for (const d of days) add({ pk: aggregateKey(group), sk: `D#${d.date}` }, d.metrics as Record<string, number>);
    for (const m of mergeDeltas(days.map((d) => ({ date: d.date.slice(0, 7), metrics: d.metrics })))) add({ pk: aggregateKey(group), sk: `M#${m.date}` }, m.metrics as Record<string, number>);
  }
  const sorted = [...ops.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, op]) => op);
  const chunks: CounterOp[][] = [];
  for (let i = 0; i < sorted.length; i += COUNTERS_PER_CHUNK) chunks.push(sorted.slice(i, i + COUNTERS_PER_CHUNK));
  return chunks;
}

async function applyChunk(batchId: string, n: number, ops: CounterOp[]): Promise<void> {
  const tx = new Transaction();
  tx.create({ ...ledgerKeys.done(batchId, n), type: 'LEDGERDONE', items: ops.length }, () => new Conflict(`chunk ${n} applied`, 'ledger_chunk_done'));
  for (const op of ops) stageAdd(tx, op.key, op.metrics);
  await commitUnlessDone(tx, 'ledger_chunk_done');
}

/**
 * Mothers and villages count once per report group, on their first disbursement: the first-seen
 * markers (the ones live disbursements keep) are created, or moved to an earlier date, with
 * their deltas. Running it again finds every marker at its date or earlier and does nothing.
 */
async function applyFirsts(loans: LedgerLoan[], districtId: string, deadline: number): Promise<boolean> {
  const subjects = new Map<string, { group: string; sk: string; date: string; metrics: Record<string, number> }>();
  for (const l of loans) {
    for (const group of groupsOf(factsOfLedger(districtId, l))) {
      for (const [sk, metrics] of [
        [`SEEN#mother#${motherKey(l.mother.residentId)}`, { mothers: 1, householdMembers: l.householdSize }],
        [`SEEN#village#${l.villageId}`, { villages: 1 }],
      ] as const) {
        const id = `${group}|${sk}`;
        const seen = subjects.get(id);
        if (!seen || l.disbursedOn < seen.date) subjects.set(id, { group, sk, date: l.disbursedOn, metrics });
      }
    }
  }
  const byGroup = new Map<string, (typeof subjects extends Map<string, infer V> ? V : never)[]>();
  for (const s of subjects.values()) byGroup.set(s.group, [...(byGroup.get(s.group) ?? []), s]);
  // one group's subjects one chunk after another (they share the group's day items); groups side by side
  let complete = true;
  await inParallel([...byGroup.values()], PARALLEL_CHUNKS, async (list) => {
    for (let i = 0; i < list.length; i += FIRSTS_PER_CHUNK) {
      if (Date.now() >= deadline) {
        complete = false;
        return;
      }
      const chunk = list.slice(i, i + FIRSTS_PER_CHUNK);
      for (let attempt = 1; ; attempt++) {
        try {
          await applyFirstsChunk(chunk);
          break;
        } catch (error) {
          if (!(error instanceof ConcurrentChange) || attempt >= 4) throw error;
        }
      }
    }
  });
  return complete;
}

async function applyFirstsChunk(chunk: { group: string; sk: string; date: string; metrics: Record<string, number> }[]): Promise<void> {
  const markerKey = (s: { group: string; sk: string }) => ({ pk: aggregateKey(s.group), sk: s.sk });
  const found = await batchGetItems<{ sk: string; firstOn: string; metrics: Record<string, number> }>(chunk.map(markerKey));
  const tx = new Transaction();
  const changes = new AggregateChanges();
  const lost = () => new ConcurrentChange('a report counter');
  for (const s of chunk) {
    const key = markerKey(s);
    const existing = found.get(keyString(key));
    if (!existing) {
      tx.create({ ...key, type: 'SEEN', firstOn: s.date, metrics: s.metrics }, lost);
      changes.add([s.group], [{ date: s.date, metrics: s.metrics }]);
    } else if (s.date < existing.firstOn) {
      tx.update(
        key,
        { expression: 'SET #firstOn = :date, #metrics = :metrics', names: { '#firstOn': 'firstOn', '#metrics': 'metrics' }, values: { ':date': s.date, ':metrics': s.metrics } },
        { expression: '#firstOn = :old', values: { ':old': existing.firstOn }, onFail: lost },
      );
      const negative = Object.fromEntries(Object.entries(existing.metrics).map(([k, v]) => [k, -v]));
      changes.add(
        [s.group],
        [
          { date: existing.firstOn, metrics: negative },
          { date: s.date, metrics: s.metrics },
        ],
      );
    }
  }
  if (!tx.size) return;
  changes.stage(tx);
  await tx.commit(undefined);
}

/** Runs `work` over the items, at most `limit` at a time; after a failure starts nothing new, waits for the rest, and throws it. */
async function inParallel<T>(items: T[], limit: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  let failure: { error: unknown } | undefined;
  const worker = async () => {
    while (!failure && next < items.length) {
      const item = items[next++]!;
      try {
        await work(item);
      } catch (error) {
        failure ??= { error };
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  if (failure) throw failure.error;
}
