/**
 * What "my work" reads: the evaluations due, the households to visit (submitted applications
 * of the open rounds with fewer than two visits), the names of the open rounds. Kept on the
 * device and shown, with their date, when there is no network.
 */
import { call, isNetworkError } from '../../api/client.ts';
import type { EvaluationsDueRow } from '../../api/responses.ts';
import { readAll } from '../../api/queries.ts';
import { cacheGet, cachePut } from '../../api/device.ts';
import { cachedLoanAge, fetchLoan } from './field-data.ts';

export type { DueLoan } from '../../api/responses.ts';
export type EvalRow = EvaluationsDueRow;

/** The query key of the work list: under the applications read, so a write there refreshes it. */
export const WORK_KEY = ['GET /applications', 'my-work'] as const;

export interface AppItem {
  id: string;
  roundId: string;
  villageId: string;
  mother: { name: string };
  amountRequestedFen: number;
  submittedOn: string;
  visitCount?: number;
}
export interface Work {
  evaluations: { asOf: string; rows: EvalRow[] };
  applications: AppItem[];
  roundNames: Record<string, string>;
  /** when this list was asked for: a visit sent from this phone after it is not in its counts yet */
  readAt?: string;
}

async function fetchWork(signal: AbortSignal): Promise<Work> {
  const readAt = new Date().toISOString();
  const [evaluations, rounds, submitted] = await Promise.all([
    call('GET /reports/evaluations', { signal }),
    call('GET /rounds', { query: { status: 'open', limit: 100 }, signal }),
    // every submitted application of the officer's district, in one list (not round by round)
    readAll('GET /applications', { query: { status: 'submitted' }, signal }),
  ]);
  // only what the page shows is kept on the device
  const applications = submitted
    .filter((a) => (a.visitCount ?? 0) < 2)
    .map((a) => ({
      id: a.id,
      roundId: a.roundId,
      villageId: a.villageId,
      mother: { name: a.mother.name },
      amountRequestedFen: a.amountRequestedFen,
      submittedOn: a.submittedOn,
      visitCount: a.visitCount ?? 0,
    }));
  return { evaluations, applications, roundNames: Object.fromEntries(rounds.items.map((r) => [r.id, r.name])), readAt };
}

/** The work list as last saved on this device (shown at once while the live one loads). */
export async function savedWork(owner: string): Promise<{ work: Work; at: string } | null> {
  const cached = await cacheGet<Work>(`my-work:${owner}`);
  return cached ? { work: cached.value, at: cached.at } : null;
}

/** The work list live (and saved on the device), or the saved one when there is no network. */
export async function loadWork(owner: string, signal: AbortSignal): Promise<{ work: Work; at?: string }> {
  const key = `my-work:${owner}`;
  try {
    const work = await fetchWork(signal);
    // kept on the phone behind the screen: the list shows without waiting for the disk
    void cachePut(key, work).catch(() => undefined);
    return { work };
  } catch (e) {
    if (!isNetworkError(e) || (e as Error).name === 'AbortError') throw e;
    const cached = await cacheGet<Work>(key);
    if (!cached) throw e;
    return { work: cached.value, at: cached.at };
  }
}

/** Fetches ahead, one at a time, the loans she will evaluate that the device lacks or has stale. */
export async function prefetchLoans(ids: string[], signal: AbortSignal) {
  for (const id of ids.slice(0, 30)) {
    if (signal.aborted || !navigator.onLine) return;
    const age = await cachedLoanAge(id);
    if (age !== undefined && age < 6 * 3_600_000) continue;
    try {
      await fetchLoan(id, signal);
    } catch {
      return;
    }
  }
}
