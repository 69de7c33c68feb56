/**
 * A mother, keyed by the hash of her resident ID, holds the one case she may have open
 * (an application in progress or a loan not yet repaid). Conditional writes on it make
 * "one open loan per mother" hold even under concurrent submissions.
 */
import { Conflict } from '../domain/errors.ts';
import { keys, motherKey } from './keys.ts';
import { getRecord } from './records.ts';
import type { Transaction } from './transaction.ts';

export interface OpenCase {
  kind: 'application' | 'loan';
  id: string;
  /** the village of the open record, so a refusal can tell whether the caller may see it */
  officeId?: string;
}

export interface MotherRecord {
  openCase?: OpenCase;
}

export const getMother = (residentId: string) => getRecord<MotherRecord>(keys.mother(motherKey(residentId)));

const describe = (c: OpenCase | undefined) => (c ? `${c.kind} ${c.id}` : 'an open case');

/** Opens a case for the mother; refused while another is open. */
export function stageOpenCase(tx: Transaction, residentId: string, openCase: OpenCase, known?: OpenCase): void {
  tx.update(
    keys.mother(motherKey(residentId)),
    { expression: 'SET #openCase = :case, #type = :type', names: { '#openCase': 'openCase', '#type': 'type' }, values: { ':case': openCase, ':type': 'MOTHER' } },
    {
      expression: 'attribute_not_exists(#openCase)',
      onFail: () => new Conflict(`this mother already has ${describe(known)}; she may apply again after it is repaid or rejected`, 'mother_has_open_case', { kind: known?.kind }),
    },
  );
}

/** Moves the open case from one record to the next (application → loan) or closes it. */
export function stageMoveCase(tx: Transaction, residentId: string, from: OpenCase, to: OpenCase | undefined): void {
  tx.update(
    keys.mother(motherKey(residentId)),
    to ? { expression: 'SET #openCase = :to', names: { '#openCase': 'openCase' }, values: { ':to': to } } : { expression: 'REMOVE #openCase', names: { '#openCase': 'openCase' } },
    { expression: '#openCase.id = :fromId', values: { ':fromId': from.id } },
  );
}
