/** The routes served by the `meta` function (see `shared/routes.ts`). */
import type { RouteSpec } from './spec.ts';
import { Health, OpenApiDocument } from '../domain/responses/meta.ts';

export const META_ROUTES = {
  'GET /health': { fn: 'meta', summary: 'Liveness and database reachability', response: Health },
  'GET /openapi.json': { fn: 'meta', summary: 'This API’s OpenAPI 3.1 document', response: OpenApiDocument },
} as const satisfies Record<string, RouteSpec>;
