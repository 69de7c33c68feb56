/**
 * Which evaluations of a loan may still be entered on this phone: a kind (mid-term, year-end,
 * final) is open while its schedule has a slot the server has not filled AND no entry of this
 * phone's outbox already claims it (waiting to be sent, or sent but not yet in the loan as last
 * read). So a form that was sent, or saved offline, is never offered again ready to submit: a
 * second tap cannot make a second evaluation (the server would refuse it later, as failed).
 *
 * Pure (no browser, no React): the evaluation page and its form both read it.
 */
import { EvaluationKind } from '../../../../shared/domain/schemas.ts';
import type { LoanSnapshot } from './field-data.ts';
import type { QueueEntry } from '../../api/offline-queue.ts';

const KINDS = EvaluationKind.options;

export interface KindSlot {
  kind: EvaluationKind;
  /** how many more evaluations of this kind may be entered (0: none) */
  remaining: number;
  /** the server has every slot of this kind filled (as the loan was last read) */
  recorded: boolean;
  /** the latest entry of this phone for this kind that is waiting or sent (not a refused one) */
  entry?: QueueEntry;
}

/**
 * Per kind: what is left to enter. `except` is a refused entry being corrected (it claims nothing).
 * Without the loan's details (never opened online on this phone) each kind is taken to have one slot.
 */
export function evaluationSlots(snap: LoanSnapshot | undefined, entries: QueueEntry[], except?: string): Record<EvaluationKind, KindSlot> {
  const known = new Set<string>([...(snap?.evaluations ?? []).map((e) => e.id), ...(snap?.evaluationSchedule ?? []).flatMap((s) => (s.evaluationId ? [s.evaluationId] : []))]);
  const mine = entries.filter((e) => e.kind === 'evaluation' && e.id !== except && e.status !== 'failed');
  const result = {} as Record<EvaluationKind, KindSlot>;
  for (const kind of KINDS) {
    const ofKind = mine.filter((e) => e.body.kind === kind);
    // a sent entry the loan as read already shows is counted there, not twice
    const claims = ofKind.filter((e) => e.status === 'pending' || !(e.resultId && known.has(e.resultId))).length;
    const slots = snap?.evaluationSchedule.filter((s) => s.kind === kind);
    const open = slots ? slots.filter((s) => !s.evaluationId).length : 1;
    result[kind] = {
      kind,
      remaining: Math.max(0, open - claims),
      recorded: !!slots && slots.length > 0 && open === 0,
      ...(ofKind.length ? { entry: ofKind.at(-1) } : {}),
    };
  }
  return result;
}

/** The first kind, in schedule order, that may still be entered. */
export function firstOpenKind(snap: LoanSnapshot | undefined, slots: Record<EvaluationKind, KindSlot>): EvaluationKind | undefined {
  const order = snap ? [...snap.evaluationSchedule.map((s) => s.kind), ...KINDS] : KINDS;
  return order.find((k) => slots[k].remaining > 0);
}
