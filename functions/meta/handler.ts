/**
 * Health and the OpenAPI document (no token needed). The document is built with the bundle and
 * served from its compressed file (shared/http/openapi-file.ts), so this function bundles
 * neither the route table nor the schemas it describes.
 */
import { lambdaHandler } from '#shared/http/lambda.ts';
import { openApiAnswer } from '#shared/http/openapi-file.ts';
import { STATE_ERRORS } from '#shared/i18n/errors-states.ts';
import { VALUE_ERRORS } from '#shared/i18n/errors-values.ts';
import { META_ROUTES } from '#shared/routes/meta.ts';
import { checkHealth } from '#shared/usecases/health.ts';

export const handler = lambdaHandler(
  'meta',
  META_ROUTES,
  {
    'GET /health': () => checkHealth(),
    'GET /openapi.json': () => openApiAnswer(),
  },
  [VALUE_ERRORS, STATE_ERRORS],
);
