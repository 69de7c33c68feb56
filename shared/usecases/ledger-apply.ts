/**
 * Writing an approved ledger import: the committee's decision (`POST /ledger-imports/{id}/approval`)
 * and going on where it stopped (`POST /ledger-imports/{id}/apply`), in steps that can each be
 * repeated without effect. Staging: `./ledger-stage.ts`; the batch as answered: `./ledger-review.ts`.
 */
import { aggregateItems, aggregatePk, COUNTERS_PER_UPDATE } from '../domain/aggregate-items.ts';
import { approvalDeltas, disbursementDeltas, groupsOf, removalDeltas, yearGroupOf, type Delta, type LoanFacts } from '../domain/aggregates.ts';
import type { Actor, Loan, Repayment, Round } from '../domain/entities.ts';
import { ConcurrentChange, Conflict } from '../domain/errors.ts';
import { importedApplicationId } from '../domain/imported-ids.ts';
import { evaluationMonthsFor, futureSchedule, type LedgerLoan } from '../domain/ledger-records.ts';
import type { LedgerApprovalInput } from '../domain/ledger-schemas.ts';
import { AggregateChanges, stageMarker } from '../store/aggregates.ts';
import { fundKey } from '../store/fund.ts';
import { keys, motherKey } from '../store/keys.ts';
import {
  batchGetItems,
  doneChunks,
  getLedgerBatch,
  getLedgerPart,
  keyString,
  ledgerKeys,
  stageAdd,
  stageLedgerBatchUpdate,
  stageLedgerRepayment,
  stageLedgerRound,
  stageReceipt,
  type LedgerBatch,
} from '../store/ledger.ts';
import { stageNewLoan } from '../store/loans.ts';
import { stageOpenCase } from '../store/mothers.ts';
import { retryOnConcurrentChange, Transaction } from '../store/transaction.ts';
import { actorOf, historyItem, type Context } from './context.ts';
import { batchFor, loadLedgerImport } from './ledger-review.ts';
import { inParallel } from './in-parallel.ts';

/** Loans written at once (each its own transaction). */
const PARALLEL_LOANS = 8;
/** Counter updates per transaction, with the chunk's marker: DynamoDB allows 100 items. */
const COUNTERS_PER_CHUNK = 99;
const PARALLEL_CHUNKS = 8;
/** First-seen marker items per transaction (each moves at most two dates of its groups: the day and month items of a few dates). */
const FIRSTS_PER_CHUNK = 16;
/**
 * No new step starts this long after the request began (API Gateway gives up at 29 s): the
 * batch keeps its progress and `POST /ledger-imports/{id}/apply` goes on from there.
 */
export const APPLY_DEADLINE_MS = 15_000;

type Key = { pk: string; sk: string };

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
  const parts: CounterOp[] = [];
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
  for (const item of aggregateItems([...byGroup].map(([group, deltas]) => ({ group, deltas })))) {
    // a month item of a district carries every group's counters: at most COUNTERS_PER_UPDATE in one update
    const entries = Object.entries(item.counters);
    for (let i = 0; i < entries.length; i += COUNTERS_PER_UPDATE) {
      const part = Object.fromEntries(entries.slice(i, i + COUNTERS_PER_UPDATE));
      if (i === 0) add({ pk: item.pk, sk: item.sk }, part);
      else parts.push({ key: { pk: item.pk, sk: item.sk }, metrics: part });
    }
  }
  const sorted = [...[...ops.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, op]) => op), ...parts];
  // a transaction may touch an item once: an item's further parts go to later chunks
  const chunks: CounterOp[][] = [];
  for (const op of sorted) {
    const chunk = chunks.find((c) => c.length < COUNTERS_PER_CHUNK && !c.some((o) => o.key.pk === op.key.pk && o.key.sk === op.key.sk));
    if (chunk) chunk.push(op);
    else chunks.push([op]);
  }
  return chunks;
}

async function applyChunk(batchId: string, n: number, ops: CounterOp[]): Promise<void> {
  const tx = new Transaction();
  tx.create({ ...ledgerKeys.done(batchId, n), type: 'LEDGERDONE', items: ops.length }, () => new Conflict(`chunk ${n} applied`, 'ledger_chunk_done'));
  for (const op of ops) stageAdd(tx, op.key, op.metrics);
  // chunks run side by side; two parts of one month item in two chunks can meet: try again
  await retryOnConcurrentChange(() => commitUnlessDone(tx, 'ledger_chunk_done'));
}

/**
 * Mothers and villages count once per report group, on their first disbursement: the first-seen
 * markers (the ones live disbursements keep: one item per district and mother or village, with a
 * date per group) are created, or moved to an earlier date, with their deltas. Running it again
 * finds every marker at its date or earlier and does nothing. The markers of a district share its
 * day and month items, so their chunks go one after another.
 */
async function applyFirsts(loans: LedgerLoan[], districtId: string, deadline: number): Promise<boolean> {
  const subjects = new Map<string, Map<string, { group: string; date: string; metrics: Record<string, number> }>>();
  for (const l of loans) {
    for (const group of groupsOf(factsOfLedger(districtId, l))) {
      for (const [sk, metrics] of [
        [`SEEN#mother#${motherKey(l.mother.residentId)}`, { mothers: 1, householdMembers: l.householdSize }],
        [`SEEN#village#${l.villageId}`, { villages: 1 }],
      ] as const) {
        const byGroup = subjects.get(sk) ?? new Map();
        const seen = byGroup.get(group);
        if (!seen || l.disbursedOn < seen.date) byGroup.set(group, { group, date: l.disbursedOn, metrics });
        subjects.set(sk, byGroup);
      }
    }
  }
  const list = [...subjects].map(([sk, byGroup]) => ({ key: { pk: aggregatePk(districtId), sk }, entries: [...byGroup.values()] }));
  for (let i = 0; i < list.length; i += FIRSTS_PER_CHUNK) {
    if (Date.now() >= deadline) return false;
    const chunk = list.slice(i, i + FIRSTS_PER_CHUNK);
    await retryOnConcurrentChange(() => applyFirstsChunk(chunk));
  }
  return true;
}

async function applyFirstsChunk(chunk: { key: Key; entries: { group: string; date: string; metrics: Record<string, number> }[] }[]): Promise<void> {
  const found = await batchGetItems<Record<string, unknown>>(chunk.map((s) => s.key));
  const tx = new Transaction();
  const changes = new AggregateChanges();
  for (const s of chunk) stageMarker(tx, changes, s.key, found.get(keyString(s.key)), s.entries);
  if (!tx.size) return;
  changes.stage(tx);
  await tx.commit(undefined);
}
