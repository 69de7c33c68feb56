/**
 * A function checks each request against its route's `body` and `query` schemas but never its
 * answer against `response` (the tests do that: `shared/http/response-contract.ts`), and no
 * function reads a route's `summary`: both are for the OpenAPI document. So a function's bundle
 * takes the route tables without them, and with them leaves out the answers' schemas that
 * nothing else of the function uses (10–27 KB a function). The function that serves the OpenAPI
 * document keeps them (`infra/function-bundle.ts` builds it again without this plugin).
 */
import { readFileSync } from 'node:fs';
import { dirname } from 'node:path';
import type { Plugin } from 'esbuild';

/** The route tables: `shared/routes/<function>.ts` (but `spec.ts`, what a route is; esbuild's filters cannot look ahead). */
const ROUTE_MODULE = /[\\/]shared[\\/]routes[\\/][^\\/]+\.ts$/;
const SPEC = /[\\/]spec\.ts$/;

/** The module that describes the answers (its presence in a bundle keeps them). */
export const ANSWERS_DESCRIBED_BY = 'shared/http/openapi.ts';

/** `response: Schema,` (or `, response: Schema }`) as the route tables write it: a schema's name, maybe `Module.Name`. */
const RESPONSE = /([{,]\s*|^\s*)response: [A-Za-z_$][\w$]*(?:\.[A-Za-z_$][\w$]*)*\s*(?:,|(?=\}))/gm;
/** `summary: '…',` (a single-quoted string, maybe on the next line): read by the OpenAPI document only. */
const SUMMARY = /([{,]\s*|^\s*)summary:\s*'(?:[^'\\\n]|\\.)*'\s*(?:,|(?=\}))/gm;

/** The source of a route table without its `response` and `summary` entries; refuses one it cannot take out (written otherwise than `response: Name` or `summary: '…'`). */
export function withoutResponses(path: string, source: string): string {
  const stripped = source.replace(RESPONSE, '$1').replace(SUMMARY, '$1');
  if (/\bsummary\s*:/.test(stripped)) throw new Error(`${path}: write a route's summary as one single-quoted string (the function bundles leave it out: infra/route-answers.ts)`);
  if (/\bresponse\s*:/.test(stripped)) throw new Error(`${path}: write a route's answer as \`response: SchemaName\` (the function bundles leave it out: infra/route-answers.ts)`);
  return stripped;
}

/** The route tables loaded without their `response` and `summary` entries. */
export function routeTablesWithoutAnswers(): Plugin {
  return {
    name: 'route-tables-without-answers',
    setup(b) {
      b.onLoad({ filter: ROUTE_MODULE }, ({ path }) => (SPEC.test(path) ? undefined : { contents: withoutResponses(path, readFileSync(path, 'utf8')), loader: 'ts', resolveDir: dirname(path) }));
    },
  };
}
