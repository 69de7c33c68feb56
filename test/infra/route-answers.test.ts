/**
 * The function bundles leave the routes' answer schemas and summaries out (infra/route-answers.ts):
 * every `response` and `summary` of every route table is taken out and nothing else, the function
 * that serves the OpenAPI document keeps them all, and the others no longer carry the answers
 * they never check.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildFunctionBundle } from '../../infra/function-bundle.ts';
import { withoutResponses } from '../../infra/route-answers.ts';

const ROOT = resolve(import.meta.dirname, '..', '..');
const TABLES = readdirSync(join(ROOT, 'shared', 'routes'))
  .filter((f) => f.endsWith('.ts') && f !== 'spec.ts')
  .sort();

/** The project's modules of which a function's index.mjs holds some code. */
const inputsOf = async (name: string) => {
  const { metafile } = await buildFunctionBundle(name, join(ROOT, 'cdk.out', 'route-answers-test', name));
  const index = Object.values(metafile.outputs).find((o) => o.entryPoint)!;
  return Object.entries(index.inputs).flatMap(([path, { bytesInOutput }]) => (bytesInOutput > 0 ? [path] : []));
};

describe('route tables without their answers', () => {
  it.each(TABLES)('%s loses each route’s response and summary and nothing else', async (file) => {
    const path = join(ROOT, 'shared', 'routes', file);
    const source = readFileSync(path, 'utf8');
    const tables = Object.values((await import(path)) as Record<string, Record<string, { response?: unknown }>>);
    const routes = tables.flatMap((t) => Object.values(t));
    const answers = routes.filter((spec) => spec.response !== undefined).length;
    const stripped = withoutResponses(path, source);
    expect(source.length - stripped.length > 0).toBe(answers > 0);
    const expected = source.replace(/(\{|,)\s*response: [\w$.]+\s*,?/g, '$1').replace(/(\{|,)\s*summary:\s*'[^']*'\s*,?/g, '$1');
    expect(stripped.replace(/\s+/g, '')).toBe(expected.replace(/\s+/g, ''));
    expect(source.match(/\bresponse: /g)?.length ?? 0).toBe(answers);
    expect(source.match(/\bsummary:/g)?.length ?? 0).toBe(routes.length);
  });

  it('refuses an answer written otherwise than by its schema’s name, and a summary otherwise than as one string', () => {
    expect(() => withoutResponses('x.ts', "const T = { 'GET /x': { fn: 'x', summary: 'X', response: page(X) } };")).toThrow(/response: SchemaName/);
    expect(() => withoutResponses('x.ts', "const T = { 'GET /x': { fn: 'x', summary: 'X' + y, response: X } };")).toThrow(/summary/);
  });

  it('leaves every answer out of every function, meta too (it serves the OpenAPI document built with its bundle)', async () => {
    const responses = readdirSync(join(ROOT, 'shared', 'domain', 'responses')).map((f) => `shared/domain/responses/${f}`);
    const meta = await inputsOf('meta');
    expect(responses.filter((p) => meta.includes(p))).toEqual([]);
    // the loan file, the loan pages and the search are answers only: the loans function checks none of them
    expect(await inputsOf('loans')).not.toContain('shared/domain/responses/loans.ts');
  }, 60_000);
});
