/** The id of an application brought in by a bulk import or a ledger (a leaf: both imports and the ledger's apply use it). */
import { createHash } from 'node:crypto';

/**
 * The 26-character id (ULID alphabet) of the application imported for this mother into this
 * round, derived from her keyed id (`motherKey`, an HMAC of the resident ID with the secret
 * mother key), never from the ID number itself: without the key no one can test candidate
 * ID numbers against an id they see.
 */
export function importedApplicationId(roundId: string, motherId: string): string {
  const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
  const hash = createHash('sha256').update(`happiness-project:import:${roundId}:${motherId}`).digest();
  let value = 0n;
  for (let j = 0; j < 10; j++) value = (value << 8n) | BigInt(hash[j]!);
  let tail = '';
  for (let j = 0; j < 16; j++, value >>= 5n) tail = CROCKFORD[Number(value & 31n)] + tail;
  // the time part is the round's (ULIDs start with their creation time): ids stay ULID-shaped and sort after the round
  return `${roundId.slice(0, 10)}${tail}`;
}
