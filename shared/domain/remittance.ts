/**
 * "Not a single fen lost": the pure rules of the repayment hand-offs. Money a mother pays
 * back travels mother → township → district → committee; each hand-off is a remittance
 * batch naming the repayments it carries. A repayment is in one place at a time:
 *
 *   held (by the township that collected it) --township_to_district--> at_district
 *   at_district --district_to_committee--> at_committee
 *
 * and travels in at most one batch per level. The cash counted at a hand-off may differ
 * from the sum of the repayments it carries: the batch is accepted but flagged, and the
 * difference shows in the reconciliation.
 */
import { Conflict, Forbidden, ValidationFailed, futureDate } from './errors.ts';
import { ancestorAt, isWithin, levelOf } from './offices.ts';
import type { Role } from './roles.ts';
import type { Actor } from './entities.ts';

export const REMITTANCE_LEVELS = ['township_to_district', 'district_to_committee'] as const;
export type RemittanceLevel = (typeof REMITTANCE_LEVELS)[number];

export const HAND_OFF_STATES = ['held', 'at_district', 'at_committee'] as const;
export type HandOffState = (typeof HAND_OFF_STATES)[number];

/** The most repayments one batch may carry: the batch, its repayments, counters, history and idempotency record fit in one transaction (100 items). */
export const MAX_BATCH_REPAYMENTS = 90;

/** The state a repayment must be in to travel at a level, and the state it is in afterwards. */
export const HAND_OFF: Record<RemittanceLevel, { from: HandOffState; to: HandOffState; sender: 'township' | 'district'; receiver: 'district' | 'committee' }> = {
  township_to_district: { from: 'held', to: 'at_district', sender: 'township', receiver: 'district' },
  district_to_committee: { from: 'at_district', to: 'at_committee', sender: 'district', receiver: 'committee' },
};

/** Where a repayment stands, as the batch rules need it. */
export interface HandOffRepayment {
  id: string;
  loanId: string;
  amountFen: number;
  paidOn: string;
  districtId: string;
  villageId: string;
  state: HandOffState;
  /** the batch that took it to the district, when it has gone */
  toDistrict?: HandOffRef;
  /** the batch that took it to the committee, when it has gone */
  toCommittee?: HandOffRef;
}

export interface HandOffRef {
  batchId: string;
  handedOverOn: string;
}

/**
 * Who may hand over from which office: a township_to_district batch comes from a township
 * in the caller's subtree (made by the township itself or its district); a
 * district_to_committee batch comes from the caller's own district. Returns the receiving office.
 */
export function receivingOffice(caller: { role: Role; officeId: string }, level: RemittanceLevel, fromOfficeId: string): string {
  const rule = HAND_OFF[level];
  if (levelOf(fromOfficeId) !== rule.sender)
    throw new ValidationFailed(`must be a ${rule.sender} office for a ${level} batch, not ${fromOfficeId}`, 'fromOfficeId', { rule: 'office_level', params: { levels: [rule.sender] } });
  if (!isWithin(fromOfficeId, caller.officeId)) throw new Forbidden(`office ${fromOfficeId} is outside your office ${caller.officeId}`);
  if (level === 'district_to_committee' && caller.role !== 'district') throw new Forbidden('only the district office remits to the committee');
  return ancestorAt(fromOfficeId, rule.receiver)!;
}

/** How a batch names a repayment: its id and its loan's (the repayment is stored in its loan's partition: one key read). */
export interface RepaymentRef {
  id: string;
  loanId: string;
}

/** The repayments of a batch (`repaymentRefs`, by id), each once. */
export function assertDistinct(ids: readonly string[]): void {
  const seen = new Set<string>();
  const twice = [
    ...new Set(
      ids.filter((id) => {
        if (seen.has(id)) return true;
        seen.add(id);
        return false;
      }),
    ),
  ];
  if (twice.length) throw new ValidationFailed(`names repayment(s) more than once: ${twice.join(', ')}`, 'repaymentRefs', { rule: 'repayments_repeated', params: { ids: twice } });
}

const where = (r: HandOffRepayment): string =>
  r.state === 'held'
    ? 'still held by its township'
    : r.state === 'at_district'
      ? `handed to the district in batch ${r.toDistrict?.batchId ?? '?'} on ${r.toDistrict?.handedOverOn ?? '?'}`
      : `remitted to the committee in batch ${r.toCommittee?.batchId ?? '?'} on ${r.toCommittee?.handedOverOn ?? '?'}`;

/**
 * Which repayments a batch may carry, checked in this order so the answer names the first
 * kind of problem and every repayment that has it:
 * 1. every repayment named (its loan and id) exists (422); 2. each belongs to the sending office (403);
 * 3. each is where this level picks it up, not already handed on (409);
 * 4. the hand-off date is not in the future, nor before any repayment was paid (or, for the
 *    committee, before the district received it) (422).
 * Returns the repayments in the order asked.
 */
export function checkBatch(
  batch: { level: RemittanceLevel; fromOfficeId: string; handedOverOn: string; repaymentRefs: readonly RepaymentRef[] },
  found: ReadonlyMap<string, HandOffRepayment>,
  today: string,
): HandOffRepayment[] {
  const ids = batch.repaymentRefs.map((r) => r.id);
  assertDistinct(ids);
  if (ids.length > MAX_BATCH_REPAYMENTS)
    throw new ValidationFailed(`may name at most ${MAX_BATCH_REPAYMENTS} repayments`, 'repaymentRefs', { rule: 'batch_too_large', params: { max: MAX_BATCH_REPAYMENTS } });
  if (batch.handedOverOn > today) throw futureDate('handedOverOn', today);

  // a repayment named with another loan than its own is not found there: unknown too
  const known = (r: RepaymentRef) => found.get(r.id)?.loanId === r.loanId;
  const unknown = batch.repaymentRefs.filter((r) => !known(r)).map((r) => r.id);
  if (unknown.length) throw new ValidationFailed(`names repayment(s) that do not exist: ${unknown.join(', ')}`, 'repaymentRefs', { rule: 'repayments_unknown', params: { ids: unknown } });
  const repayments = ids.map((id) => found.get(id)!);

  const rule = HAND_OFF[batch.level];
  const belongs = (r: HandOffRepayment) => (rule.sender === 'township' ? isWithin(r.villageId, batch.fromOfficeId) : r.districtId === batch.fromOfficeId);
  const foreign = repayments.filter((r) => !belongs(r));
  if (foreign.length) throw new Forbidden(`repayment(s) ${foreign.map((r) => `${r.id} (collected in ${r.villageId})`).join(', ')} do not belong to ${batch.fromOfficeId}`);

  const elsewhere = repayments.filter((r) => r.state !== rule.from);
  if (elsewhere.length) {
    const notYet = elsewhere.every((r) => HAND_OFF_STATES.indexOf(r.state) < HAND_OFF_STATES.indexOf(rule.from));
    const list = elsewhere.map((r) => `${r.id} (${where(r)})`).join(', ');
    throw notYet
      ? new Conflict(`repayment(s) ${list} have not reached the district yet; the township hands them over first`, 'not_received', { ids: elsewhere.map((r) => r.id) })
      : new Conflict(`repayment(s) ${list} were already handed on; a repayment travels in one batch per level`, 'already_handed_on', { ids: elsewhere.map((r) => r.id) });
  }

  const early = repayments.filter((r) => batch.handedOverOn < earliestHandOff(r, batch.level));
  if (early.length) {
    const what = batch.level === 'township_to_district' ? 'paid' : 'received by the district';
    throw new ValidationFailed(`must not be before repayment(s) were ${what}: ${early.map((r) => `${r.id} (${earliestHandOff(r, batch.level)})`).join(', ')}`, 'handedOverOn', {
      rule: 'handed_over_too_early',
      params: { ids: early.map((r) => r.id) },
    });
  }
  return repayments;
}

function earliestHandOff(r: HandOffRepayment, level: RemittanceLevel): string {
  return level === 'township_to_district' ? r.paidOn : (r.toDistrict?.handedOverOn ?? r.paidOn);
}

/** What a batch keeps of each repayment it carried (as it was when handed over). */
export interface BatchRepayment {
  id: string;
  loanId: string;
  villageId: string;
  paidOn: string;
  amountFen: number;
  receiptNo?: string;
}

/** A hand-off: which repayments went from which office to which, the amount counted, who gave and who took. */
export interface RemittanceBatch extends BatchFlag {
  id: string;
  level: RemittanceLevel;
  fromOfficeId: string;
  toOfficeId: string;
  districtId: string;
  handedOverOn: string;
  /** the amount counted and handed over (declared) */
  amountFen: number;
  repaymentCount: number;
  repayments: BatchRepayment[];
  handedOverBy: string;
  receivedBy: string;
  note?: string;
  recordedBy: Actor;
  recordedAt: string;
}

export interface BatchFlag {
  /** what the repayments carried add up to */
  sumOfRepaymentsFen: number;
  /** declared (counted and handed over) minus the sum: negative when cash is short */
  differenceFen: number;
  flagged: boolean;
}

/** The declared amount against the repayments the batch carries. */
export function flagOf(declaredFen: number, repayments: readonly { amountFen: number }[]): BatchFlag {
  const sumOfRepaymentsFen = repayments.reduce((s, r) => s + r.amountFen, 0);
  const differenceFen = declaredFen - sumOfRepaymentsFen;
  return { sumOfRepaymentsFen, differenceFen, flagged: differenceFen !== 0 };
}

// ---------- counters and reconciliation ----------

/**
 * The money counters of one office, moved in the transactions that move the money. At a
 * township money comes in as collected repayments; at a district or the committee as
 * received batches. "Declared" amounts are what the batches said was counted.
 */
export interface Flows {
  collectedFen: number;
  collectedCount: number;
  receivedFen: number;
  receivedCount: number;
  declaredReceivedFen: number;
  batchesReceived: number;
  handedOnFen: number;
  handedOnCount: number;
  declaredHandedOnFen: number;
  batchesHandedOn: number;
  flaggedBatches: number;
}
export type Flow = keyof Flows;

export const FLOWS: readonly Flow[] = [
  'collectedFen',
  'collectedCount',
  'receivedFen',
  'receivedCount',
  'declaredReceivedFen',
  'batchesReceived',
  'handedOnFen',
  'handedOnCount',
  'declaredHandedOnFen',
  'batchesHandedOn',
  'flaggedBatches',
];

export const noFlows = (): Flows => Object.fromEntries(FLOWS.map((f) => [f, 0])) as unknown as Flows;

/** Reads counters from a stored item, missing ones as zero. */
export function flowsOf(item: Partial<Record<string, unknown>> | undefined): Flows {
  const flows = noFlows();
  for (const f of FLOWS) if (typeof item?.[f] === 'number') flows[f] = item[f] as number;
  return flows;
}

export function addFlows(a: Flows, b: Partial<Flows>, sign: 1 | -1 = 1): Flows {
  const sum = { ...a };
  for (const f of FLOWS) sum[f] += sign * (b[f] ?? 0);
  return sum;
}

/** What a repayment recorded at a township adds to it. */
export const collectedFlows = (amountFen: number): Partial<Flows> => ({ collectedFen: amountFen, collectedCount: 1 });

/** What one batch moves at the sending and at the receiving office. */
export function batchFlows(declaredFen: number, flag: BatchFlag, count: number): { sender: Partial<Flows>; receiver: Partial<Flows> } {
  return {
    sender: { handedOnFen: flag.sumOfRepaymentsFen, handedOnCount: count, declaredHandedOnFen: declaredFen, batchesHandedOn: 1, flaggedBatches: flag.flagged ? 1 : 0 },
    receiver: { receivedFen: flag.sumOfRepaymentsFen, receivedCount: count, declaredReceivedFen: declaredFen, batchesReceived: 1 },
  };
}

export type ReportLevel = 'township' | 'district' | 'committee';

export interface ReconciliationRow {
  level: ReportLevel;
  officeId: string;
  name: string;
  /** townships: repayments recorded (money taken from mothers) */
  collectedFen: number;
  collectedCount: number;
  /** districts and the committee: repayments in the batches received */
  receivedFen: number;
  receivedCount: number;
  /** what those batches declared was counted */
  declaredReceivedFen: number;
  /** repayments in the batches this office handed on */
  handedOnFen: number;
  handedOnCount: number;
  /** what this office declared it handed on */
  declaredHandedOnFen: number;
  /** declaredHandedOnFen − handedOnFen: cash handed on short (negative) or over (positive) */
  differenceFen: number;
  /** collected or received, less handed on: repayments this office still holds */
  heldFen: number;
  heldCount: number;
  batchesHandedOn: number;
  flaggedBatches: number;
  /** districts and the committee: what the offices below say they handed here (absent when not all of them are in the report) */
  handedHereFen?: number;
  /** receivedFen equals handedHereFen: nothing lost on the way here */
  reconciles?: boolean;
}

export function rowOf(level: ReportLevel, office: { id: string; name: string }, f: Flows): ReconciliationRow {
  return {
    level,
    officeId: office.id,
    name: office.name,
    collectedFen: f.collectedFen,
    collectedCount: f.collectedCount,
    receivedFen: f.receivedFen,
    receivedCount: f.receivedCount,
    declaredReceivedFen: f.declaredReceivedFen,
    handedOnFen: f.handedOnFen,
    handedOnCount: f.handedOnCount,
    declaredHandedOnFen: f.declaredHandedOnFen,
    differenceFen: f.declaredHandedOnFen - f.handedOnFen,
    heldFen: f.collectedFen + f.receivedFen - f.handedOnFen,
    heldCount: f.collectedCount + f.receivedCount - f.handedOnCount,
    batchesHandedOn: f.batchesHandedOn,
    flaggedBatches: f.flaggedBatches,
  };
}

/** Sets handedHereFen / reconciles of a receiving row from the rows of the offices below it. */
export function withSenders(row: ReconciliationRow, senders: readonly ReconciliationRow[]): ReconciliationRow {
  const handedHereFen = senders.reduce((s, r) => s + r.handedOnFen, 0);
  return { ...row, handedHereFen, reconciles: handedHereFen === row.receivedFen };
}

export interface ReconciliationTotals {
  /** money taken from mothers in the townships of the report */
  collectedFen: number;
  heldByTownshipsFen: number;
  heldByDistrictsFen: number;
  /** what the districts of the report remitted to the committee */
  remittedToCommitteeFen: number;
  /** collected − (held by townships + held by districts + remitted): zero when not a fen is lost */
  unaccountedFen: number;
  /** the declared amounts of every batch against their repayments, summed (short is negative) */
  differenceFen: number;
  flaggedBatches: number;
}

/** Where the money collected in the report's townships is now. */
export function totalsOf(rows: readonly ReconciliationRow[]): ReconciliationTotals {
  const sum = (level: ReportLevel, pick: (r: ReconciliationRow) => number) => rows.filter((r) => r.level === level).reduce((s, r) => s + pick(r), 0);
  const collectedFen = sum('township', (r) => r.collectedFen);
  const heldByTownshipsFen = sum('township', (r) => r.heldFen);
  const heldByDistrictsFen = sum('district', (r) => r.heldFen);
  const remittedToCommitteeFen = sum('district', (r) => r.handedOnFen);
  const senders = rows.filter((r) => r.level !== 'committee');
  return {
    collectedFen,
    heldByTownshipsFen,
    heldByDistrictsFen,
    remittedToCommitteeFen,
    unaccountedFen: collectedFen - heldByTownshipsFen - heldByDistrictsFen - remittedToCommitteeFen,
    differenceFen: senders.reduce((s, r) => s + r.differenceFen, 0),
    flaggedBatches: senders.reduce((s, r) => s + r.flaggedBatches, 0),
  };
}
