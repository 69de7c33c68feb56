/**
 * The OpenAPI document as the `meta` function serves it. The document is the same for a
 * deployment, so the function's bundle step generates it (infra/openapi-file.ts, run by
 * infra/function-bundle.ts) and writes it beside `index.mjs` compressed with Brotli
 * (`openapi.json.br`); the bundle serves that file (shared/http/precompressed.ts) and holds
 * neither the route table nor zod's JSON Schema code. Run from the sources (the dev server,
 * the tests), the document is generated as it always was (`openApiDocument()`).
 *
 * `process.env.OPENAPI_PREBUILT` is replaced by `"true"` when a function's bundle is built
 * (esbuild `define`, infra/function-bundle.ts), which leaves the generator out of it.
 */
import { readFileSync } from 'node:fs';
import type * as z from 'zod/mini';
import type { OpenApiDocument } from '../domain/responses/meta.ts';
import { PrecompressedAnswer } from './precompressed.ts';

/** The document's file beside index.mjs: the JSON text compressed with Brotli. */
export const OPENAPI_FILE = 'openapi.json.br';

const prebuilt = new PrecompressedAnswer('application/json; charset=utf-8', () => readFileSync(new URL(`./${OPENAPI_FILE}`, import.meta.url)));

/** `GET /openapi.json`: in the bundle, its file; from the sources, the document generated. */
export async function openApiAnswer(): Promise<PrecompressedAnswer | z.output<typeof OpenApiDocument>> {
  // the import stays inside the branch: esbuild leaves out the import of a branch it finds dead
  if (process.env.OPENAPI_PREBUILT !== 'true') return (await import('./openapi.ts')).openApiDocument();
  return prebuilt;
}
