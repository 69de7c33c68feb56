/**
 * Which evaluations the phone still offers: a kind whose slots the server filled, or that an
 * entry of this phone already claims (waiting, or sent and not yet in the loan as read), is not
 * offered again; a refused entry claims nothing.
 */
import { describe, expect, it } from 'vitest';
import { evaluationSlots, firstOpenKind } from '../../web/src/pages/field/evaluation-slots.ts';
import type { LoanSnapshot } from '../../web/src/pages/field/field-data.ts';
import type { EntryStatus, QueueEntry } from '../../web/src/api/offline-queue.ts';

const loan = (filled: Record<number, string> = {}): LoanSnapshot => ({
  id: 'L1',
  mother: '次仁卓玛',
  villageId: 'lhasa.chengguan.caigongtang.zhiba',
  status: 'active',
  principalFen: 1_000_000,
  balanceFen: 1_000_000,
  evaluationSchedule: (['midterm', 'yearend', 'yearend', 'final'] as const).map((kind, i) => ({ kind, dueOn: `2026-0${i + 1}-01`, ...(filled[i] ? { evaluationId: filled[i] } : {}) })),
  evaluations: Object.values(filled).map((id) => ({ id, kind: 'midterm' as const, evaluatedOn: '2026-01-01' })),
});

let n = 0;
const entry = (kind: string, status: EntryStatus, resultId?: string): QueueEntry => ({
  id: `e${n++}`,
  kind: 'evaluation',
  owner: 'field',
  path: '/loans/L1/evaluations',
  body: { kind },
  idempotencyKey: `web-${n}`,
  subjectId: 'L1',
  label: '次仁卓玛',
  status,
  createdAt: '2026-01-01T00:00:00Z',
  updatedAt: '2026-01-01T00:00:00Z',
  attempts: 0,
  ...(resultId ? { resultId } : {}),
});

describe('evaluationSlots', () => {
  it('offers every scheduled kind of a loan with nothing entered, the mid-term first', () => {
    const slots = evaluationSlots(loan(), []);
    expect([slots.midterm.remaining, slots.yearend.remaining, slots.final.remaining]).toEqual([1, 2, 1]);
    expect(firstOpenKind(loan(), slots)).toBe('midterm');
  });

  it('does not offer a kind again while its entry waits on the phone, nor once it is sent', () => {
    const waiting = entry('midterm', 'pending');
    expect(evaluationSlots(loan(), [waiting]).midterm).toMatchObject({ remaining: 0, recorded: false, entry: waiting });
    const sent = entry('midterm', 'sent', 'EV1');
    // the loan as read before the send does not show it yet: the entry claims the slot
    expect(evaluationSlots(loan(), [sent]).midterm.remaining).toBe(0);
    // read again after the send: the server's slot is filled, the entry is not counted twice
    const after = evaluationSlots(loan({ 0: 'EV1' }), [sent]);
    expect(after.midterm).toMatchObject({ remaining: 0, recorded: true });
    expect(after.yearend.remaining).toBe(2);
    expect(firstOpenKind(loan({ 0: 'EV1' }), after)).toBe('yearend');
  });

  it('counts each slot of a kind scheduled more than once', () => {
    const slots = evaluationSlots(loan({ 1: 'EV2' }), [entry('yearend', 'pending')]);
    expect(slots.yearend.remaining).toBe(0);
    expect(evaluationSlots(loan(), [entry('yearend', 'pending')]).yearend.remaining).toBe(1);
  });

  it('lets a refused entry, or the one being corrected, claim nothing', () => {
    const refused = entry('midterm', 'failed');
    expect(evaluationSlots(loan(), [refused]).midterm.remaining).toBe(1);
    const waiting = entry('final', 'pending');
    expect(evaluationSlots(loan(), [waiting], waiting.id).final.remaining).toBe(1);
  });

  it('without the loan read on this phone, takes one slot per kind', () => {
    const slots = evaluationSlots(undefined, [entry('midterm', 'pending')]);
    expect([slots.midterm.remaining, slots.yearend.remaining, slots.final.remaining]).toEqual([0, 1, 1]);
    expect(firstOpenKind(undefined, slots)).toBe('yearend');
    const all = evaluationSlots(undefined, [entry('midterm', 'sent', 'a'), entry('yearend', 'pending'), entry('final', 'pending')]);
    expect(firstOpenKind(undefined, all)).toBeUndefined();
  });
});
