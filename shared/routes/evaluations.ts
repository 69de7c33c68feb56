/** The routes served by the `evaluations` function (see `shared/routes.ts`). */
import type { RouteSpec } from './spec.ts';
import { EvaluationInput } from '../domain/schemas/evaluations.ts';
import { Evaluation } from '../domain/responses/loans.ts';

export const EVALUATIONS_ROUTES = {
  'POST /loans/{id}/evaluations': {
    fn: 'evaluations',
    summary: 'Log a mid-term, year-end or final evaluation',
    roles: ['field', 'district'],
    body: EvaluationInput,
    idempotencyKey: 'optional',
    status: 201,
    response: Evaluation,
  },
} as const satisfies Record<string, RouteSpec>;
