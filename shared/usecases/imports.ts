import { BatchGetCommand } from '@aws-sdk/lib-dynamodb';
import type { Round } from '../domain/entities.ts';
import { CapacityExceeded, ConcurrentChange, Conflict, Forbidden, NotFound, ServiceUnavailable } from '../domain/errors.ts';
import { prepareImport } from '../domain/import-rows.ts';
import type { ImportInput, ImportReport, ImportRowResult } from '../domain/import-schemas.ts';
import { ancestorAt, isWithin } from '../domain/offices.ts';
import { importRowErrorIn } from '../i18n/import-row-text.ts';
import { DEFAULT_LANG } from '../i18n/lang.ts';
import type { ApplicationInput } from '../domain/schemas/applications.ts';
import { documentClient, recordsTable } from '../store/client.ts';
import { guardUnavailable } from '../store/errors.ts';
import { keys, motherKey } from '../store/keys.ts';
import { getMother, type MotherRecord } from '../store/mothers.ts';
import { officeSubtree } from '../store/offices.ts';
import { getRecord } from '../store/records.ts';
import { getRound } from '../store/rounds.ts';
import { recordingOf, type ProgrammeSettings } from '../domain/controls.ts';
import { stageException } from '../store/exceptions.ts';
import { getSettings } from '../store/settings.ts';
import { Transaction } from '../store/transaction.ts';
import { newApplication, stageSubmission } from './applications.ts';
import { actorOf, newId, type Context } from './context.ts';
import { auditIdCheck } from './id-checks.ts';
import { inParallel } from './in-parallel.ts';

/** Keys per BatchGetItem (DynamoDB's limit). */
const READ_BATCH = 100;
/** Rows per TransactWriteItems: 2 items each (application, mother), 98, with the back-dated exception item 99: within DynamoDB's 100. */
const ROWS_PER_TRANSACTION = 49;
const PARALLEL_READS = 8;
const PARALLEL_WRITES = 8;
/**
 * No new transaction is started this long after the request began: API Gateway gives up at
 * 29 s, and rows not reached are reported so that sending the same file again imports them.
 */
export const WRITE_DEADLINE_MS = 22_000;
const CHANGED_MEANWHILE = 'was changed by another request at the same time; send the same file again (rows already imported are reported as such)';
const OUT_OF_TIME = 'not imported: the import ran out of time before this row; send the same file again to import the rest (rows already imported are reported as such)';
const OPEN_ELSEWHERE = 'this mother already has an open application or loan in another office; she may apply again after it is repaid or rejected';
/** Answers larger than this are not kept for Idempotency-Key replays (an item holds at most 400 KB). */
const MAX_STORED_ANSWER_BYTES = 300_000;

interface Candidate {
  index: number;
  row: number;
  input: ApplicationInput;
  applicationId: string;
}

type Item = Record<string, unknown>;
type Key = { pk: string; sk: string };

/** A row refused because its mother has an open case in another district: reported to both districts' exceptions. */
interface Crossing {
  row: Candidate;
  openCase: { kind: 'application' | 'loan'; id: string };
  /** the office (village) of the open case, in the other district */
  officeId: string;
}

/**
 * importApplications: a township (or the district office) imports its list of applications
 * for a round, from CSV or the first sheet of an Excel workbook. Every row is checked as
 * submitApplication checks one application, and answered on its own.
 * 1. the round exists (404), lies in the caller's district (403) and is open (409);
 * 2. the file is read and every row mapped and validated (`prepareImport`): schema, the
 *    village (in the caller's subtree and the round's district), dates, and a mother listed
 *    twice (the second row is refused); an unreadable file is refused whole (422, `content`);
 * 3. the mothers' records are read (BatchGetItem; for a real import per chunk of step 4), and the cases they have
 *    open: a mother with an open application or loan from THIS round is `already_imported`
 *    (as is one whose application imported from a file into this round was since decided),
 *    any other open case refuses the row (never naming another office's record), and in a
 *    real import a refusal because of an open case in another district is written to the
 *    exceptions report of both districts; every import, dry run or not, leaves a
 *    `bulk_id_check` item in the exceptions report (who, how many rows and ID numbers);
 * 4. unless `dryRun`, the rows are taken 49 at a time by eight writers at once, each reading its
 *    rows' mothers (step 3) and writing the accepted ones in one transaction (within the 100
 *    items DynamoDB allows), each row complete (the application, which is also its submission's
 *    history entry, and the mother's open case, as submitApplication writes them) with the
 *    same conditions; when a transaction is cancelled (a race with another request), its
 *    mothers are read again (rows another request imported meanwhile become
 *    `already_imported`, other open cases refuse the row) and the rest are written one by
 *    one, so only the conflicting rows are refused.
 * Application ids are derived from (round, resident ID), so importing the same file again
 * creates nothing new. Rows not reached WRITE_DEADLINE_MS after the request began are
 * refused as out of time, nothing of them written; sending the file again imports them.
 * With an Idempotency-Key, a complete answer (under 300 KB) is kept and replayed to a retry;
 * larger or incomplete imports are answered afresh, the rows written before as `already_imported`.
 * Every refused row names its rule and parameters; its message is in the caller's language
 * (Accept-Language), naming the column by the template's Chinese header.
 */
export async function importApplications(ctx: Context, roundId: string, input: ImportInput, opts: { deadlineMs?: number } = {}): Promise<ImportReport> {
  const round = await getRound(roundId);
  if (!round) throw new NotFound('round', roundId);
  if (!isWithin(ctx.caller.officeId, round.districtId)) throw new Forbidden(`round ${round.id} belongs to district ${round.districtId}, outside your office ${ctx.caller.officeId}`);
  if (round.status !== 'open') throw new Conflict(`round ${round.id} is closed`, 'round_closed');

  const districtOffices = await officeSubtree(round.districtId);
  const prepared = prepareImport(input, {
    roundId: round.id,
    districtId: round.districtId,
    roundOpenedOn: round.openedOn,
    callerOfficeId: ctx.caller.officeId,
    today: ctx.today,
    districtOffices,
    loanRangeFen: { min: round.minLoanFen, max: round.maxLoanFen },
    motherId: motherKey,
  });

  const results: ImportRowResult[] = new Array(prepared.length);
  const candidates: Candidate[] = [];
  prepared.forEach((p, index) => {
    if (p.ok) candidates.push({ index, row: p.row, input: p.input, applicationId: p.applicationId });
    else results[index] = { row: p.row, status: 'refused', errors: p.errors };
  });

  const crossings = new Map<number, Crossing>();
  const audit = () =>
    auditIdCheck(ctx, {
      via: 'application_import',
      districtId: round.districtId,
      dryRun: input.dryRun,
      rows: prepared.length,
      ids: new Set(candidates.map((c) => c.input.mother.residentId)).size,
      roundId: round.id,
    });

  /** some rows were not written for want of time or because of a race: the answer is not kept for replays */
  let incomplete = false;
  if (input.dryRun) {
    const toWrite = await screenMothers(ctx, round, candidates, results, true, crossings);
    await audit();
    for (const c of toWrite) results[c.index] = accepted(c);
  } else {
    const deadline = ctx.now.getTime() + (opts.deadlineMs ?? WRITE_DEADLINE_MS);
    const [settings] = await Promise.all([getSettings(), audit()]);
    // each writer reads the mothers of its own chunk, then writes it: the reads of one chunk overlap the writes of the others
    const budget = new WriteBudget(PARALLEL_WRITES);
    await inParallel(chunk(candidates, ROWS_PER_TRANSACTION), PARALLEL_WRITES, async (part) => {
      const rows = await screenMothers(ctx, round, part, results, false, crossings);
      if (!rows.length) return;
      for (let attempt = 1; ; attempt++) {
        if (Date.now() >= deadline) {
          incomplete = true;
          for (const c of rows) results[c.index] = refusedFor(c, 'row', 'import_out_of_time', {}, OUT_OF_TIME);
          return;
        }
        const error = await budget.run(() => commitRows(ctx, round, rows, settings));
        if (!error) {
          for (const c of rows) results[c.index] = accepted(c);
          return;
        }
        // throttled: nothing of the chunk was written; fewer writers, a pause, the same chunk again
        if (error instanceof CapacityExceeded) {
          await pause(attempt);
          continue;
        }
        if (!isRace(error)) throw error;
        // another request got to some of these mothers first: read them again, then write the rest one by one
        const rest = await screenMothers(ctx, round, rows, results, false, crossings);
        await inParallel(rest, PARALLEL_WRITES, async (c) => {
          const result = await writeOneByOne(ctx, round, c, settings, crossings);
          if (result.errors?.[0]?.rule === 'import_changed_meanwhile') incomplete = true;
          results[c.index] = result;
        });
        return;
      }
    });
  }

  if (crossings.size) await reportCrossings(ctx, round, [...crossings.values()]);

  const lang = ctx.lang ?? DEFAULT_LANG;
  const rows = results.map((r) => (r.errors ? { ...r, errors: r.errors.map((e) => importRowErrorIn(e, lang)) } : r));
  const report: ImportReport = {
    roundId: round.id,
    dryRun: input.dryRun,
    rows,
    accepted: results.filter((r) => r.status === 'accepted').length,
    refused: results.filter((r) => r.status === 'refused').length,
    alreadyImported: results.filter((r) => r.status === 'already_imported').length,
  };
  if (!input.dryRun && !incomplete && ctx.idempotency && Buffer.byteLength(JSON.stringify(report)) <= MAX_STORED_ANSWER_BYTES) {
    return new Transaction().commit(report, ctx.idempotency);
  }
  return report;
}

const accepted = (c: Candidate): ImportRowResult => ({ row: c.row, status: 'accepted', applicationId: c.applicationId });
const alreadyImported = (c: Candidate, applicationId: string): ImportRowResult => ({ row: c.row, status: 'already_imported', applicationId });
const refusedFor = (c: Candidate, field: string, rule: string, params: Record<string, unknown>, message: string): ImportRowResult => ({
  row: c.row,
  status: 'refused',
  errors: [{ field, rule, params, message }],
});

/**
 * Writes the exceptions of rows refused for an open case in another district: one item for
 * the importing district (naming no record of the other) and one for the district of the open
 * case (naming it), 40 rows to a transaction. The importer's answer names neither.
 */
async function reportCrossings(ctx: Context, round: Round, crossings: Crossing[]): Promise<void> {
  await inParallel(chunk(crossings, 40), PARALLEL_WRITES, async (part) => {
    const tx = new Transaction();
    for (const { row, openCase, officeId } of part) {
      const there = ancestorAt(officeId, 'district') ?? officeId;
      const base = {
        kind: 'cross_district_application' as const,
        date: ctx.today,
        at: ctx.now.toISOString(),
        actor: actorOf(ctx.caller),
        data: { submittingDistrictId: round.districtId, openCaseDistrictId: there, via: 'import', roundId: round.id, row: row.row },
      };
      stageException(tx, {
        ...base,
        id: newId(),
        districtId: round.districtId,
        officeId: row.input.villageId,
        recordType: openCase.kind,
        recordId: '',
        summary: `an imported application (row ${row.row}) was refused: the mother already has an open case in district ${there}`,
      });
      stageException(tx, {
        ...base,
        id: newId(),
        districtId: there,
        officeId,
        recordType: openCase.kind,
        recordId: openCase.id,
        summary: `district ${round.districtId} tried to import an application for the mother of this open ${openCase.kind}`,
      });
    }
    await tx.commit(undefined);
  });
}

const pkSk = (k: Key) => `${k.pk}\u0000${k.sk}`;

/**
 * Reads the candidates' mothers and the cases they have open; settles the rows of mothers
 * already in this round or with another open case, and returns the rows to write.
 */
async function screenMothers(ctx: Context, round: Round, candidates: Candidate[], results: ImportRowResult[], dryRun: boolean, crossings: Map<number, Crossing>): Promise<Candidate[]> {
  // each mother's keyed hash once per read (an HMAC each)
  const motherKeys = new Map(candidates.map((c) => [c, keys.mother(motherKey(c.input.mother.residentId))]));
  const motherKeyOf = (c: Candidate) => motherKeys.get(c)!;
  const mothers = await batchGet([...motherKeys.values()], ['openCase']);
  const caseKeyOf = (m: MotherRecord | undefined, c: Candidate): Key | undefined => {
    if (m?.openCase) return m.openCase.kind === 'application' ? keys.application(m.openCase.id) : keys.loan(m.openCase.id);
    // a mother with a record but nothing open had a case before: perhaps this very row, imported and since decided
    return m ? keys.application(c.applicationId) : undefined;
  };
  const caseKeys = candidates.map((c) => caseKeyOf(mothers.get(pkSk(motherKeyOf(c))) as MotherRecord | undefined, c)).filter((k): k is Key => !!k);
  const cases = await batchGet(caseKeys, ['roundId', 'applicationId', 'status', 'villageId']);

  const toWrite: Candidate[] = [];
  for (const c of candidates) {
    const mother = mothers.get(pkSk(motherKeyOf(c))) as MotherRecord | undefined;
    const key = caseKeyOf(mother, c);
    const found = key ? cases.get(pkSk(key)) : undefined;
    const settled = settle(ctx, round, c, mother, found, dryRun, crossings);
    if (settled) results[c.index] = settled;
    else toWrite.push(c);
  }
  return toWrite;
}

/**
 * The answer for a row whose mother already has a case, or undefined when the row may be
 * written. An open case outside the caller's subtree is never named; a dry run does not
 * look at it at all (so a dry run cannot test ID numbers against other offices' records):
 * the real import refuses that row, and a refusal across districts is added to `crossings` (by row).
 */
function settle(ctx: Context, round: Round, c: Candidate, mother: MotherRecord | undefined, found: Item | undefined, dryRun: boolean, crossings: Map<number, Crossing>): ImportRowResult | undefined {
  const open = mother?.openCase;
  if (open) {
    if (found?.roundId === round.id) return alreadyImported(c, open.kind === 'application' ? open.id : String(found.applicationId));
    const officeId = open.officeId ?? (typeof found?.villageId === 'string' ? found.villageId : undefined);
    if (!officeId || !isWithin(officeId, ctx.caller.officeId)) {
      if (dryRun) return undefined;
      if (officeId && ancestorAt(officeId, 'district') !== round.districtId) crossings.set(c.index, { row: c, openCase: { kind: open.kind, id: open.id }, officeId });
      return refusedFor(c, 'residentId', 'import_open_case_elsewhere', {}, OPEN_ELSEWHERE);
    }
    const where = found?.roundId ? ` in round ${String(found.roundId)}` : '';
    return refusedFor(
      c,
      'residentId',
      'mother_has_open_case',
      { kind: open.kind, id: open.id, ...(typeof found?.roundId === 'string' ? { roundId: found.roundId } : {}) },
      `this mother already has an open ${open.kind} (${open.id})${where}; she may apply again after it is repaid or rejected`,
    );
  }
  if (found) return alreadyImported(c, c.applicationId);
  return undefined;
}

/**
 * Writes the rows in one transaction, each as submitApplication writes one application; rows
 * dated more than the programme's `backDatedAfterDays` back are marked back-dated, and one
 * exceptions-report item lists the back-dated ones of the transaction.
 */
async function commitRows(ctx: Context, round: Round, rows: Candidate[], settings: ProgrammeSettings): Promise<void> {
  const tx = new Transaction();
  const late: { id: string; submittedOn: string; daysLate: number }[] = [];
  for (const c of rows) {
    const app = newApplication(ctx, round, c.input, c.applicationId);
    const { backDated } = recordingOf(settings, app.submittedOn, ctx.today, ctx.now.toISOString());
    if (backDated) late.push({ id: app.id, submittedOn: app.submittedOn, daysLate: backDated.daysLate });
    stageSubmission(tx, backDated ? { ...app, backDated } : app);
  }
  if (late.length)
    stageException(tx, {
      id: newId(),
      kind: 'back_dated',
      date: ctx.today,
      at: ctx.now.toISOString(),
      districtId: round.districtId,
      officeId: ctx.caller.officeId,
      recordType: 'application',
      recordId: late[0]!.id,
      actor: actorOf(ctx.caller),
      summary: `${late.length} imported application(s) dated up to ${Math.max(...late.map((l) => l.daysLate))} days back (${late[0]!.submittedOn} …)`,
      data: { what: 'imported applications', applications: late },
    });
  await tx.commit(undefined);
}

/** A jittered, growing pause before the attempt after `attempt` (50 ms, 100 ms, … up to 2 s). */
const pause = (attempt: number) => new Promise((resolve) => setTimeout(resolve, Math.min(2000, 25 * 2 ** attempt) * (0.5 + Math.random())));

/**
 * How many chunk transactions may be in flight: PARALLEL_WRITES while the table keeps up;
 * halved each time one is throttled (CapacityExceeded), grown back by one per PARALLEL_WRITES
 * written (additive increase, multiplicative decrease), so an import slows to what the table
 * and its indexes take instead of failing rows.
 */
class WriteBudget {
  private allowed: number;
  private active = 0;
  private readonly waiting: (() => void)[] = [];

  constructor(private readonly most: number) {
    this.allowed = most;
  }

  /** Runs `write` when a place is free; answers its error, or undefined when it succeeded. */
  async run(write: () => Promise<void>): Promise<unknown> {
    while (this.active >= Math.floor(this.allowed)) await new Promise<void>((resolve) => this.waiting.push(resolve));
    this.active++;
    let failure: unknown;
    try {
      await write();
      this.allowed = Math.min(this.most, this.allowed + 1 / this.most);
    } catch (error) {
      failure = error;
      if (error instanceof CapacityExceeded) this.allowed = Math.max(1, this.allowed / 2);
    } finally {
      this.active--;
      for (let free = Math.floor(this.allowed) - this.active; free > 0 && this.waiting.length; free--) this.waiting.shift()!();
    }
    return failure;
  }
}

/** A cancelled transaction: a condition failed (another request got there first) or a conflicting transaction ran at the same time. */
const isRace = (error: unknown) => error instanceof Conflict || error instanceof ConcurrentChange;

/** One row of a cancelled chunk: written alone, or answered from what the other request left. */
async function writeOneByOne(ctx: Context, round: Round, c: Candidate, settings: ProgrammeSettings, crossings: Map<number, Crossing>): Promise<ImportRowResult> {
  for (let attempt = 1; ; attempt++) {
    try {
      await commitRows(ctx, round, [c], settings);
      return accepted(c);
    } catch (error) {
      if (!isRace(error)) throw error;
    }
    const mother = await getMother(c.input.mother.residentId);
    const key = mother?.openCase ? (mother.openCase.kind === 'application' ? keys.application(mother.openCase.id) : keys.loan(mother.openCase.id)) : keys.application(c.applicationId);
    const settled = settle(ctx, round, c, mother, await getRecord<Item>(key), false, crossings);
    if (settled) return settled;
    if (attempt >= 3) return refusedFor(c, 'row', 'import_changed_meanwhile', {}, CHANGED_MEANWHILE);
    await new Promise((resolve) => setTimeout(resolve, 20 * attempt + Math.random() * 30));
  }
}

/** Reads items by key, 100 per BatchGetItem, several at once; unprocessed keys are retried with back-off. */
async function batchGet(allKeys: Key[], attributes: string[]): Promise<Map<string, Item>> {
  const unique = [...new Map(allKeys.map((k) => [pkSk(k), k])).values()];
  const found = new Map<string, Item>();
  const table = recordsTable();
  const names = Object.fromEntries(['pk', 'sk', ...attributes].map((a, i) => [`#a${i}`, a]));
  await inParallel(chunk(unique, READ_BATCH), PARALLEL_READS, async (batch) => {
    let pending: Item[] = batch;
    for (let attempt = 1; pending.length; attempt++) {
      const answer = await guardUnavailable(() =>
        documentClient().send(
          new BatchGetCommand({
            RequestItems: { [table]: { Keys: pending, ConsistentRead: true, ProjectionExpression: Object.keys(names).join(', '), ExpressionAttributeNames: names } },
          }),
        ),
      );
      for (const item of answer.Responses?.[table] ?? []) found.set(pkSk(item as Key), item);
      pending = answer.UnprocessedKeys?.[table]?.Keys ?? [];
      if (!pending.length) break;
      if (attempt >= 8) throw new ServiceUnavailable('the database is busy; nothing was imported, please retry');
      await new Promise((resolve) => setTimeout(resolve, Math.min(1000, 25 * 2 ** attempt) * (0.5 + Math.random())));
    }
  });
  return found;
}

function chunk<T>(items: T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}
