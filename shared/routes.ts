/**
 * The route table: every route of the API, the Lambda function that serves it, who may
 * call it, the schemas of its input and of its answer. The CDK stack declares functions
 * and routes from it, the local dev server routes with it, the OpenAPI document and the
 * access tests are generated from it, and the tests check every answer against it.
 *
 * Each function's routes live in their own table, `shared/routes/<function>.ts` (a new
 * area adds its own file and one line here); a function's handler imports only its own
 * table, so its bundle holds only its own routes' schemas. What a route is: `./routes/spec.ts`.
 */
import type { BodyIn, FunctionName, QueryIn, ResponseIn, RouteSpec } from './routes/spec.ts';
import { META_ROUTES } from './routes/meta.ts';
import { OFFICES_ROUTES } from './routes/offices.ts';
import { ROUNDS_ROUTES } from './routes/rounds.ts';
import { STAFF_ROUTES } from './routes/staff.ts';
import { IMPORTS_ROUTES } from './routes/imports.ts';
import { APPLICATIONS_ROUTES } from './routes/applications.ts';
import { SCREENING_ROUTES } from './routes/screening.ts';
import { DISBURSEMENT_ROUTES } from './routes/disbursement.ts';
import { EVALUATIONS_ROUTES } from './routes/evaluations.ts';
import { REPAYMENTS_ROUTES } from './routes/repayments.ts';
import { REMITTANCES_ROUTES } from './routes/remittances.ts';
import { LOANS_ROUTES } from './routes/loans.ts';
import { REPORTS_ROUTES } from './routes/reports.ts';
import { AUDIT_ROUTES } from './routes/audit.ts';
import { LEDGER_ROUTES } from './routes/ledger.ts';
import { LEDGER_STAGE_ROUTES } from './routes/ledger-stage.ts';
import { LEDGER_APPLY_ROUTES } from './routes/ledger-apply.ts';
import { SETTINGS_ROUTES } from './routes/settings.ts';
import { OUTREACH_ROUTES } from './routes/outreach.ts';
import { SMS_ROUTES } from './routes/sms.ts';
import { PROGRAMME_ROUTES } from './routes/programme.ts';
import { EVALUATION_REPORTS_ROUTES } from './routes/evaluation-reports.ts';
import { PERSONAL_DATA_ROUTES } from './routes/personal-data.ts';

export { FUNCTIONS, FUNCTION_SIZES, splitRouteKey, timeoutSecondsOf, type FunctionName, type RouteSpec, type RouteTable } from './routes/spec.ts';

export const ROUTES = {
  ...META_ROUTES,
  ...OFFICES_ROUTES,
  ...ROUNDS_ROUTES,
  ...STAFF_ROUTES,
  ...IMPORTS_ROUTES,
  ...APPLICATIONS_ROUTES,
  ...SCREENING_ROUTES,
  ...DISBURSEMENT_ROUTES,
  ...EVALUATIONS_ROUTES,
  ...REPAYMENTS_ROUTES,
  ...REMITTANCES_ROUTES,
  ...LOANS_ROUTES,
  ...REPORTS_ROUTES,
  ...AUDIT_ROUTES,
  ...LEDGER_ROUTES,
  ...LEDGER_STAGE_ROUTES,
  ...LEDGER_APPLY_ROUTES,
  ...SETTINGS_ROUTES,
  ...OUTREACH_ROUTES,
  ...SMS_ROUTES,
  ...PROGRAMME_ROUTES,
  ...EVALUATION_REPORTS_ROUTES,
  ...PERSONAL_DATA_ROUTES,
} as const satisfies Record<string, RouteSpec>;

export type RouteKey = keyof typeof ROUTES;

export type BodyOf<K extends RouteKey> = BodyIn<(typeof ROUTES)[K]>;
export type QueryOf<K extends RouteKey> = QueryIn<(typeof ROUTES)[K]>;
export type ResponseOf<K extends RouteKey> = ResponseIn<(typeof ROUTES)[K]>;

export type RoutesOf<F extends FunctionName> = { [K in RouteKey]: (typeof ROUTES)[K]['fn'] extends F ? K : never }[RouteKey];

export function routesOf(fn: FunctionName): RouteKey[] {
  return (Object.keys(ROUTES) as RouteKey[]).filter((k) => ROUTES[k].fn === fn);
}
