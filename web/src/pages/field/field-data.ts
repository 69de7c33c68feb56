/**
 * What the field pages read from the API, and the copies kept on the device for when the
 * network is gone. Only what the forms show is kept: names, places, amounts, dates, never
 * a resident ID number.
 */
import { call, isNetworkError } from '../../api/client.ts';
import type { LoanDetail, Office } from '../../api/responses.ts';
import type { Lang } from '../../i18n/format.ts';
import type { EvaluationKind, LoanStatus } from '../../../../shared/domain/schemas.ts';
import { cacheGet, cachePut } from '../../api/device.ts';

export type { EvaluationKind, Office };
export { isNetworkError };
export const KINDS: EvaluationKind[] = ['midterm', 'yearend', 'final'];

export interface LoanSnapshot {
  id: string;
  mother: string;
  villageId: string;
  status: LoanStatus;
  principalFen: number;
  balanceFen: number;
  disbursedOn?: string;
  dueOn?: string;
  evaluationSchedule: { kind: EvaluationKind; dueOn: string; evaluationId?: string }[];
  evaluations: { id: string; kind: EvaluationKind; evaluatedOn: string }[];
  fieldOfficer?: string;
}

function snapshotOf(l: LoanDetail): LoanSnapshot {
  return {
    id: l.id,
    mother: l.mother.name,
    villageId: l.villageId,
    status: l.status,
    principalFen: l.principalFen,
    balanceFen: l.balanceFen,
    disbursedOn: l.disbursement?.disbursedOn,
    dueOn: l.dueOn,
    evaluationSchedule: l.evaluationSchedule.map((s) => ({ kind: s.kind, dueOn: s.dueOn, ...(s.evaluationId ? { evaluationId: s.evaluationId } : {}) })),
    evaluations: (l.evaluations ?? []).map((e) => ({ id: e.id, kind: e.kind, evaluatedOn: e.evaluatedOn })),
    fieldOfficer: l.fieldOfficer?.username,
  };
}

const loanKey = (id: string) => `loan:${id}`;

/** The loan from the API, kept on the device. */
export async function fetchLoan(id: string, signal?: AbortSignal): Promise<LoanSnapshot> {
  const snap = snapshotOf(await call('GET /loans/{id}', { params: { id }, signal }));
  await cachePut(loanKey(id), snap);
  return snap;
}

export type Loaded<T> = { value: T; live: true; at?: undefined } | { value: T; live: false; at: string };

/** The loan live, or as last saved on the device when there is no network; throws otherwise. */
export async function loadLoan(id: string, signal?: AbortSignal): Promise<Loaded<LoanSnapshot | undefined>> {
  try {
    return { value: await fetchLoan(id, signal), live: true };
  } catch (e) {
    if (!isNetworkError(e) || (e as Error).name === 'AbortError') throw e;
    const cached = await cacheGet<LoanSnapshot>(loanKey(id));
    return cached ? { value: cached.value, live: false, at: cached.at } : { value: undefined, live: false, at: '' };
  }
}

export async function cachedLoanAge(id: string): Promise<number | undefined> {
  const c = await cacheGet<LoanSnapshot>(loanKey(id));
  return c ? Date.now() - Date.parse(c.at) : undefined;
}

// ---------- offices (names of villages and townships) ----------

export async function loadOffices(signal?: AbortSignal): Promise<Map<string, Office>> {
  try {
    const { items } = await call('GET /offices', { signal });
    const slim = items.map((o) => ({ id: o.id, level: o.level, name: o.name, ...(o.nameEn ? { nameEn: o.nameEn } : {}) }));
    await cachePut('offices', slim);
    return new Map(slim.map((o) => [o.id, o]));
  } catch {
    const cached = await cacheGet<Office[]>('offices');
    return new Map((cached?.value ?? []).map((o) => [o.id, o]));
  }
}

/** "蔡公堂乡 支巴村" from a village id, or the id itself when the names are unknown. */
export function placeName(villageId: string, offices: Map<string, Office> | undefined, lang: Lang): string {
  const parts = villageId.split('.');
  const names: string[] = [];
  for (const depth of [3, 4]) {
    const o = offices?.get(parts.slice(0, depth).join('.'));
    if (o) names.push(lang === 'en' && o.nameEn ? o.nameEn : o.name);
  }
  return names.length ? names.join(' ') : parts.slice(2).join(' · ');
}
