/**
 * The route table: every route of the API, the Lambda function that serves it, who may
 * call it, the schemas of its input and of its answer. The CDK stack declares functions
 * and routes from it, the local dev server routes with it, the OpenAPI document and the
 * access tests are generated from it, and the tests check every answer against it.
 */
import type { z } from 'zod';
import {
  AgreementInput,
  ApplicationInput,
  DecisionInput,
  DisbursementInput,
  EvaluationInput,
  CloseRoundInput,
  ListQuery,
  CollectionQuery,
  SearchQuery,
  ReportQuery,
  RoundRequestDecisionInput,
  RoundRequestInput,
  RoundRequestListQuery,
  WriteOffInput,
  NoticeInput,
  ObjectionInput,
  OfficeInput,
  RepaymentInput,
  ResolutionInput,
  RoundInput,
  VisitInput,
  SettingsInput,
  RevealInput,
  ExceptionsQuery,
} from './domain/schemas.ts';
import { ROLES, type Role } from './domain/roles.ts';
import { ImportInput } from './domain/import-schemas.ts';
import { StaffInput, StaffPatch } from './domain/staff.ts';
import { RemittanceInput, RemittanceListQuery, RemittanceWaitingQuery } from './domain/remittance-schemas.ts';
import { LedgerApprovalInput, LedgerImportInput, LedgerListQuery, LedgerTemplateQuery } from './domain/ledger-schemas.ts';
import * as R from './domain/response-schemas.ts';
import { PROGRAMME_ROUTES } from './routes/programme.ts';

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
  'ledger',
  'staff',
  'confirmations',
] as const;
export type FunctionName = (typeof FUNCTIONS)[number];

/**
 * Functions that need more than the defaults (10 s, 512 MB); bulk intake runs up to API
 * Gateway's 29 s limit, with reserved concurrency so bulk imports cannot starve the others.
 */
export const FUNCTION_SIZES: Partial<Record<FunctionName, { timeoutSeconds: number; memorySize: number; reservedConcurrency?: number }>> = {
  imports: { timeoutSeconds: 29, memorySize: 1024, reservedConcurrency: 4 },
  reports: { timeoutSeconds: 15, memorySize: 1024 },
  ledger: { timeoutSeconds: 29, memorySize: 1769 },
};

export const timeoutSecondsOf = (fn: FunctionName): number => FUNCTION_SIZES[fn]?.timeoutSeconds ?? 10;

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
  response?: z.ZodType;
}

const everyone = ROLES;

export const ROUTES = {
  'GET /health': { fn: 'meta', summary: 'Liveness and database reachability', response: R.Health },
  'GET /openapi.json': { fn: 'meta', summary: 'This API’s OpenAPI 3.1 document', response: R.OpenApiDocument },

  'GET /offices': { fn: 'offices', summary: 'Offices in the caller’s subtree', roles: everyone, response: R.OfficeList },
  'POST /offices': {
    fn: 'offices',
    summary: 'Add an office below one of the caller’s',
    roles: ['committee', 'district'],
    body: OfficeInput,
    idempotencyKey: 'optional',
    status: 201,
    response: R.Office,
  },

  'GET /settings': { fn: 'rounds', summary: 'The programme settings: four eyes on or off, days after which an entry counts as back-dated', roles: everyone, response: R.ProgrammeSettings },
  'POST /settings': { fn: 'rounds', summary: 'Change the programme settings (the committee)', roles: ['committee'], body: SettingsInput, idempotencyKey: 'optional', response: R.ProgrammeSettings },
  'GET /me': { fn: 'staff', summary: 'Who the caller is, from the staff directory: name, role, office (the web app shows its menus from it)', roles: everyone, response: R.Me },
  'POST /staff': {
    fn: 'staff',
    summary: 'Add a person to the staff directory (committee: district staff; district: township and field staff of its subtree)',
    roles: ['committee', 'district'],
    body: StaffInput,
    idempotencyKey: 'optional',
    status: 201,
    response: R.StaffMember,
  },
  'GET /staff': { fn: 'staff', summary: 'The staff directory of the caller’s subtree', roles: ['committee', 'district'], response: R.StaffList },
  'PATCH /staff/{id}': {
    fn: 'staff',
    summary: 'Rename, move, change the role of, deactivate or reactivate a person',
    roles: ['committee', 'district'],
    body: StaffPatch,
    idempotencyKey: 'optional',
    response: R.StaffMember,
  },

  'POST /rounds': { fn: 'rounds', summary: 'Open a lending round for a district', roles: ['committee'], body: RoundInput, idempotencyKey: 'optional', status: 201, response: R.Round },
  'GET /rounds': { fn: 'rounds', summary: 'Rounds visible to the caller', roles: everyone, query: ListQuery, response: R.RoundPage },
  'GET /rounds/{id}': { fn: 'rounds', summary: 'One round with its capital position', roles: everyone, response: R.Round },
  'POST /rounds/{id}/close': {
    fn: 'rounds',
    summary: 'Close a round to new applications; its unused capital returns to the district fund',
    roles: ['committee', 'district'],
    body: CloseRoundInput,
    idempotencyKey: 'optional',
    response: R.Round,
  },
  'POST /round-requests': {
    fn: 'rounds',
    summary: 'A district applies for a new round, also while older loans are being repaid (the request carries the fund position; the committee decides)',
    roles: ['district'],
    body: RoundRequestInput,
    idempotencyKey: 'optional',
    status: 201,
    response: R.RoundRequest,
  },
  'GET /round-requests': { fn: 'rounds', summary: 'Round requests by district and status', roles: ['committee', 'district'], query: RoundRequestListQuery, response: R.RoundRequestPage },
  'POST /round-requests/{id}/decision': {
    fn: 'rounds',
    summary: 'The committee approves a round request with the capital it grants (opens the round) or rejects it',
    roles: ['committee'],
    body: RoundRequestDecisionInput,
    idempotencyKey: 'optional',
    response: R.RoundRequestDecided,
  },
  'POST /rounds/{id}/imports': {
    fn: 'imports',
    summary: 'Import a township’s list of applications (CSV or Excel), row by row',
    roles: ['township', 'district'],
    body: ImportInput,
    idempotencyKey: 'optional',
    maxBodyBytes: 5_500_000,
    fileFields: ['content'],
    response: R.ImportReport,
  },

  'POST /applications': {
    fn: 'applications',
    summary: 'Submit an application for a mother',
    roles: ['township', 'district'],
    body: ApplicationInput,
    idempotencyKey: 'optional',
    status: 201,
    response: R.Application,
  },
  'GET /applications': { fn: 'applications', summary: 'Applications by round or district, filtered by status', roles: everyone, query: ListQuery, response: R.ApplicationPage },
  'GET /applications/{id}': {
    fn: 'applications',
    summary: 'One application with notice, objections, visits, screening, history and the mother’s earlier loans',
    roles: everyone,
    response: R.ApplicationFile,
  },
  'POST /applications/{id}/notice': {
    fn: 'applications',
    summary: 'Record the public notice (公示)',
    roles: ['township', 'district'],
    body: NoticeInput,
    idempotencyKey: 'optional',
    response: R.Application,
  },
  'POST /applications/{id}/objections': {
    fn: 'applications',
    summary: 'Record an objection raised during the notice',
    roles: ['township', 'district'],
    body: ObjectionInput,
    idempotencyKey: 'optional',
    status: 201,
    response: R.Objection,
  },
  'POST /applications/{id}/objections/{objectionId}/resolution': {
    fn: 'applications',
    summary: 'Resolve an objection (dismissed or upheld)',
    roles: ['district'],
    body: ResolutionInput,
    idempotencyKey: 'optional',
    response: R.Objection,
  },
  'POST /applications/{id}/resident-id': {
    fn: 'applications',
    summary: 'Show the mother’s full resident ID number to a caller who sees it masked (audited: history and exceptions report)',
    roles: everyone,
    body: RevealInput,
    idempotencyKey: 'optional',
    response: R.ResidentIdReveal,
  },
  'POST /applications/{id}/visits': {
    fn: 'applications',
    summary: 'Log a household visit',
    roles: ['field', 'district'],
    body: VisitInput,
    idempotencyKey: 'optional',
    status: 201,
    response: R.Visit,
  },

  'POST /applications/{id}/screening': { fn: 'screening', summary: 'Run the “three nos and one priority” screening', roles: ['district', 'field'], response: R.ScreeningResult },
  'POST /applications/{id}/decision': {
    fn: 'screening',
    summary: 'Approve (creates the loan) or reject',
    roles: ['district'],
    body: DecisionInput,
    idempotencyKey: 'optional',
    response: R.Application,
  },

  'POST /loans/{id}/agreement': {
    fn: 'disbursement',
    summary: 'Record the signed loan agreement and guarantors',
    roles: ['district'],
    body: AgreementInput,
    idempotencyKey: 'optional',
    response: R.Loan,
  },
  'POST /loans/{id}/disbursement': {
    fn: 'disbursement',
    summary: 'Record the disbursement to the mother in person',
    roles: ['district', 'township'],
    body: DisbursementInput,
    idempotencyKey: 'required',
    response: R.Loan,
  },

  'POST /loans/{id}/evaluations': {
    fn: 'evaluations',
    summary: 'Log a mid-term, year-end or final evaluation',
    roles: ['field', 'district'],
    body: EvaluationInput,
    idempotencyKey: 'optional',
    status: 201,
    response: R.Evaluation,
  },

  'POST /loans/{id}/repayments': {
    fn: 'repayments',
    summary: 'Record a repayment (partial or full)',
    roles: ['township', 'district'],
    body: RepaymentInput,
    idempotencyKey: 'required',
    status: 201,
    response: R.Repayment,
  },
  'POST /loans/{id}/write-off': {
    fn: 'repayments',
    summary: 'Write off the remaining balance (counts as written off, not repaid)',
    roles: ['committee'],
    body: WriteOffInput,
    idempotencyKey: 'required',
    response: R.Loan,
  },

  'POST /remittances': {
    fn: 'remittances',
    summary: 'Record a hand-off of collected repayments (township → district → committee)',
    roles: ['township', 'district'],
    body: RemittanceInput,
    idempotencyKey: 'required',
    status: 201,
    response: R.RemittanceBatch,
  },
  'GET /remittances': {
    fn: 'remittances',
    summary: 'Remittance batches of the caller’s offices',
    roles: ['committee', 'district', 'township'],
    query: RemittanceListQuery,
    response: R.RemittanceBatchPage,
  },
  'GET /remittances/waiting': {
    fn: 'remittances',
    summary: 'Repayments an office still holds (township) or has received and not yet remitted (district)',
    roles: ['district', 'township'],
    query: RemittanceWaitingQuery,
    response: R.RepaymentPage,
  },
  'GET /remittances/{id}': { fn: 'remittances', summary: 'One remittance batch with its repayments', roles: ['committee', 'district', 'township'], response: R.RemittanceBatchFile },

  'GET /loans': { fn: 'loans', summary: 'Loans by district or round, filtered by status (approved, active, overdue, repaid)', roles: everyone, query: ListQuery, response: R.LoanPage },
  'GET /loans/{id}': { fn: 'loans', summary: 'One loan with evaluations, repayments and history', roles: everyone, response: R.LoanFile },
  'GET /search': {
    fn: 'loans',
    summary: 'Find a mother’s applications and loans by her full resident ID number or the start of her name, inside the caller’s office',
    roles: everyone,
    query: SearchQuery,
    response: R.SearchResults,
  },

  'GET /reports/repayment': {
    fn: 'reports',
    summary: 'Repayment rate (cumulative and on time), PAR30, arrears and ageing, as of a date',
    roles: ['committee', 'district'],
    query: ReportQuery,
    response: R.RepaymentReport,
  },
  'GET /reports/portfolio': {
    fn: 'reports',
    summary: 'Loans and principal by status, disbursed and outstanding, as of a date',
    roles: ['committee', 'district'],
    query: ReportQuery,
    response: R.PortfolioReport,
  },
  'GET /reports/outcomes': {
    fn: 'reports',
    summary: 'Mothers helped, household members, villages, income gained, poverty-exit rate',
    roles: ['committee', 'district'],
    query: ReportQuery,
    response: R.OutcomesReport,
  },
  'GET /reports/evaluations': {
    fn: 'reports',
    summary: 'Evaluations due and overdue per district and field officer',
    roles: ['committee', 'district', 'field'],
    query: ReportQuery,
    response: R.EvaluationsReport,
  },
  'GET /reports/fund': {
    fn: 'reports',
    summary: 'The revolving fund: granted, lent out, recovered, available to re-lend, rounds completed',
    roles: ['committee', 'district'],
    query: ReportQuery,
    response: R.FundReport,
  },
  'GET /reports/exceptions': {
    fn: 'reports',
    summary: 'Exceptions an auditor reads first: back-dated entries, refused duplicate receipts, cross-district duplicate applications, full-ID reveals, remittances that do not reconcile',
    roles: ['committee'],
    query: ExceptionsQuery,
    response: R.ExceptionsReport,
  },
  'GET /ledger-imports/templates': {
    fn: 'ledger',
    summary: 'A ledger template to fill in (rounds, loans, repayments or write-offs; CSV or Excel), with column notes and an example row',
    roles: ['district', 'committee'],
    query: LedgerTemplateQuery,
    response: R.LedgerTemplateFile,
  },
  'POST /ledger-imports': {
    fn: 'ledger',
    summary:
      'Bring a district’s history in from its Excel ledger: every row checked, totals reconciled to the fen with the paper totals; a dry run writes nothing, otherwise the batch is staged for the committee',
    roles: ['district'],
    body: LedgerImportInput,
    maxBodyBytes: 5_900_000,
    response: R.LedgerReport,
  },
  'GET /ledger-imports': {
    fn: 'ledger',
    summary: 'Ledger imports by district and status (staged, applying, applied, rejected)',
    roles: ['committee', 'district'],
    query: LedgerListQuery,
    response: R.LedgerBatchPage,
  },
  'GET /ledger-imports/{id}': { fn: 'ledger', summary: 'One ledger import: counts, totals, per-round figures, progress', roles: ['committee', 'district'], response: R.LedgerBatch },
  'POST /ledger-imports/{id}/approval': {
    fn: 'ledger',
    summary: 'The committee approves a staged ledger import (its records are written) or rejects it with a reason; never the person who staged it',
    roles: ['committee'],
    body: LedgerApprovalInput,
    response: R.LedgerBatch,
  },
  'POST /ledger-imports/{id}/apply': {
    fn: 'ledger',
    summary: 'Go on writing an approved ledger import from where it stopped (large ledgers take several calls)',
    roles: ['committee'],
    response: R.LedgerBatch,
  },

  'GET /reports/collection': {
    fn: 'reports',
    summary: 'Collection list of a township for collection day: per village, the loans due this month and overdue, with balances',
    roles: ['committee', 'district', 'township'],
    query: CollectionQuery,
    response: R.CollectionList,
  },
  'GET /reports/remittances': {
    fn: 'reports',
    summary: 'Hand-off reconciliation: collected, handed on, still held, differences',
    roles: ['committee', 'district'],
    query: ReportQuery,
    response: R.RemittanceReconciliation,
  },
  ...PROGRAMME_ROUTES,
} as const satisfies Record<string, RouteSpec>;

export type RouteKey = keyof typeof ROUTES;

export type BodyOf<K extends RouteKey> = (typeof ROUTES)[K] extends { body: infer S extends z.ZodType } ? z.output<S> : undefined;
export type QueryOf<K extends RouteKey> = (typeof ROUTES)[K] extends { query: infer S extends z.ZodType } ? z.output<S> : undefined;
export type ResponseOf<K extends RouteKey> = (typeof ROUTES)[K] extends { response: infer S extends z.ZodType } ? z.output<S> : unknown;

export type RoutesOf<F extends FunctionName> = { [K in RouteKey]: (typeof ROUTES)[K]['fn'] extends F ? K : never }[RouteKey];

export function routesOf(fn: FunctionName): RouteKey[] {
  return (Object.keys(ROUTES) as RouteKey[]).filter((k) => ROUTES[k].fn === fn);
}

export function splitRouteKey(key: RouteKey): { method: string; path: string } {
  const [method, path] = key.split(' ') as [string, string];
  return { method, path };
}
