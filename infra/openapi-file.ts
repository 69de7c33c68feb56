/**
 * The file the `meta` function serves `GET /openapi.json` from (shared/http/openapi-file.ts):
 * the OpenAPI document generated from the route table when the bundle is built, the text the
 * function answered before (`JSON.stringify(openApiDocument())`), compressed with Brotli at its
 * highest quality (533 KB of JSON in 21 KB).
 */
import { join } from 'node:path';
import { brotliCompressSync, constants } from 'node:zlib';
import type { OutputFile } from 'esbuild';
import { OPENAPI_FILE } from '../shared/http/openapi-file.ts';

/** `openapi.json.br` for the bundle's folder `outdir`. */
export async function openApiFile(outdir: string): Promise<OutputFile[]> {
  const { openApiDocument } = await import('../shared/http/openapi.ts');
  const text = Buffer.from(JSON.stringify(openApiDocument()), 'utf8');
  const contents = new Uint8Array(brotliCompressSync(text, { params: { [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY, [constants.BROTLI_PARAM_SIZE_HINT]: text.byteLength } }));
  // as esbuild's own output files: `text` is the bytes read as UTF-8
  return [
    {
      path: join(outdir, OPENAPI_FILE),
      contents,
      hash: '',
      get text() {
        return new TextDecoder().decode(contents);
      },
    },
  ];
}
