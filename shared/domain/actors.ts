/** Who did something, as a reader sees them (a history entry, an exception of the audit). */
import type { HistoryEvent } from './entities.ts';

/** The name people know the actor by: the display name from the staff directory, else the username. */
export function actorName(actor: HistoryEvent['actor'] | undefined): string {
  return actor?.displayName ?? actor?.username ?? '';
}
