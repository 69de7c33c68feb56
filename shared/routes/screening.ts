/** The routes served by the `screening` function (see `shared/routes.ts`). */
import type { RouteSpec } from './spec.ts';
import { DecisionInput } from '../domain/schemas/screening.ts';
import { Application, ScreeningResult } from '../domain/responses/applications.ts';

export const SCREENING_ROUTES = {
  'POST /applications/{id}/screening': { fn: 'screening', summary: 'Run the “three nos and one priority” screening', roles: ['district', 'field'], response: ScreeningResult },
  'POST /applications/{id}/decision': {
    fn: 'screening',
    summary: 'Approve (creates the loan) or reject',
    roles: ['district'],
    body: DecisionInput,
    idempotencyKey: 'optional',
    response: Application,
  },
} as const satisfies Record<string, RouteSpec>;
