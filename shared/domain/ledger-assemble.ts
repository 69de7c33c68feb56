/**
 * An office's ledger as a whole, from the rows `readLedger` read (`./ledger-read.ts`):
 * 1. `assembleLedger` links repayments and write-offs to their loan (the mother's resident
 *    ID and the round), loans to their round, and checks what a ledger must satisfy:
 *    dates in order and not in the future, no repayment over the balance, a write-off of
 *    exactly the balance left, the status written equal to the status the money gives, one
 *    open loan per mother, each receipt number once per township, the round's capital.
 * 2. `ledgerTotals` recomputes the paper totals from the rows (whole ledger and per round)
 *    and `totalDifferences` names every difference from the declared totals, to the fen.
 * 3. `grantsOf` works out the money newly granted with each round.
 * Pure rules, no I/O.
 */
import { LEDGER_SHEET_NAMES } from './ledger-columns.ts';
import type { Prepared, ReadLedger, RepaymentRow, WriteOffRow } from './ledger-read.ts';
import { ledgerRecordId, normalizeReceipt, roundNameKey, type LedgerLoan, type LedgerRepayment, type LedgerRound } from './ledger-records.ts';
import type { DeclaredTotals, LedgerFigures, LedgerFile, LedgerRowError, RoundFigures, TotalDifference } from './ledger-schemas.ts';

export interface RowVerdict {
  file: LedgerFile;
  row: number;
  ok: boolean;
  id?: string;
  errors?: LedgerRowError[];
}

export interface AssembledLedger {
  rounds: LedgerRound[];
  loans: LedgerLoan[];
  /** every row's verdict from the ledger's own rules (the database is not consulted here) */
  verdicts: RowVerdict[];
}

/**
 * Repayments one loan may bring (a loan is written in one transaction with its repayments and
 * their receipt numbers, and DynamoDB allows 100 items): instalments beyond it are recorded in the app.
 */
export const MAX_REPAYMENTS_PER_LOAN = 45;

const loanKey = (residentId: string, roundName: string) => `${residentId}|${roundNameKey(roundName)}`;

/**
 * Links the rows into rounds and loans and applies the rules a ledger must satisfy on its
 * own. Loan ids are derived from the round and `motherId(residentId)` (the keyed mother id). A refused loan refuses its repayments and write-off too (their money has no loan to
 * go to); a refused round refuses its loans.
 */
export function assembleLedger(read: ReadLedger, motherId: (residentId: string) => string): AssembledLedger {
  const verdicts: RowVerdict[] = [];
  /** a row refused by a rule of the ledger: the column (or `row`), the rule and its params for the catalogue, the English wording */
  const refuse = (file: LedgerFile, row: number, field: string, rule: string, params: Record<string, unknown>, message: string) =>
    verdicts.push({ file, row, ok: false, errors: [{ field, rule, params, message }] });
  for (const [file, rows] of [
    ['rounds', read.rounds],
    ['loans', read.loans],
    ['repayments', read.repayments],
    ['writeOffs', read.writeOffs],
  ] as const) {
    for (const p of rows) if (!p.ok) verdicts.push({ file, row: p.row, ok: false, errors: p.errors });
  }

  // rounds: names unique
  const rounds = new Map<string, LedgerRound>();
  for (const p of read.rounds) {
    if (!p.ok) continue;
    const key = roundNameKey(p.value.name);
    const first = rounds.get(key);
    if (first) refuse('rounds', p.row, 'name', 'ledger_round_repeated', { row: first.row }, `is the same as on row ${first.row}: each round once`);
    else rounds.set(key, p.value);
  }
  const refusedRoundNames = new Set(read.rounds.filter((p) => !p.ok).map((p) => p.row));

  // loans: a round from the rounds sheet, dates in the round, one loan per mother and round, one open loan per mother
  const loans = new Map<string, LedgerLoan>();
  for (const p of read.loans) {
    if (!p.ok) continue;
    const l = p.value;
    const round = rounds.get(roundNameKey(l.roundName));
    if (!round) {
      if (refusedRoundNames.size) refuse('loans', p.row, 'round', 'ledger_round_not_accepted', { round: l.roundName }, `names no accepted round of the rounds sheet ("${l.roundName}")`);
      else refuse('loans', p.row, 'round', 'ledger_round_unknown', { round: l.roundName }, `names no round of the rounds sheet ("${l.roundName}")`);
      continue;
    }
    if (l.approvedOn < round.openedOn) {
      refuse('loans', p.row, 'approvedOn', 'not_before', { reference: 'round_opened', date: round.openedOn }, `must not be before the round opened (${round.openedOn})`);
      continue;
    }
    if (round.closedOn && l.approvedOn > round.closedOn) {
      refuse('loans', p.row, 'approvedOn', 'ledger_after_round_closed', { date: round.closedOn }, `must not be after the round closed (${round.closedOn})`);
      continue;
    }
    if (l.principalFen < round.minLoanFen || l.principalFen > round.maxLoanFen) {
      refuse(
        'loans',
        p.row,
        'amountYuan',
        'amount_out_of_range',
        { minFen: round.minLoanFen, maxFen: round.maxLoanFen },
        `must be within the round’s range ${round.minLoanFen / 100}–${round.maxLoanFen / 100} yuan`,
      );
      continue;
    }
    const key = loanKey(l.mother.residentId, l.roundName);
    const first = loans.get(key);
    if (first) {
      refuse('loans', p.row, 'residentId', 'ledger_loan_repeated', { row: first.row }, `is the same mother and round as on row ${first.row}: one loan per mother in a round`);
      continue;
    }
    // the loan's id comes from the mother's keyed id (an HMAC with the secret mother key), never from her ID number
    loans.set(key, { ...l, id: ledgerRecordId(l.disbursedOn, 'loan', round.id, motherId(l.mother.residentId)), roundId: round.id, repayments: [] });
  }

  // repayments and write-offs to their loans
  const receipts = new Map<string, number>();
  const repaymentRows = new Map<string, RepaymentRow[]>();
  for (const p of read.repayments) {
    if (!p.ok) continue;
    const loan = loans.get(loanKey(p.value.residentId, p.value.roundName));
    if (!loan) {
      refuse('repayments', p.row, 'residentId', 'ledger_no_loan', { round: p.value.roundName }, `has no accepted loan of this mother in round "${p.value.roundName}" in the loans sheet`);
      continue;
    }
    const receiptKey = `${loan.townshipId}|${normalizeReceipt(p.value.receiptNo)}`;
    const first = receipts.get(receiptKey);
    if (first !== undefined) {
      refuse('repayments', p.row, 'receiptNo', 'ledger_receipt_repeated', { row: first }, `is the same receipt number as on row ${first} in the same township: each receipt is recorded once`);
      continue;
    }
    receipts.set(receiptKey, p.row);
    repaymentRows.set(loan.id, [...(repaymentRows.get(loan.id) ?? []), p.value]);
  }
  const writeOffRows = new Map<string, WriteOffRow>();
  for (const p of read.writeOffs) {
    if (!p.ok) continue;
    const loan = loans.get(loanKey(p.value.residentId, p.value.roundName));
    if (!loan) refuse('writeOffs', p.row, 'residentId', 'ledger_no_loan', { round: p.value.roundName }, `has no accepted loan of this mother in round "${p.value.roundName}" in the loans sheet`);
    else if (writeOffRows.has(loan.id)) {
      const first = writeOffRows.get(loan.id)!.row;
      refuse('writeOffs', p.row, 'residentId', 'ledger_write_off_repeated', { row: first }, `writes off the same loan as row ${first}`);
    } else writeOffRows.set(loan.id, p.value);
  }

  // each loan's money in date order: never over the balance, a write-off of exactly what is left and nothing after it, the status as written
  const accepted: LedgerLoan[] = [];
  const openOf = new Map<string, LedgerLoan>();
  for (const loan of [...loans.values()].sort((a, b) => a.disbursedOn.localeCompare(b.disbursedOn) || a.row - b.row)) {
    const rows = (repaymentRows.get(loan.id) ?? []).sort((a, b) => a.paidOn.localeCompare(b.paidOn) || a.row - b.row);
    const writeOff = writeOffRows.get(loan.id);
    const problems: { file: LedgerFile; row: number; field: string; rule: string; params: Record<string, unknown>; message: string }[] = [];
    let balance = loan.principalFen;
    const repayments: LedgerRepayment[] = [];
    for (const r of rows) {
      if (r.paidOn < loan.disbursedOn)
        problems.push({
          file: 'repayments',
          row: r.row,
          field: 'paidOn',
          rule: 'not_before',
          params: { reference: 'disbursement', date: loan.disbursedOn },
          message: `must not be before the loan was paid out (${loan.disbursedOn})`,
        });
      else if (writeOff && r.paidOn > writeOff.writtenOffOn)
        problems.push({
          file: 'repayments',
          row: r.row,
          field: 'paidOn',
          rule: 'ledger_after_write_off',
          params: { date: writeOff.writtenOffOn },
          message: `is after the loan was written off (${writeOff.writtenOffOn})`,
        });
      else if (r.amountFen > balance)
        problems.push({
          file: 'repayments',
          row: r.row,
          field: 'amountYuan',
          rule: 'ledger_exceeds_balance',
          params: { balanceFen: balance, date: r.paidOn },
          message: `exceeds the balance of ${balance / 100} yuan left on ${r.paidOn}`,
        });
      else {
        balance -= r.amountFen;
        repayments.push({
          row: r.row,
          id: ledgerRecordId(r.paidOn, 'repayment', loan.id, normalizeReceipt(r.receiptNo)),
          paidOn: r.paidOn,
          amountFen: r.amountFen,
          receiptNo: r.receiptNo,
          balanceAfterFen: balance,
        });
      }
    }
    if (writeOff) {
      if (writeOff.writtenOffOn < loan.disbursedOn)
        problems.push({
          file: 'writeOffs',
          row: writeOff.row,
          field: 'writtenOffOn',
          rule: 'not_before',
          params: { reference: 'disbursement', date: loan.disbursedOn },
          message: `must not be before the loan was paid out (${loan.disbursedOn})`,
        });
      else if (writeOff.amountFen !== balance)
        problems.push({
          file: 'writeOffs',
          row: writeOff.row,
          field: 'amountYuan',
          rule: 'ledger_write_off_balance',
          params: { balanceFen: balance },
          message: `must be the whole balance left, ${balance / 100} yuan (a write-off closes the loan)`,
        });
    }
    if (rows.length > MAX_REPAYMENTS_PER_LOAN)
      problems.push({
        file: 'loans',
        row: loan.row,
        field: 'row',
        rule: 'ledger_too_many_repayments',
        params: { count: rows.length, max: MAX_REPAYMENTS_PER_LOAN },
        message: `has ${rows.length} repayments; at most ${MAX_REPAYMENTS_PER_LOAN} per loan can be imported (combine instalments of the same receipt, or record the later ones in the app)`,
      });
    const status = writeOff ? 'written_off' : balance === 0 ? 'repaid' : 'open';
    if (!problems.length && status !== loan.writtenStatus)
      problems.push({
        file: 'loans',
        row: loan.row,
        field: 'status',
        rule: 'ledger_status_mismatch',
        params: { written: loan.writtenStatus, actual: status, repaidFen: loan.principalFen - balance, principalFen: loan.principalFen, writtenOff: writeOff !== undefined },
        message: `says ${loan.writtenStatus} but the money says ${status}: ${(loan.principalFen - balance) / 100} of ${loan.principalFen / 100} yuan repaid${writeOff ? ', then written off' : ''}`,
      });
    if (!problems.length && status === 'open') {
      const other = openOf.get(loan.mother.residentId);
      if (other)
        problems.push({
          file: 'loans',
          row: loan.row,
          field: 'residentId',
          rule: 'ledger_open_loan_in_file',
          params: { round: other.roundName, row: other.row },
          message: `this mother already has an open loan in round "${other.roundName}" (row ${other.row}): one open loan per mother`,
        });
      else openOf.set(loan.mother.residentId, loan);
    }
    if (problems.length) {
      for (const p of problems) refuse(p.file, p.row, p.field, p.rule, p.params, p.message);
      if (!problems.some((p) => p.file === 'loans'))
        refuse(
          'loans',
          loan.row,
          'row',
          'ledger_money_refused',
          { refused: problems.map((p) => ({ file: p.file, row: p.row })) },
          `its repayments or write-off are refused (rows ${problems.map((p) => `${LEDGER_SHEET_NAMES[p.file]} ${p.row}`).join(', ')})`,
        );
      const refusedRows = new Set(problems.map((p) => `${p.file}|${p.row}`));
      const loanRefused = { row: loan.row };
      for (const r of rows) if (!refusedRows.has(`repayments|${r.row}`)) refuse('repayments', r.row, 'row', 'ledger_loan_refused', loanRefused, `its loan (loans sheet row ${loan.row}) is refused`);
      if (writeOff && !refusedRows.has(`writeOffs|${writeOff.row}`)) refuse('writeOffs', writeOff.row, 'row', 'ledger_loan_refused', loanRefused, `its loan (loans sheet row ${loan.row}) is refused`);
      continue;
    }
    accepted.push({ ...loan, repayments, ...(writeOff ? { writeOff: { row: writeOff.row, writtenOffOn: writeOff.writtenOffOn, amountFen: writeOff.amountFen, reason: writeOff.reason } } : {}) });
  }

  // the round's capital covers its loans
  const acceptedRounds: LedgerRound[] = [];
  for (const round of rounds.values()) {
    const lent = accepted.filter((l) => l.roundId === round.id).reduce((s, l) => s + l.principalFen, 0);
    if (lent > round.capitalFen) refuse('rounds', round.row, 'capitalYuan', 'ledger_capital_short', { lentFen: lent }, `is less than the ${lent / 100} yuan its loans add up to`);
    else acceptedRounds.push(round);
  }
  const roundOk = new Set(acceptedRounds.map((r) => r.id));
  const loansOk = accepted.filter((l) => roundOk.has(l.roundId));
  for (const l of accepted.filter((x) => !roundOk.has(x.roundId))) refuse('loans', l.row, 'round', 'ledger_round_refused', { round: l.roundName }, `its round "${l.roundName}" is refused`);

  for (const r of acceptedRounds) verdicts.push({ file: 'rounds', row: r.row, ok: true, id: r.id });
  for (const l of loansOk) {
    verdicts.push({ file: 'loans', row: l.row, ok: true, id: l.id });
    for (const r of l.repayments) verdicts.push({ file: 'repayments', row: r.row, ok: true, id: r.id });
    if (l.writeOff) verdicts.push({ file: 'writeOffs', row: l.writeOff.row, ok: true, id: l.id });
  }
  return { rounds: acceptedRounds, loans: loansOk, verdicts: dedupe(verdicts) };
}

/** One verdict per row: the first refusal wins over later ones and over acceptance. */
function dedupe(verdicts: RowVerdict[]): RowVerdict[] {
  const byRow = new Map<string, RowVerdict>();
  for (const v of verdicts) {
    const key = `${v.file}|${v.row}`;
    const seen = byRow.get(key);
    if (!seen || (seen.ok && !v.ok)) byRow.set(key, v);
  }
  const order: LedgerFile[] = ['rounds', 'loans', 'repayments', 'writeOffs'];
  return [...byRow.values()].sort((a, b) => order.indexOf(a.file) - order.indexOf(b.file) || a.row - b.row);
}

// ---------------------------------------------------------------- totals

const emptyFigures = (): LedgerFigures => ({ loans: 0, repayments: 0, writeOffs: 0, disbursedFen: 0, repaidFen: 0, writtenOffFen: 0, outstandingFen: 0 });

/**
 * The paper totals recomputed from the rows that could be read (whatever else is wrong with
 * them), whole ledger and per round of the rounds sheet: what the office's own sums cover.
 */
export function ledgerTotals(read: ReadLedger): { totals: LedgerFigures; rounds: RoundFigures[] } {
  const totals = emptyFigures();
  const perRound = new Map<string, RoundFigures>();
  for (const p of read.rounds) {
    if (p.ok && !perRound.has(roundNameKey(p.value.name)))
      perRound.set(roundNameKey(p.value.name), { ...emptyFigures(), name: p.value.name, roundId: p.value.id, ...(p.value.declared ? { declared: p.value.declared } : {}) });
  }
  const of = (name: string) => {
    const key = roundNameKey(name);
    if (!perRound.has(key)) perRound.set(key, { ...emptyFigures(), name, roundId: '' });
    return perRound.get(key)!;
  };
  /** each row read counted, and its money added, in the whole ledger's figures and its round's */
  const add = <T extends { roundName: string }>(rows: Prepared<T>[], count: 'loans' | 'repayments' | 'writeOffs', sum: 'disbursedFen' | 'repaidFen' | 'writtenOffFen', fen: (row: T) => number) => {
    for (const p of rows) {
      if (!p.ok) continue;
      for (const f of [totals, of(p.value.roundName)]) {
        f[count]++;
        f[sum] += fen(p.value);
      }
    }
  };
  add(read.loans, 'loans', 'disbursedFen', (l) => l.principalFen);
  add(read.repayments, 'repayments', 'repaidFen', (r) => r.amountFen);
  add(read.writeOffs, 'writeOffs', 'writtenOffFen', (w) => w.amountFen);
  for (const f of [totals, ...perRound.values()]) f.outstandingFen = f.disbursedFen - f.repaidFen - f.writtenOffFen;
  return { totals, rounds: [...perRound.values()] };
}

const TOTAL_FIELDS = ['disbursedFen', 'repaidFen', 'writtenOffFen', 'outstandingFen'] as const;

/** Every total that differs from its declared paper figure: per round (where the rounds sheet gives one) and for the whole ledger. */
export function totalDifferences(declared: DeclaredTotals, figures: { totals: LedgerFigures; rounds: RoundFigures[] }): TotalDifference[] {
  const out: TotalDifference[] = [];
  for (const round of figures.rounds) {
    for (const field of TOTAL_FIELDS) {
      const d = round.declared?.[field];
      if (d !== undefined && d !== round[field]) out.push({ round: round.name, field, declaredFen: d, computedFen: round[field], differenceFen: round[field] - d });
    }
  }
  for (const field of TOTAL_FIELDS) {
    if (declared[field] !== figures.totals[field]) out.push({ field, declaredFen: declared[field], computedFen: figures.totals[field], differenceFen: figures.totals[field] - declared[field] });
  }
  return out;
}

// ---------------------------------------------------------------- the fund before each round

/**
 * The money the committee newly granted with each round when the sheet leaves it empty: what
 * the district's fund lacked when the round opened (its capital less the money available to
 * re-lend then: what was there before, recoveries and unused capital of closed rounds).
 */
export function grantsOf(rounds: LedgerRound[], loans: LedgerLoan[], availableBeforeFen: number): Map<string, number> {
  const events: { date: string; order: number; apply: (state: { available: number }) => void }[] = [];
  const grants = new Map<string, number>();
  for (const round of rounds) {
    events.push({
      date: round.openedOn,
      order: 1,
      apply: (s) => {
        const grant = round.grantFen ?? Math.max(0, round.capitalFen - s.available);
        grants.set(round.id, grant);
        s.available += grant - round.capitalFen;
      },
    });
    if (round.closedOn) {
      const committed = loans.filter((l) => l.roundId === round.id).reduce((sum, l) => sum + l.principalFen, 0);
      events.push({ date: round.closedOn, order: 2, apply: (s) => (s.available += round.capitalFen - committed) });
    }
  }
  for (const loan of loans) for (const r of loan.repayments) events.push({ date: r.paidOn, order: 0, apply: (s) => (s.available += r.amountFen) });
  const state = { available: availableBeforeFen };
  for (const e of events.sort((a, b) => a.date.localeCompare(b.date) || a.order - b.order)) e.apply(state);
  return grants;
}
