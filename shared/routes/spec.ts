/**
 * What a route is (a leaf module: the per-function route tables import it, it imports none
 * of them): the functions, their sizes, the shape of a route and the types a table of routes
 * gives its handlers. The tables are `shared/routes/<function>.ts`; `shared/routes.ts` merges them.
 */
import type * as z from 'zod/mini';
import { ROLES, type Role } from '../domain/roles.ts';

export const FUNCTIONS = [
  'meta',
  'offices',
  'rounds',
  'applications',
  'imports',
  'screening',
  'disbursement',
  'evaluations',
  'repayments',
  'remittances',
  'loans',
  'reports',
  'audit',
  'ledger',
  'ledger-stage',
  'ledger-apply',
  'outreach',
  'public',
  'sms',
  'verify',
  'confirmations',
  'evaluation-reports',
  'staff',
  'personal-data',
] as const;
export type FunctionName = (typeof FUNCTIONS)[number];

/**
 * Functions that need more than the defaults (10 s, 512 MB); bulk intake runs up to API
 * Gateway's 29 s limit, with reserved concurrency so bulk imports cannot starve the others.
 */
export const FUNCTION_SIZES: Partial<Record<FunctionName, { timeoutSeconds: number; memorySize: number; reservedConcurrency?: number }>> = {
  imports: { timeoutSeconds: 29, memorySize: 1024, reservedConcurrency: 4 },
  reports: { timeoutSeconds: 15, memorySize: 1024 },
  audit: { timeoutSeconds: 15, memorySize: 1024 },
  // the ledger's heavy work: reading a district's whole workbook, and writing it once approved
  'ledger-stage': { timeoutSeconds: 29, memorySize: 1769 },
  'ledger-apply': { timeoutSeconds: 29, memorySize: 1769 },
  // a donor report reads every district's aggregates
  outreach: { timeoutSeconds: 29, memorySize: 1024 },
};

export const timeoutSecondsOf = (fn: FunctionName): number => FUNCTION_SIZES[fn]?.timeoutSeconds ?? 10;

export interface RouteSpec {
  fn: FunctionName;
  summary: string;
  /** roles allowed; absent means public (no token) */
  roles?: readonly Role[];
  body?: z.ZodMiniType;
  query?: z.ZodMiniType;
  /** money-moving routes require an Idempotency-Key; others accept one */
  idempotencyKey?: 'required' | 'optional';
  /** status of a successful answer */
  status?: 200 | 201;
  /** largest request body, when larger than the default 64 KiB (a file upload) */
  maxBodyBytes?: number;
  /** body fields that hold a whole file: its reader checks the text (and names row and column), not the adapter */
  fileFields?: readonly string[];
  /**
   * shape of a successful JSON answer (`shared/domain/response-schemas.ts`); for routes that
   * also answer CSV (`?format=csv`), the JSON variant. Optional only so that a new route
   * compiles before it has one: `test/unit/response-contract.test.ts` fails for any route
   * without it that is not on its `MISSING_RESPONSE` list.
   */
  response?: z.ZodMiniType;
}

/** A table of routes: `'METHOD /path'` → its spec. */
export type RouteTable = Record<string, RouteSpec>;

/** Every role: a route any signed-in member of staff may call. */
export const everyone = ROLES;

/** The parsed body, query and answer of one route's spec. */
export type BodyIn<S> = S extends { body: infer B extends z.ZodMiniType } ? z.output<B> : undefined;
export type QueryIn<S> = S extends { query: infer Q extends z.ZodMiniType } ? z.output<Q> : undefined;
export type ResponseIn<S> = S extends { response: infer R extends z.ZodMiniType } ? z.output<R> : unknown;

/** The keys of table `T` served by function `F`. */
export type KeysServedBy<T, F extends FunctionName> = { [K in keyof T & string]: T[K] extends { fn: F } ? K : never }[keyof T & string];

export function splitRouteKey(key: string): { method: string; path: string } {
  const [method, path] = key.split(' ') as [string, string];
  return { method, path };
}
