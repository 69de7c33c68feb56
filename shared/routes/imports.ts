/** The routes served by the `imports` function (see `shared/routes.ts`). */
import type { RouteSpec } from './spec.ts';
import { ImportInput } from '../domain/import-schemas.ts';
import { ImportReport } from '../domain/import-schemas.ts';

export const IMPORTS_ROUTES = {
  'POST /rounds/{id}/imports': {
    fn: 'imports',
    summary: 'Import a township’s list of applications (CSV or Excel), row by row',
    roles: ['township', 'district'],
    body: ImportInput,
    idempotencyKey: 'optional',
    maxBodyBytes: 5_500_000,
    fileFields: ['content'],
    response: ImportReport,
  },
} as const satisfies Record<string, RouteSpec>;
