/**
 * The route table: every route of the API, the Lambda function that serves it, who may
 * call it and the schemas of its input. The CDK stack declares functions and routes from
 * it, the local dev server routes with it, the OpenAPI document and the access tests are
 * generated from it.
 */
import type { z } from 'zod';
import {
  AgreementInput,
  ApplicationInput,
  DecisionInput,
  DisbursementInput,
  EvaluationInput,
  ListQuery,
  NoticeInput,
  ObjectionInput,
  OfficeInput,
  RepaymentInput,
  ResolutionInput,
  RoundInput,
  VisitInput,
} from './domain/schemas.ts';
import { ROLES, type Role } from './domain/roles.ts';

export const FUNCTIONS = ['meta', 'offices', 'rounds', 'applications', 'screening', 'disbursement', 'evaluations', 'repayments', 'loans'] as const;
export type FunctionName = (typeof FUNCTIONS)[number];

export interface RouteSpec {
  fn: FunctionName;
  summary: string;
  /** roles allowed; absent means public (no token) */
  roles?: readonly Role[];
  body?: z.ZodType;
  query?: z.ZodType;
  /** money-moving routes require an Idempotency-Key; others accept one */
  idempotencyKey?: 'required' | 'optional';
  /** status of a successful answer */
  status?: 200 | 201;
}

const everyone = ROLES;

export const ROUTES = {
  'GET /health': { fn: 'meta', summary: 'Liveness and database reachability' },
  'GET /openapi.json': { fn: 'meta', summary: 'This API’s OpenAPI 3.1 document' },

  'GET /offices': { fn: 'offices', summary: 'Offices in the caller’s subtree', roles: everyone },
  'POST /offices': { fn: 'offices', summary: 'Add an office below one of the caller’s', roles: ['committee', 'district'], body: OfficeInput, idempotencyKey: 'optional', status: 201 },

  'POST /rounds': { fn: 'rounds', summary: 'Open a lending round for a district', roles: ['committee'], body: RoundInput, idempotencyKey: 'optional', status: 201 },
  'GET /rounds': { fn: 'rounds', summary: 'Rounds visible to the caller', roles: everyone, query: ListQuery },
  'GET /rounds/{id}': { fn: 'rounds', summary: 'One round with its capital position', roles: everyone },

  'POST /applications': { fn: 'applications', summary: 'Submit an application for a mother', roles: ['township', 'district'], body: ApplicationInput, idempotencyKey: 'optional', status: 201 },
  'GET /applications': { fn: 'applications', summary: 'Applications by round or district, filtered by status', roles: everyone, query: ListQuery },
  'GET /applications/{id}': { fn: 'applications', summary: 'One application with notice, objections, visits, screening, history and the mother’s earlier loans', roles: everyone },
  'POST /applications/{id}/notice': { fn: 'applications', summary: 'Record the public notice (公示)', roles: ['township', 'district'], body: NoticeInput, idempotencyKey: 'optional' },
  'POST /applications/{id}/objections': { fn: 'applications', summary: 'Record an objection raised during the notice', roles: ['township', 'district'], body: ObjectionInput, idempotencyKey: 'optional', status: 201 },
  'POST /applications/{id}/objections/{objectionId}/resolution': { fn: 'applications', summary: 'Resolve an objection (dismissed or upheld)', roles: ['district'], body: ResolutionInput, idempotencyKey: 'optional' },
  'POST /applications/{id}/visits': { fn: 'applications', summary: 'Log a household visit', roles: ['field', 'district'], body: VisitInput, idempotencyKey: 'optional', status: 201 },

  'POST /applications/{id}/screening': { fn: 'screening', summary: 'Run the “three nos and one priority” screening', roles: ['district', 'field'] },
  'POST /applications/{id}/decision': { fn: 'screening', summary: 'Approve (creates the loan) or reject', roles: ['district'], body: DecisionInput, idempotencyKey: 'optional' },

  'POST /loans/{id}/agreement': { fn: 'disbursement', summary: 'Record the signed loan agreement and guarantors', roles: ['district'], body: AgreementInput, idempotencyKey: 'optional' },
  'POST /loans/{id}/disbursement': { fn: 'disbursement', summary: 'Record the disbursement to the mother in person', roles: ['district', 'township'], body: DisbursementInput, idempotencyKey: 'required' },

  'POST /loans/{id}/evaluations': { fn: 'evaluations', summary: 'Log a mid-term, year-end or final evaluation', roles: ['field', 'district'], body: EvaluationInput, idempotencyKey: 'optional', status: 201 },

  'POST /loans/{id}/repayments': { fn: 'repayments', summary: 'Record a repayment (partial or full)', roles: ['township', 'district'], body: RepaymentInput, idempotencyKey: 'required', status: 201 },

  'GET /loans': { fn: 'loans', summary: 'Loans by district or round, filtered by status (approved, active, overdue, repaid)', roles: everyone, query: ListQuery },
  'GET /loans/{id}': { fn: 'loans', summary: 'One loan with evaluations, repayments and history', roles: everyone },
} as const satisfies Record<string, RouteSpec>;

export type RouteKey = keyof typeof ROUTES;

export type BodyOf<K extends RouteKey> = (typeof ROUTES)[K] extends { body: infer S extends z.ZodType } ? z.output<S> : undefined;
export type QueryOf<K extends RouteKey> = (typeof ROUTES)[K] extends { query: infer S extends z.ZodType } ? z.output<S> : undefined;

export type RoutesOf<F extends FunctionName> = { [K in RouteKey]: (typeof ROUTES)[K]['fn'] extends F ? K : never }[RouteKey];

export function routesOf(fn: FunctionName): RouteKey[] {
  return (Object.keys(ROUTES) as RouteKey[]).filter((k) => ROUTES[k].fn === fn);
}

export function splitRouteKey(key: RouteKey): { method: string; path: string } {
  const [method, path] = key.split(' ') as [string, string];
  return { method, path };
}
