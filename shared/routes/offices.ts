/** The routes served by the `offices` function (see `shared/routes.ts`). */
import { type RouteSpec, everyone } from './spec.ts';
import { OfficeInput } from '../domain/schemas/offices.ts';
import { Office, OfficeList } from '../domain/responses/offices.ts';

export const OFFICES_ROUTES = {
  'GET /offices': { fn: 'offices', summary: 'Offices in the caller’s subtree', roles: everyone, response: OfficeList },
  'POST /offices': {
    fn: 'offices',
    summary: 'Add an office below one of the caller’s',
    roles: ['committee', 'district'],
    body: OfficeInput,
    idempotencyKey: 'optional',
    status: 201,
    response: Office,
  },
} as const satisfies Record<string, RouteSpec>;
