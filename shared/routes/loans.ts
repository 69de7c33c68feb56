/** The routes served by the `loans` function (see `shared/routes.ts`). */
import { type RouteSpec, everyone } from './spec.ts';
import { ListQuery, SearchQuery } from '../domain/schemas/lists.ts';
import { LoanFile, LoanPage, SearchResults } from '../domain/responses/loans.ts';

export const LOANS_ROUTES = {
  'GET /loans': { fn: 'loans', summary: 'Loans by district or round, filtered by status (approved, active, overdue, repaid)', roles: everyone, query: ListQuery, response: LoanPage },
  'GET /loans/{id}': { fn: 'loans', summary: 'One loan with evaluations, repayments and history', roles: everyone, response: LoanFile },
  'GET /search': {
    fn: 'loans',
    summary: 'Find a mother’s applications and loans by her full resident ID number or the start of her name, inside the caller’s office',
    roles: everyone,
    query: SearchQuery,
    response: SearchResults,
  },
} as const satisfies Record<string, RouteSpec>;
