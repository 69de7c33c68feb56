/**
 * TanStack Query over the typed client: the app's one cache. A read's key is
 * `[routeKey, params, query]`; a write invalidates the reads of what it changes (the same
 * resource and what depends on it: a decision creates a loan, a repayment moves a round's
 * figures and the reports).
 */
import { QueryClient, useInfiniteQuery, useMutation, useQuery, useQueryClient, type Query } from '@tanstack/react-query';
import type { RouteKey } from '../../../shared/routes.ts';
import { call, isNetworkError, type CallOptions, type DataOf } from './client.ts';
import type { Page } from './responses.ts';

export type GetKey = Extract<RouteKey, `GET ${string}`>;
export type PostKey = Extract<RouteKey, `POST ${string}`>;

export const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      staleTime: 30_000,
      refetchOnWindowFocus: false,
      // always ask: the field pages answer from the device when there is no network, the others say so
      networkMode: 'always',
      // a refusal is final; a lost answer is worth one more try
      retry: (failures, error) => isNetworkError(error) && failures < 1,
    },
    mutations: { networkMode: 'always' },
  },
});

type ReadOptions<K extends GetKey> = Omit<CallOptions<K>, 'signal'> & { enabled?: boolean };

export const readKey = <K extends GetKey>(key: K, opts?: { params?: unknown; query?: unknown }) => [key, opts?.params ?? null, opts?.query ?? null] as const;

/** One read of a route. */
export function useRead<K extends GetKey>(key: K, opts: ReadOptions<K>) {
  const { enabled, ...call_ } = opts;
  return useQuery({
    queryKey: readKey(key, call_),
    queryFn: ({ signal }) => call(key, { ...call_, signal } as unknown as CallOptions<K>),
    enabled: enabled ?? true,
  });
}

type PageItem<K extends GetKey> = DataOf<K> extends Page<infer T> ? T : never;

/** Every page of a list (for lists small by nature: a round's loans in a township, a village's applicants). */
export async function readAll<K extends GetKey>(key: K, opts: CallOptions<K>): Promise<PageItem<K>[]> {
  const items: PageItem<K>[] = [];
  let cursor: string | undefined;
  for (let i = 0; i < 200; i++) {
    const query = { ...(opts.query as object), limit: 100, cursor };
    const page = (await call(key, { ...opts, query } as unknown as CallOptions<K>)) as Page<PageItem<K>>;
    items.push(...page.items);
    cursor = page.nextCursor;
    if (!cursor) break;
  }
  return items;
}

export function useReadAll<K extends GetKey>(key: K, opts: ReadOptions<K>) {
  const { enabled, ...call_ } = opts;
  return useQuery({
    queryKey: [...readKey(key, call_), 'all'],
    queryFn: ({ signal }) => readAll(key, { ...call_, signal } as unknown as CallOptions<K>),
    enabled: enabled ?? true,
  });
}

/** A list that grows page by page ("load more"). */
export function usePages<K extends GetKey>(key: K, opts: ReadOptions<K> & { pageSize?: number }) {
  const { enabled, pageSize, ...call_ } = opts;
  return useInfiniteQuery({
    queryKey: [...readKey(key, call_), 'pages'],
    queryFn: ({ signal, pageParam }) =>
      call(key, { ...call_, query: { ...(call_.query as object), limit: pageSize ?? 50, cursor: pageParam }, signal } as unknown as CallOptions<K>) as Promise<Page<PageItem<K>>>,
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor,
    enabled: enabled ?? true,
  });
}

/** What a write to a resource may change, by the first segment of its path. */
const AFFECTS: Record<string, string[]> = {
  applications: ['applications', 'loans', 'rounds', 'reports'],
  loans: ['loans', 'rounds', 'reports', 'remittances'],
  rounds: ['rounds', 'round-requests', 'reports', 'applications'],
  'round-requests': ['round-requests', 'rounds', 'reports'],
  remittances: ['remittances', 'reports'],
  offices: ['offices'],
  'health-checks': ['health-checks', 'reports'],
  'training-sessions': ['training-sessions', 'reports'],
  'public-reports': ['public'],
  // an approved ledger import writes rounds, loans, repayments and write-offs with their own dates
  'ledger-imports': ['ledger-imports', 'loans', 'rounds', 'reports', 'remittances', 'applications'],
};

const segmentOf = (key: string) => key.split(' ')[1]?.split('/')[1] ?? '';

/** The reads a write invalidates. */
export function isAffectedBy(write: RouteKey, query: Pick<Query, 'queryKey'>): boolean {
  const read = query.queryKey[0];
  if (typeof read !== 'string') return false;
  return (AFFECTS[segmentOf(write)] ?? [segmentOf(write)]).includes(segmentOf(read));
}

/** One write of a route; on success the reads of what it changes are fetched again. */
export function useWrite<K extends PostKey>(key: K) {
  const client = useQueryClient();
  return useMutation<DataOf<K>, unknown, CallOptions<K>>({
    mutationFn: (opts) => call(key, opts),
    onSuccess: () => client.invalidateQueries({ predicate: (q) => isAffectedBy(key, q) }),
  });
}

/** The reads a write changes are fetched again (except those marked `keep`: a list being worked through). */
export function invalidateAfter(key: RouteKey, keep?: string): Promise<void> {
  return queryClient.invalidateQueries({ predicate: (q) => isAffectedBy(key, q) && (keep === undefined || !q.queryKey.includes(keep)) });
}

/** One write outside a hook (a form's submit handler); the reads of what it changes are fetched again. */
export async function write<K extends PostKey>(key: K, opts: CallOptions<K>): Promise<DataOf<K>> {
  const answer = await call(key, opts);
  await invalidateAfter(key);
  return answer;
}

/** A read that composes several calls (a page and what it links to), cached under its first route. */
export function useLoad<T>(queryKey: readonly [GetKey, ...unknown[]], load: (signal: AbortSignal) => Promise<T>, enabled = true) {
  const q = useQuery({ queryKey, queryFn: ({ signal }) => load(signal), enabled });
  return { data: q.data, error: q.error ?? undefined, loading: q.isPending && enabled, reload: () => void q.refetch(), isPending: q.isPending, refetch: q.refetch };
}
