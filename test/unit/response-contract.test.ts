/**
 * The response contract: every route has a response schema, the check the tests run on
 * every answer (RESPONSE_CONTRACT=strict) catches an answer that breaks it, and the
 * OpenAPI document describes the answers.
 */
import { Validator } from '@seriousme/openapi-schema-validator';
import type { APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { describe, expect, it, vi } from 'vitest';
import { LocalApi } from '../../dev/local-api.ts';
import { TokenIssuer } from '../../dev/tokens.ts';
import { openApiDocument } from '../../shared/http/openapi.ts';
import { ResponseContractBroken, responseProblems } from '../../shared/http/response-contract.ts';
import { ROUTES, splitRouteKey, type RouteKey, type RouteSpec } from '../../shared/routes.ts';

/**
 * Routes still without a response schema. Keep it empty: a new route gets its schema in
 * `shared/domain/response-schemas.ts`; a route may wait here only until it does.
 */
const MISSING_RESPONSE: readonly RouteKey[] = [];

const routeKeys = Object.keys(ROUTES) as RouteKey[];
const specOf = (key: RouteKey): RouteSpec => ROUTES[key];

describe('every route has a response schema', () => {
  it('no route lacks one unless MISSING_RESPONSE lists it', () => {
    const without = routeKeys.filter((k) => !specOf(k).response);
    expect(without.filter((k) => !MISSING_RESPONSE.includes(k))).toEqual([]);
  });

  it('MISSING_RESPONSE lists only routes that exist and still lack one (the list only shrinks)', () => {
    expect(MISSING_RESPONSE.filter((k) => !(k in ROUTES) || specOf(k).response)).toEqual([]);
  });
});

const actor = { userId: 'u-township', username: 'township', role: 'township', officeId: 'lhasa.chengguan.caigongtang' };
const repayment = {
  id: '01KBQ1Y4ZB8M1V6X3T5R7N9P2Q',
  loanId: '01KBQ1Y4ZB8M1V6X3T5R7N9P2R',
  paidOn: '2026-11-20',
  amountFen: 150_000,
  receiptNo: 'R-0001',
  balanceAfterFen: 350_000,
  recordedBy: actor,
  recordedAt: '2026-11-20T03:04:05.678Z',
  districtId: 'lhasa.chengguan',
  townshipId: 'lhasa.chengguan.caigongtang',
  villageId: 'lhasa.chengguan.caigongtang.v01',
  remittanceState: 'held',
};
const REPAY: RouteKey = 'POST /loans/{id}/repayments';

describe('responseProblems: an answer checked against its route', () => {
  it('finds nothing wrong with an answer that matches (the control)', () => {
    expect(responseProblems(REPAY, 201, repayment)).toEqual([]);
  });

  it.each([
    ['money in yuan as text', { ...repayment, amountFen: '1500.00' }, 'amountFen'],
    ['money as a fraction of a fen', { ...repayment, amountFen: 1500.5 }, 'amountFen'],
    ['a negative balance', { ...repayment, balanceAfterFen: -1 }, 'balanceAfterFen'],
    ['a field missing', (({ receiptNo: _, ...rest }) => rest)(repayment), 'receiptNo'],
    ['a date not written YYYY-MM-DD', { ...repayment, paidOn: '20/11/2026' }, 'paidOn'],
    ['an unknown hand-off state', { ...repayment, remittanceState: 'lost' }, 'remittanceState'],
    ['a storage key leaking out', { ...repayment, pk: 'LOAN#1' }, 'pk: not described'],
    ['an undescribed field deep inside', { ...repayment, recordedBy: { ...actor, password: 'x' } }, 'recordedBy.password: not described'],
  ])('catches %s', (_, body, named) => {
    const problems = responseProblems(REPAY, 201, body);
    expect(problems.join('\n')).toContain(named);
  });

  it('catches a success answered with another status than the route’s', () => {
    expect(responseProblems(REPAY, 200, repayment)).toEqual(['status 200, but the route answers 201 on success']);
  });

  it('checks error bodies for the error shape, and accepts a proper one', () => {
    expect(responseProblems(REPAY, 409, { error: { code: 'wrong_state', message: 'the loan is repaid' } })).toEqual([]);
    expect(responseProblems(REPAY, 409, { message: 'the loan is repaid' }).join('\n')).toContain('error body error');
  });

  it('checks list items one by one and names the item', () => {
    const body = { items: [repayment, { ...repayment, amountFen: null }] };
    expect(responseProblems('GET /remittances/waiting', 200, body)).toEqual([expect.stringContaining('items.1.amountFen')]);
  });
});

// The local API, as the tests run it, with the health handler answering what this test says.
const answer = vi.hoisted(() => ({ body: {} as unknown }));
vi.mock('../../functions/meta/handler.ts', () => ({
  handler: async (): Promise<APIGatewayProxyStructuredResultV2> => ({ statusCode: 200, headers: { 'content-type': 'application/json; charset=utf-8' }, body: JSON.stringify(answer.body) }),
}));

describe('the local API with the contract switched on', () => {
  const tokens = new TokenIssuer();
  const health = { status: 'ok', database: 'reachable', time: '2026-11-29T08:00:00.000Z' };

  it('passes an answer that matches its schema', async () => {
    answer.body = health;
    const res = await new LocalApi(tokens, { checkResponses: true }).handle({ method: 'GET', path: '/health' });
    expect(res.status).toBe(200);
  });

  it('throws on an answer that breaks its schema, naming the route and the field', async () => {
    answer.body = { status: 'ok', database: 'reachable' };
    const errors = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const failed = await new LocalApi(tokens, { checkResponses: true }).handle({ method: 'GET', path: '/health' }).catch((e: unknown) => e);
    errors.mockRestore();
    expect(failed).toBeInstanceOf(ResponseContractBroken);
    expect((failed as Error).message).toMatch(/GET \/health answered 200 outside its response schema:\n {2}time: /);
  });

  it('lets the same answer through when the check is off (as in production)', async () => {
    answer.body = { status: 'ok', database: 'reachable' };
    const res = await new LocalApi(tokens, { checkResponses: false }).handle({ method: 'GET', path: '/health' });
    expect(res.status).toBe(200);
  });

  it('is on in the test runs (vitest.config.ts sets RESPONSE_CONTRACT=strict)', () => {
    expect(new LocalApi(tokens).checkResponses).toBe(true);
  });
});

describe('the OpenAPI document describes the answers', () => {
  const doc = openApiDocument() as unknown as {
    paths: Record<string, Record<string, { responses: Record<string, { content?: Record<string, { schema: Record<string, unknown> }> }> }>>;
    components: { schemas: Record<string, unknown> };
  };
  const operation = (key: RouteKey) => {
    const { method, path } = splitRouteKey(key);
    return doc.paths[path]![method.toLowerCase()]!;
  };

  it.each(routeKeys)('%s: its success status with the response schema', (key) => {
    const spec = specOf(key);
    const success = operation(key).responses[String(spec.status ?? 200)];
    const schema = success?.content?.['application/json']?.schema;
    expect(schema?.$ref ?? schema?.type, key).toBeDefined();
    if (typeof schema?.$ref === 'string') expect(doc.components.schemas[schema.$ref.replace('#/components/schemas/', '')], schema.$ref).toBeDefined();
  });

  it('names the error body for every error status, and it has code, message, field and params', () => {
    for (const key of routeKeys) {
      const errors = Object.entries(operation(key).responses).filter(([status]) => Number(status) >= 400);
      expect(
        errors.map(([status]) => status),
        key,
      ).toContain('503');
      for (const [status, r] of errors) expect(r.content?.['application/json']?.schema, `${key} ${status}`).toEqual({ $ref: '#/components/schemas/ErrorBody' });
    }
    const error = doc.components.schemas.ErrorBody as { properties: { error: { properties: Record<string, unknown>; required: string[] } } };
    expect(Object.keys(error.properties.error.properties)).toEqual(expect.arrayContaining(['code', 'message', 'field', 'params']));
    expect(error.properties.error.required).toEqual(['code', 'message']);
  });

  it('offers CSV on the report routes (and the ledger templates, a file in CSV or Excel) and only there', () => {
    const csv = routeKeys.filter((k) => operation(k).responses['200']?.content?.['text/csv']);
    expect(csv.length).toBeGreaterThan(0);
    expect(csv.every((k) => k.startsWith('GET /reports/') || k === 'GET /ledger-imports/templates')).toBe(true);
  });

  it('every reference points at a schema in the document', () => {
    const refs = [...JSON.stringify(doc).matchAll(/"\$ref":"#\/components\/schemas\/([^"]+)"/g)].map((m) => m[1]!);
    expect(refs.length).toBeGreaterThan(routeKeys.length);
    expect(refs.filter((r) => !(r in doc.components.schemas))).toEqual([]);
  });

  it('is a valid OpenAPI 3.1 document whose references all resolve', async () => {
    const validator = new Validator();
    const result = await validator.validate(structuredClone(doc) as never);
    expect(result.errors ?? [], JSON.stringify(result.errors)).toEqual([]);
    expect(result.valid).toBe(true);
    expect(() => validator.resolveRefs()).not.toThrow();
  });

  it('the validator would notice a broken document (the control)', async () => {
    const broken = structuredClone(doc) as { paths: Record<string, Record<string, { responses: Record<string, unknown> }>> };
    broken.paths['/health']!.get!.responses['200'] = { content: {} };
    expect((await new Validator().validate(broken as never)).valid).toBe(false);
  });

  it('describes money as integers (fen) in the answers', () => {
    const loan = doc.components.schemas.Loan as { properties: Record<string, { type?: string }> };
    expect(loan.properties.balanceFen?.type).toBe('integer');
  });
});
