/**
 * Bad input on every route, generated from the route table (shared/routes.ts).
 *
 * For each route there is one real target (a record in the state where the route's valid
 * request would succeed) and one valid body / query. From them the test derives bad
 * variants — broken JSON, missing and unknown fields, wrong types, bad amounts, dates,
 * resident IDs, ids, oversized and control-character strings, bad query parameters,
 * unknown and malformed path ids, missing or malformed Idempotency-Key — and asserts that
 * every one is refused with a 4xx (never a 5xx) and the error contract
 * `{ error: { code, message, field? } }` naming the field, and that nothing was written
 * to the DynamoDB partitions the route writes. Last, each route's valid request is sent as
 * a control: it succeeds, so the refusals were about the bad input and not the target.
 */
import { randomInt } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { DEMO_USERS } from '../../dev/tokens.ts';
import { residentIdCheckChar } from '../../shared/domain/resident-id.ts';
import type { Role } from '../../shared/domain/roles.ts';
import { ROUTES, splitRouteKey, type RouteKey, type RouteSpec } from '../../shared/routes.ts';
import { INDEX, motherKey } from '../../shared/store/keys.ts';
import { queryIndex, queryPartition } from '../../shared/store/records.ts';
import { as, call, type Answer, type CallOptions, type UserName } from '../support/api.ts';
import { activeLoan, agreementInput, applicationInput, CHENGGUAN, daysAgo, evaluationInput, openRound, readyApplication, residentId, roundInput, today, visitInput } from '../support/fixtures.ts';

// ---------------------------------------------------------------- constants

const UNKNOWN_ID = '01ARZ3NDEKTSV4RRFFQ69G5FAV';
const UNKNOWN_DISTRICT = 'lhasa.nowhere';
const UNKNOWN_VILLAGE = 'lhasa.chengguan.caigongtang.nowhere';
const MAX_BODY = 64 * 1024;
const RUN = `${Date.now().toString(36)}${randomInt(1e6).toString(36)}`;
/** markers carried by the valid POST /rounds and POST /offices bodies, to find what they would create */
const ROUND_MARK = `bad-input round ${RUN}`;
const ROUND_CAPITAL = 20_000_000 + randomInt(1_000_000);
const OFFICE_MARK = `bad-input office ${RUN}`;
const OFFICE_ID = `lhasa.chengguan.caigongtang.bi-${RUN}`;

const tomorrow = () => daysAgo(-1);
const cursorOf = (json: unknown) => Buffer.from(JSON.stringify(json)).toString('base64url');

function residentIdBornOn(yyyymmdd: string, region = '540102', seq = '123'): string {
  const first17 = `${region}${yyyymmdd}${seq}`;
  return first17 + residentIdCheckChar(first17);
}

// ---------------------------------------------------------------- types

type Json = any;
type Path = (string | number)[];

interface Variant {
  label: string;
  /** replaces the target's body when the key is present (undefined: no body at all) */
  body?: unknown;
  /** raw text sent as the body instead of JSON.stringify(body) */
  rawBody?: string;
  /** replaces the target's query */
  query?: Record<string, string>;
  /** overrides path parameters */
  params?: Record<string, string>;
  idempotencyKey?: string | false;
  /** statuses expected (default: any 4xx) */
  status?: number[];
  /** error.field expected (one of, when a list) */
  field?: string | string[];
  code?: string;
  /** instead of the 4xx rule: also accept this answer (documented on the variant) */
  alsoAccept?: { what: string; test: (res: Answer) => boolean };
}

interface Target {
  /** a user allowed to call the route (null: public) */
  user: UserName | null;
  /** real ids for the path parameters */
  params: Record<string, string>;
  /** a valid body (the first one is sent as the control); several for a union */
  bodies?: Record<string, Json>[];
  /** a valid query */
  query?: Record<string, string>;
  /** what the route would write, read straight from DynamoDB */
  writes?: () => Promise<unknown>;
  /** rules the generic variants cannot derive from the schema (cross-field rules, state rules) */
  extra?: Variant[];
  /** send the valid request at the end and expect this status (undefined: no control) */
  control?: number;
}

interface Fixtures {
  roundId: string;
  appNotice: string;
  appObjections: string;
  appResolution: string;
  objectionId: string;
  appVisits: string;
  appScreening: string;
  appDecision: string;
  decisionMother: string;
  loanAgreement: string;
  loanDisbursement: string;
  loanEvaluations: string;
  loanRepayments: string;
  newMother: string;
}

// ---------------------------------------------------------------- what a route writes

const sortItems = (items: Record<string, unknown>[]) => [...items].sort((a, b) => `${a.pk}|${a.sk}|${a.id}`.localeCompare(`${b.pk}|${b.sk}|${b.id}`));

async function partitions(...pks: string[]): Promise<Record<string, unknown>> {
  const entries = await Promise.all(pks.map(async (pk) => [pk, await queryPartition(pk)] as const));
  return Object.fromEntries(entries);
}

async function indexPartition(index: 'byRound' | 'byScope', pk: string): Promise<Record<string, unknown>[]> {
  const [pkName, skName] = index === 'byRound' ? ['roundPk', 'roundSk'] : ['scopePk', 'scopeSk'];
  const page = await queryIndex<Record<string, unknown>>({ index: INDEX[index], pkName, skName, partitions: [pk], limit: 100_000 });
  return sortItems(page.items);
}

// ---------------------------------------------------------------- the route table, aimed at real records

const TARGETS: Record<RouteKey, (fx: Fixtures) => Target> = {
  'GET /health': () => ({ user: null, params: {}, control: 200 }),
  'GET /openapi.json': () => ({ user: null, params: {}, control: 200 }),
  'GET /offices': () => ({ user: 'district', params: {}, control: 200 }),
  'POST /offices': () => ({
    user: 'district',
    params: {},
    bodies: [{ id: OFFICE_ID, name: OFFICE_MARK, nameEn: 'Bad input test village' }],
    writes: async () => (await queryPartition('OFFICES')).filter((o) => String(o.sk).includes(RUN) || String(o.name).includes(RUN) || String(o.nameEn).includes(RUN)),
    extra: [
      { label: 'id whose parent does not exist', body: { id: `lhasa.chengguan.nowhere.bi-${RUN}`, name: OFFICE_MARK }, status: [422], field: 'id' },
      { label: 'id of an existing office', body: { id: 'lhasa.chengguan.caigongtang.zhiba', name: OFFICE_MARK }, status: [409] },
      { label: 'id of the committee itself (no parent)', body: { id: 'lhasa', name: OFFICE_MARK }, status: [403, 422] },
      { label: 'id deeper than a village', body: { id: `lhasa.chengguan.caigongtang.zhiba.bi-${RUN}`, name: OFFICE_MARK }, status: [400, 422], field: 'id' },
      { label: 'id with upper case and spaces', body: { id: 'Lhasa Chengguan', name: OFFICE_MARK }, status: [400], field: 'id' },
    ],
    // no control: a created office would stay in the shared office tree of the other test files
  }),

  'POST /rounds': () => ({
    user: 'committee',
    params: {},
    bodies: [roundInput({ name: ROUND_MARK, capitalFen: ROUND_CAPITAL, minLoanFen: 500_000, maxLoanFen: 1_500_000, termMonths: 24, evaluationMonths: [6, 12], noticeDays: 7 })],
    writes: async () => {
      const rounds = [...(await indexPartition('byScope', `ROUND#${CHENGGUAN}`)), ...(await indexPartition('byScope', `ROUND#${UNKNOWN_DISTRICT}`))];
      return rounds.filter((r) => String(r.name).includes(RUN) || r.capitalFen === ROUND_CAPITAL);
    },
    extra: [
      { label: 'minLoanFen above maxLoanFen', body: roundInput({ name: ROUND_MARK, capitalFen: ROUND_CAPITAL, minLoanFen: 1_600_000, maxLoanFen: 1_500_000 }), status: [400], field: 'minLoanFen' },
      { label: 'maxLoanFen above capitalFen', body: roundInput({ name: ROUND_MARK, capitalFen: 1_000_000, minLoanFen: 500_000, maxLoanFen: 1_500_000 }), status: [400], field: 'maxLoanFen' },
      { label: 'evaluationMonths not increasing', body: roundInput({ name: ROUND_MARK, capitalFen: ROUND_CAPITAL, evaluationMonths: [12, 6] }), status: [400], field: 'evaluationMonths.1' },
      { label: 'evaluationMonths at the end of the term', body: roundInput({ name: ROUND_MARK, capitalFen: ROUND_CAPITAL, termMonths: 12, evaluationMonths: [6, 12] }), status: [400], field: 'evaluationMonths.1' },
      { label: 'evaluationMonths with 13 entries', body: roundInput({ name: ROUND_MARK, capitalFen: ROUND_CAPITAL, termMonths: 120, evaluationMonths: Array.from({ length: 13 }, (_, i) => i + 1) }), status: [400], field: 'evaluationMonths' },
      { label: 'districtId of a township', body: roundInput({ name: ROUND_MARK, capitalFen: ROUND_CAPITAL, districtId: 'lhasa.chengguan.caigongtang' }), status: [422], field: 'districtId' },
    ],
    control: 201,
  }),
  'GET /rounds': () => ({
    user: 'committee',
    params: {},
    query: { districtId: CHENGGUAN },
    control: 200,
  }),
  'GET /rounds/{id}': (fx) => ({ user: 'district', params: { id: fx.roundId }, control: 200 }),

  'POST /applications': (fx) => ({
    user: 'township',
    params: {},
    bodies: [applicationInput(fx.roundId, { mother: { name: '次仁卓玛', residentId: fx.newMother, phone: '13800138000' } })],
    writes: async () => ({
      round: await indexPartition('byRound', `APP#${fx.roundId}`),
      unknownRound: await indexPartition('byRound', `APP#${UNKNOWN_ID}`),
      mother: await queryPartition(motherKey(fx.newMother)),
    }),
    extra: [
      { label: 'villageId of a township', body: applicationInput(fx.roundId, { villageId: 'lhasa.chengguan.caigongtang', mother: { name: '次仁卓玛', residentId: fx.newMother } }), status: [422], field: 'villageId' },
      { label: 'submittedOn before the round opened', body: applicationInput(fx.roundId, { submittedOn: daysAgo(401), mother: { name: '次仁卓玛', residentId: fx.newMother } }), status: [422], field: 'submittedOn' },
      { label: 'mother.phone not a mobile number', body: applicationInput(fx.roundId, { mother: { name: '次仁卓玛', residentId: fx.newMother, phone: '12345' } }), status: [400], field: 'mother.phone' },
    ],
    control: 201,
  }),
  'GET /applications': (fx) => ({ user: 'district', params: {}, query: { roundId: fx.roundId }, control: 200 }),
  'GET /applications/{id}': (fx) => ({ user: 'district', params: { id: fx.appDecision }, control: 200 }),
  'POST /applications/{id}/notice': (fx) => ({
    user: 'township',
    params: { id: fx.appNotice },
    bodies: [{ postedOn: daysAgo(55), days: 7, place: '村委会公示栏' }],
    writes: () => partitions(`APP#${fx.appNotice}`, `APP#${UNKNOWN_ID}`),
    extra: [
      { label: 'days shorter than the round’s notice period', body: { postedOn: daysAgo(55), days: 3 }, status: [422], field: 'days' },
      { label: 'postedOn before the application date', body: { postedOn: daysAgo(61) }, status: [422], field: 'postedOn' },
    ],
    control: 200,
  }),
  'POST /applications/{id}/objections': (fx) => ({
    user: 'township',
    params: { id: fx.appObjections },
    bodies: [{ raisedOn: daysAgo(50), raisedBy: '村民', content: '家里有拖拉机' }],
    writes: () => partitions(`APP#${fx.appObjections}`, `APP#${UNKNOWN_ID}`),
    extra: [{ label: 'raisedOn before the notice', body: { raisedOn: daysAgo(56), content: '家里有拖拉机' }, status: [422], field: 'raisedOn' }],
    control: 201,
  }),
  'POST /applications/{id}/objections/{objectionId}/resolution': (fx) => ({
    user: 'district',
    params: { id: fx.appResolution, objectionId: fx.objectionId },
    bodies: [{ resolvedOn: daysAgo(50), outcome: 'dismissed', note: '拖拉机已报废，经核实' }],
    writes: () => partitions(`APP#${fx.appResolution}`, `APP#${UNKNOWN_ID}`),
    extra: [
      { label: 'outcome not dismissed or upheld', body: { resolvedOn: daysAgo(50), outcome: 'maybe', note: '经核实' }, status: [400], field: 'outcome' },
      { label: 'resolvedOn before the objection was raised', body: { resolvedOn: daysAgo(54), outcome: 'dismissed', note: '经核实' }, status: [422], field: 'resolvedOn' },
    ],
    control: 200,
  }),
  'POST /applications/{id}/visits': (fx) => ({
    user: 'field',
    params: { id: fx.appVisits },
    bodies: [visitInput({ visitedOn: daysAgo(30) })],
    writes: () => partitions(`APP#${fx.appVisits}`, `APP#${UNKNOWN_ID}`),
    extra: [
      { label: 'no visitors', body: visitInput({ visitedOn: daysAgo(30), visitors: [] }), status: [400], field: 'visitors' },
      { label: '11 visitors', body: visitInput({ visitedOn: daysAgo(30), visitors: Array.from({ length: 11 }, (_, i) => `访客${i}`) }), status: [400], field: 'visitors' },
      { label: 'visitedOn before the application date', body: visitInput({ visitedOn: daysAgo(61) }), status: [422], field: 'visitedOn' },
    ],
    control: 201,
  }),

  'POST /applications/{id}/screening': (fx) => ({
    user: 'district',
    params: { id: fx.appScreening },
    writes: () => partitions(`APP#${fx.appScreening}`, `APP#${UNKNOWN_ID}`),
    control: 200,
  }),
  'POST /applications/{id}/decision': (fx) => ({
    user: 'district',
    params: { id: fx.appDecision },
    bodies: [
      { decision: 'approve', decidedOn: daysAgo(30), amountFen: 1_000_000, note: '同意' },
      { decision: 'reject', decidedOn: daysAgo(30), reason: '收入高于本村平均' },
    ],
    writes: async () => ({
      ...(await partitions(`APP#${fx.appDecision}`, `ROUND#${fx.roundId}`, motherKey(fx.decisionMother), `APP#${UNKNOWN_ID}`)),
      loans: await indexPartition('byRound', `LOAN#${fx.roundId}`),
    }),
    extra: [
      { label: 'decision neither approve nor reject', body: { decision: 'maybe', decidedOn: daysAgo(30), amountFen: 1_000_000 }, status: [400], field: 'decision' },
      { label: 'approve with the reject field reason', body: { decision: 'approve', decidedOn: daysAgo(30), amountFen: 1_000_000, reason: '混合' }, status: [400], field: 'reason' },
      { label: 'reject with the approve field amountFen', body: { decision: 'reject', decidedOn: daysAgo(30), reason: '不符合', amountFen: 1_000_000 }, status: [400], field: 'amountFen' },
      { label: 'amountFen above the round’s maxLoanFen', body: { decision: 'approve', decidedOn: daysAgo(30), amountFen: 1_500_001 } },
      { label: 'decidedOn before the application date', body: { decision: 'approve', decidedOn: daysAgo(61), amountFen: 1_000_000 }, status: [422], field: 'decidedOn' },
    ],
    control: 200,
  }),

  'POST /loans/{id}/agreement': (fx) => ({
    user: 'district',
    params: { id: fx.loanAgreement },
    bodies: [agreementInput(daysAgo(29))],
    writes: () => partitions(`LOAN#${fx.loanAgreement}`, `LOAN#${UNKNOWN_ID}`),
    extra: [
      { label: 'signatories without the mother', body: { ...agreementInput(daysAgo(29)), signatories: [{ party: 'district', name: '王丽' }] }, status: [400], field: 'signatories' },
      { label: '11 signatories', body: { ...agreementInput(daysAgo(29)), signatories: Array.from({ length: 11 }, () => ({ party: 'mother', name: '次仁卓玛' })) }, status: [400], field: 'signatories' },
      { label: 'signatory party unknown', body: { ...agreementInput(daysAgo(29)), signatories: [{ party: 'bank', name: '某银行' }, { party: 'mother', name: '次仁卓玛' }] }, status: [400], field: 'signatories.0.party' },
      { label: 'signedOn before the approval', body: agreementInput(daysAgo(31)), status: [422], field: 'signedOn' },
    ],
    control: 200,
  }),
  'POST /loans/{id}/disbursement': (fx) => ({
    user: 'district',
    params: { id: fx.loanDisbursement },
    bodies: [{ disbursedOn: daysAgo(28), amountFen: 1_000_000, motherPresent: true, idChecked: true, place: '蔡公堂乡政府' }],
    writes: () => partitions(`LOAN#${fx.loanDisbursement}`, `ROUND#${fx.roundId}`, `LOAN#${UNKNOWN_ID}`),
    extra: [
      { label: 'motherPresent false', body: { disbursedOn: daysAgo(28), amountFen: 1_000_000, motherPresent: false, idChecked: true }, status: [422], field: 'motherPresent' },
      { label: 'idChecked false', body: { disbursedOn: daysAgo(28), amountFen: 1_000_000, motherPresent: true, idChecked: false }, status: [422], field: 'idChecked' },
      { label: 'amountFen not the approved principal', body: { disbursedOn: daysAgo(28), amountFen: 999_999, motherPresent: true, idChecked: true }, status: [422], field: 'amountFen' },
      { label: 'disbursedOn before the agreement', body: { disbursedOn: daysAgo(30), amountFen: 1_000_000, motherPresent: true, idChecked: true }, status: [422], field: 'disbursedOn' },
    ],
    control: 200,
  }),

  'POST /loans/{id}/evaluations': (fx) => ({
    user: 'field',
    params: { id: fx.loanEvaluations },
    bodies: [evaluationInput('midterm', { problems: '草场退化', actionsUrged: '轮牧' })],
    writes: () => partitions(`LOAN#${fx.loanEvaluations}`, `LOAN#${UNKNOWN_ID}`),
    extra: [
      { label: 'leftPoverty on a midterm evaluation', body: evaluationInput('midterm', { leftPoverty: true }), status: [400], field: 'leftPoverty' },
      { label: 'final evaluation without leftPoverty', body: evaluationInput('midterm', { kind: 'final' }), status: [400], field: 'leftPoverty' },
      { label: 'a method repeated', body: evaluationInput('midterm', { methods: ['talk', 'talk'] }), status: [400], field: 'methods' },
      { label: 'no methods', body: evaluationInput('midterm', { methods: [] }), status: [400], field: 'methods' },
      { label: 'kind unknown', body: evaluationInput('midterm', { kind: 'annual' }), status: [400], field: 'kind' },
      { label: 'evaluatedOn before the disbursement', body: evaluationInput('midterm', { evaluatedOn: daysAgo(29) }), status: [422], field: 'evaluatedOn' },
    ],
    control: 201,
  }),

  'POST /loans/{id}/repayments': (fx) => ({
    user: 'township',
    params: { id: fx.loanRepayments },
    bodies: [{ paidOn: daysAgo(5), amountFen: 100_000, receiptNo: `R-${RUN}` }],
    writes: () => partitions(`LOAN#${fx.loanRepayments}`, `ROUND#${fx.roundId}`, `LOAN#${UNKNOWN_ID}`),
    extra: [
      { label: 'amountFen above the balance', body: { paidOn: daysAgo(5), amountFen: 1_000_001, receiptNo: `R-${RUN}` } },
      { label: 'paidOn before the disbursement', body: { paidOn: daysAgo(29), amountFen: 100_000, receiptNo: `R-${RUN}` }, status: [422], field: 'paidOn' },
    ],
    control: 201,
  }),

  'GET /loans': (fx) => ({ user: 'district', params: {}, query: { roundId: fx.roundId }, control: 200 }),
  'GET /loans/{id}': (fx) => ({ user: 'district', params: { id: fx.loanRepayments }, control: 200 }),
};

// ---------------------------------------------------------------- variant generation

const clone = <T>(v: T): T => structuredClone(v);
const isObject = (v: unknown): v is Record<string, Json> => typeof v === 'object' && v !== null && !Array.isArray(v);
const fieldOf = (path: Path) => path.join('.');
const short = (v: unknown) => {
  const s = typeof v === 'string' ? JSON.stringify(v.length > 24 ? `${v.slice(0, 12)}…(${v.length} chars)` : v) : JSON.stringify(v);
  return s.replace(/[\u0000-\u001f\ud800-\udfff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
};

function setAt(body: Json, path: Path, value: unknown): Json {
  const copy = clone(body);
  let node = copy;
  for (const p of path.slice(0, -1)) node = node[p];
  node[path[path.length - 1]!] = value;
  return copy;
}

function removeAt(body: Json, path: Path): Json {
  const copy = clone(body);
  let node = copy;
  for (const p of path.slice(0, -1)) node = node[p];
  delete node[path[path.length - 1]!];
  return copy;
}

/** The JSON schema of the body (input side); for a union, the member the valid body belongs to. */
function jsonSchemaOf(schema: z.ZodType, body: Json): Json {
  const js: Json = z.toJSONSchema(schema, { io: 'input' });
  const members: Json[] | undefined = js.oneOf ?? js.anyOf;
  if (!members) return js;
  const fits = (m: Json) => Object.entries(m.properties ?? {}).every(([k, p]: [string, Json]) => p.const === undefined || p.const === body[k]);
  const member = members.find(fits);
  if (!member) throw new Error(`no member of the union fits ${JSON.stringify(body)}`);
  return member;
}

/** A value of the wrong JSON type for the one given. */
function wrongType(value: unknown): unknown {
  if (typeof value === 'number') return '12';
  if (typeof value === 'string') return 12;
  if (typeof value === 'boolean') return 'yes';
  if (Array.isArray(value)) return {};
  return [];
}

function bodyVariants(body: Json, js: Json, tag: string): Variant[] {
  const out: Variant[] = [];
  const add = (path: Path, label: string, value: unknown, status: number[] = [400], field: string | string[] = fieldOf(path)) =>
    out.push({ label: `${tag}${fieldOf(path)} = ${label}`, body: setAt(body, path, value), status, field });
  const raw = (label: string, rawBody: string, status: number[], field: string | string[]) => out.push({ label: `${tag}${label}`, rawBody, status, field });

  // the body as a whole
  raw('malformed JSON {"a":', '{"a":', [400], 'body');
  raw('malformed JSON (trailing comma)', `${JSON.stringify(body).slice(0, -1)},}`, [400], 'body');
  raw('empty body', '', [400], 'body');
  raw('whitespace body', '  \n ', [400], 'body');
  out.push({ label: `${tag}no body at all`, body: undefined, status: [400], field: 'body' });
  raw('a JSON array', JSON.stringify([body]), [400], 'body');
  raw('a JSON string', JSON.stringify(JSON.stringify(body)), [400], 'body');
  raw('a JSON number', '42', [400], 'body');
  raw('JSON null', 'null', [400], 'body');
  raw('an empty object', '{}', [400], Object.keys(js.properties ?? {}));
  raw('__proto__ as an extra field', `{"__proto__":{"polluted":true},${JSON.stringify(body).slice(1)}`, [400], '__proto__');
  const first = Object.keys(body)[0]!;
  raw(`${first} = JSON nested 20,000 levels deep`, JSON.stringify(setAt(body, [first], '@@RAW@@')).replace('"@@RAW@@"', `${'['.repeat(20_000)}${']'.repeat(20_000)}`), [400], first);
  out.push({ label: `${tag}unknown top-level field`, body: { ...body, unexpectedField: 1 }, status: [400], field: 'unexpectedField' });
  const padded = JSON.stringify(body, null, 1);
  raw(`the valid body padded with spaces to ${MAX_BODY + 1} bytes`, padded + ' '.repeat(MAX_BODY + 1 - Buffer.byteLength(padded)), [413], 'body');
  raw('a body of 22,000 CJK characters (66 KB > 64 KiB)', JSON.stringify({ ...body, padding: '中'.repeat(22_000) }), [413], 'body');

  // every field, also nested; arrays through their first element
  const walk = (value: Json, path: Path, schema: Json) => {
    const key = path[path.length - 1];
    if (path.length) {
      add(path, `${short(wrongType(value))} (wrong type)`, wrongType(value));
    }
    if (isObject(value)) {
      for (const req of (schema?.required ?? []) as string[]) out.push({ label: `${tag}${fieldOf([...path, req])} missing`, body: removeAt(body, [...path, req]), status: [400], field: fieldOf([...path, req]) });
      if (path.length) {
        out.push({ label: `${tag}${fieldOf(path)} with an unknown field`, body: setAt(body, [...path, 'unexpectedField'], 1), status: [400], field: [fieldOf(path), fieldOf([...path, 'unexpectedField'])] });
      }
      for (const [k, child] of Object.entries(value)) walk(child, [...path, k], schema?.properties?.[k]);
      return;
    }
    if (Array.isArray(value)) {
      if (value.length) walk(value[0], [...path, 0], schema?.items);
      return;
    }
    if (typeof value === 'string') {
      add(path, 'a string of 100,000 characters', 'x'.repeat(100_000), [413], 'body');
      const over = typeof schema?.maxLength === 'number' ? schema.maxLength + 1 : 50_000;
      add(path, `a string of ${over} characters (over its limit)`, 'x'.repeat(over));
      add(path, '"" (empty)', '');
      add(path, '"   " (blank)', '   ');
      add(path, 'text with \\u0000', `${value.slice(0, 1)}\u0000${value.slice(1)}`);
      add(path, 'text with \\u0007', `${value.slice(0, 1)}\u0007${value.slice(1)}`);
      add(path, 'text with a lone surrogate \\uD800', `${value}\uD800`);
      if (typeof key === 'string' && key.endsWith('On')) {
        for (const d of ['2026-02-30', '2026-13-01', '1800-01-01', '9999-12-31', '26-1-1', '2026/01/01', '2026-01-01T00:00:00Z']) add(path, `${short(d)} (not a date)`, d);
        // a round may be opened for a date ahead; every other date records something that already happened
        if (key !== 'openedOn') add(path, `${tomorrow()} (tomorrow)`, tomorrow(), [422]);
      }
      if (key === 'residentId') {
        const valid = String(value);
        const wrongCheck = valid.slice(0, 17) + (valid[17] === '0' ? '1' : '0');
        add(path, `${wrongCheck} (wrong check character)`, wrongCheck);
        add(path, `${valid.slice(0, 17)} (17 characters)`, valid.slice(0, 17));
        add(path, '"ABCDEFGHIJKLMNOPQR" (letters)', 'ABCDEFGHIJKLMNOPQR');
        const future = residentIdBornOn(`${Number(today().slice(0, 4)) + 1}0101`);
        add(path, `${future} (born next year)`, future);
        const feb30 = residentIdBornOn('19900230');
        add(path, `${feb30} (born on 30 February)`, feb30);
      }
      if (key === 'roundId') add(path, `${UNKNOWN_ID} (unknown round)`, UNKNOWN_ID, [404, 422]);
      if (key === 'villageId') add(path, `${UNKNOWN_VILLAGE} (unknown village)`, UNKNOWN_VILLAGE, [404, 422]);
      if (key === 'districtId') add(path, `${UNKNOWN_DISTRICT} (unknown district)`, UNKNOWN_DISTRICT, [404, 422]);
      return;
    }
    if (typeof value === 'number') {
      if (typeof key === 'string' && key.endsWith('Fen')) {
        add(path, '-1', -1);
        if ((schema?.minimum ?? 0) >= 1) add(path, '0 (must be at least 1)', 0);
        add(path, '0.5 (not whole fen)', 0.5);
        add(path, '1e15 (too large)', 1e15);
        add(path, '"100" (a string)', '100');
        add(path, '"NaN"', 'NaN');
        out.push({ label: `${tag}${fieldOf(path)} = 1e400 (Infinity after parsing)`, rawBody: JSON.stringify(setAt(body, path, '@@RAW@@')).replace('"@@RAW@@"', '1e400'), status: [400], field: fieldOf(path) });
      } else {
        if (typeof schema?.minimum === 'number') add(path, `${schema.minimum - 1} (below minimum)`, schema.minimum - 1);
        if (typeof schema?.maximum === 'number') add(path, `${schema.maximum + 1} (above maximum)`, schema.maximum + 1);
        if (schema?.type === 'integer') add(path, `${value + 0.5} (not whole)`, value + 0.5);
      }
    }
  };
  walk(body, [], js);
  return out;
}

function queryVariants(query: Record<string, string>, key: RouteKey): Variant[] {
  const q = (label: string, extra: Record<string, string>, field: string, status?: number[], more: Partial<Variant> = {}): Variant => ({ label: `query ${label}`, query: { ...query, ...extra }, field, ...(status ? { status } : {}), ...more });
  const out = [
    q('limit=0', { limit: '0' }, 'limit', [400]),
    q('limit=-1', { limit: '-1' }, 'limit', [400]),
    q('limit=1000', { limit: '1000' }, 'limit', [400]),
    q('limit=1.5', { limit: '1.5' }, 'limit', [400]),
    q('limit=abc', { limit: 'abc' }, 'limit', [400]),
    q('limit= (empty)', { limit: '' }, 'limit', [400]),
    q('cursor=garbage', { cursor: 'garbage' }, 'cursor'),
    q('cursor with a forged key', { cursor: cursorOf({ p: 0, k: { pk: 'APP#x' } }) }, 'cursor'),
    q('cursor with a partition out of range', { cursor: cursorOf({ p: 9 }) }, 'cursor'),
    q('cursor of 2001 characters', { cursor: 'a'.repeat(2001) }, 'cursor', [400]),
    q('status=bogus', { status: 'bogus' }, 'status'),
    q('unknown parameter foo=bar', { foo: 'bar' }, 'foo', [400]),
    q('roundId=garbage', { roundId: 'garbage' }, 'roundId', [400]),
  ];
  // districtId alone: with roundId the round decides the district
  const { roundId: _roundId, ...withoutRound } = query;
  out.push(
    { label: 'query districtId=Lhasa! (not an office id)', query: { ...withoutRound, districtId: 'Lhasa!' }, field: 'districtId', status: [400] },
    { label: 'query districtId of a township', query: { ...withoutRound, districtId: 'lhasa.chengguan.caigongtang' }, field: 'districtId' },
  );
  if (key === 'GET /rounds') {
    // GET /rounds accepts roundId (shared ListQuery): it must either refuse it or honour it
    out.push(
      q(`roundId=${UNKNOWN_ID} (unknown round)`, { roundId: UNKNOWN_ID }, 'roundId', undefined, {
        field: undefined,
        alsoAccept: { what: '200 with the filter honoured (no items)', test: (res) => res.status === 200 && Array.isArray(res.body?.items) && res.body.items.length === 0 },
      }),
    );
  } else {
    out.push(q(`roundId=${UNKNOWN_ID} (unknown round)`, { roundId: UNKNOWN_ID }, 'roundId', [404, 422], { field: undefined }));
  }
  return out;
}

const MALFORMED_IDS: [string, string][] = [
  ['../etc', '../etc'],
  ['x × 300', 'x'.repeat(300)],
  ['x × 3000', 'x'.repeat(3000)],
  ['lower-case ULID', UNKNOWN_ID.toLowerCase()],
  ['a NUL character', '\u0000'],
  ['a quote and spaces', "' OR 1=1 --"],
];

function pathVariants(key: RouteKey): Variant[] {
  const names = [...splitRouteKey(key).path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!);
  return names.flatMap((name) => [
    { label: `path ${name} = ${UNKNOWN_ID} (unknown)`, params: { [name]: UNKNOWN_ID }, status: [404], code: 'not_found' },
    ...MALFORMED_IDS.map(([label, id]): Variant => ({ label: `path ${name} = ${label} (malformed)`, params: { [name]: id }, status: [400, 404] })),
  ]);
}

function headerVariants(spec: RouteSpec): Variant[] {
  if (!spec.idempotencyKey) return [];
  const malformed = (label: string, key: string): Variant => ({ label: `Idempotency-Key ${label}`, idempotencyKey: key, status: [400], field: 'Idempotency-Key' });
  return [
    ...(spec.idempotencyKey === 'required' ? [{ label: 'Idempotency-Key missing', idempotencyKey: false as const, status: [400], field: 'Idempotency-Key', code: 'idempotency_key_required' }] : []),
    malformed('"short"', 'short'),
    malformed('with spaces', 'has spaces in it'),
    malformed('of 129 characters', 'k'.repeat(129)),
    malformed('with / and !', 'bad/key!value'),
  ];
}

function variantsOf(key: RouteKey, target: Target): Variant[] {
  const spec: RouteSpec = ROUTES[key];
  const out: Variant[] = [];
  if (spec.body) {
    target.bodies!.forEach((body, i) => out.push(...bodyVariants(body, jsonSchemaOf(spec.body!, body), target.bodies!.length > 1 ? `[${String(body.decision ?? i)}] ` : '')));
  }
  if (spec.query) out.push(...queryVariants(target.query ?? {}, key));
  out.push(...pathVariants(key), ...headerVariants(spec), ...(target.extra ?? []));
  return out;
}

// ---------------------------------------------------------------- sending and checking

let requests = 0;

function send(key: RouteKey, target: Target, v: Partial<Variant> = {}): Promise<Answer> {
  const { method, path } = splitRouteKey(key);
  const params = { ...target.params, ...v.params };
  const url = path.replace(/\{(\w+)\}/g, (_, name: string) => encodeURIComponent(params[name]!));
  const opts: CallOptions = {};
  if (v.rawBody !== undefined) opts.rawBody = v.rawBody;
  if (v.idempotencyKey !== undefined) opts.idempotencyKey = v.idempotencyKey;
  const query = v.query ?? target.query;
  if (query) opts.query = query;
  const body = 'body' in v ? v.body : target.bodies?.[0];
  requests++;
  return call(target.user, method, url, method === 'GET' ? undefined : body, opts);
}

const describeAnswer = (res: Answer) => {
  const text = JSON.stringify(res.body) ?? '';
  return `${res.status} ${text.length > 400 ? `${text.slice(0, 400)}…` : text}`;
};

/** The answer is a 4xx (or what the variant also accepts) in the error contract, naming the field. */
function checkRefused(key: RouteKey, v: Variant, res: Answer): void {
  const where = `${key} — ${v.label}: got ${describeAnswer(res)}`;
  if (v.alsoAccept?.test(res)) return;
  expect.soft(res.status, `${where}\n  expected a 4xx${v.alsoAccept ? ` or ${v.alsoAccept.what}` : ''}`).toBeGreaterThanOrEqual(400);
  expect.soft(res.status, `${where}\n  expected a 4xx, never a 5xx`).toBeLessThan(500);
  if (res.status < 400 || res.status >= 500) return;
  if (v.status) expect.soft(v.status, `${where}\n  expected status ${v.status.join(' or ')}`).toContain(res.status);
  expect.soft(res.headers['content-type'] ?? '', `${where}\n  expected a JSON answer`).toMatch(/^application\/json/);
  const error = res.body?.error;
  expect.soft(Object.keys(res.body ?? {}), `${where}\n  expected { error: … }`).toEqual(['error']);
  expect.soft(typeof error?.code === 'string' && error.code.length > 0, `${where}\n  expected error.code to be a non-empty string`).toBe(true);
  expect.soft(typeof error?.message === 'string' && error.message.length > 0, `${where}\n  expected error.message to be a non-empty string`).toBe(true);
  expect.soft(Object.keys(error ?? {}).filter((k) => !['code', 'message', 'field', 'details'].includes(k)), `${where}\n  unexpected keys in error`).toEqual([]);
  if (error?.field !== undefined) {
    expect.soft(typeof error.field, `${where}\n  expected error.field to be a string`).toBe('string');
    expect.soft(String(error.message), `${where}\n  expected the message to name the field`).toContain(String(error.field));
  }
  if (v.field !== undefined) {
    const fields = Array.isArray(v.field) ? v.field : [v.field];
    expect.soft(fields, `${where}\n  expected error.field ${fields.join(' or ')}`).toContain(error?.field);
  }
  if (v.code !== undefined) expect.soft(error?.code, `${where}\n  expected error.code ${v.code}`).toBe(v.code);
}

// ---------------------------------------------------------------- the tests

const routeKeys = Object.keys(ROUTES) as RouteKey[];
const roleOf = (user: UserName): Role => DEMO_USERS.find((u) => u.username === user)!.role;
let fx: Fixtures;

beforeAll(async () => {
  const roundId = await openRound({ capitalFen: 100_000_000 });
  const submitted = await as('township').post('/applications', applicationInput(roundId));
  if (submitted.status !== 201) throw new Error(`submit: ${describeAnswer(submitted)}`);

  const appResolution = await readyApplication(roundId);
  const objection = await as('township').post(`/applications/${appResolution}/objections`, { raisedOn: daysAgo(53), raisedBy: '村民', content: '家里有拖拉机' });
  if (objection.status !== 201) throw new Error(`objection: ${describeAnswer(objection)}`);

  const decisionMother = residentId();
  const approvedLoan = async (agreed: boolean) => {
    const appId = await readyApplication(roundId);
    const decision = await as('district').post(`/applications/${appId}/decision`, { decision: 'approve', decidedOn: daysAgo(30), amountFen: 1_000_000 });
    if (decision.status !== 200) throw new Error(`approve: ${describeAnswer(decision)}`);
    if (agreed) {
      const agreement = await as('district').post(`/loans/${decision.body.loanId}/agreement`, agreementInput(daysAgo(29)));
      if (agreement.status !== 200) throw new Error(`agreement: ${describeAnswer(agreement)}`);
    }
    return decision.body.loanId as string;
  };

  fx = {
    roundId,
    appNotice: submitted.body.id,
    appObjections: await readyApplication(roundId),
    appResolution,
    objectionId: objection.body.id,
    appVisits: await readyApplication(roundId),
    appScreening: await readyApplication(roundId),
    appDecision: await readyApplication(roundId, { mother: { name: '卓嘎', residentId: decisionMother } }),
    decisionMother,
    loanAgreement: await approvedLoan(false),
    loanDisbursement: await approvedLoan(true),
    loanEvaluations: await activeLoan(roundId),
    loanRepayments: await activeLoan(roundId),
    newMother: residentId(),
  };
});

afterAll(() => {
  console.info(`bad-input: ${requests} requests`);
});

describe('the bad-input map', () => {
  it('has exactly the routes of the route table', () => {
    expect(Object.keys(TARGETS).sort()).toEqual(Object.keys(ROUTES).sort());
  });

  it.each(routeKeys)('%s: its user may call it, its valid body and query pass the schemas', (key) => {
    const spec: RouteSpec = ROUTES[key];
    const target = TARGETS[key](fx);
    if (spec.roles) {
      expect(target.user, `${key}: a protected route needs a user`).not.toBeNull();
      expect(spec.roles, `${key}: user ${target.user}`).toContain(roleOf(target.user!));
    } else expect(target.user, `${key}: public route`).toBeNull();
    expect(Object.keys(target.params).sort(), `${key}: path ids`).toEqual([...splitRouteKey(key).path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!).sort());
    if (spec.body) {
      expect(target.bodies?.length, `${key}: valid bodies`).toBeGreaterThan(0);
      for (const body of target.bodies!) expect(spec.body.safeParse(body).error?.issues, `${key}: valid body ${JSON.stringify(body)}`).toBeUndefined();
      expect(target.writes, `${key}: what it writes`).toBeDefined();
    } else expect(target.bodies, `${key}: takes no body`).toBeUndefined();
    if (spec.query) expect(spec.query.safeParse(target.query ?? {}).error?.issues, `${key}: valid query`).toBeUndefined();
    if (splitRouteKey(key).method === 'POST') expect(target.writes, `${key}: what it writes`).toBeDefined();
  });
});

describe('every route refuses bad input with a 4xx naming the field, and writes nothing', () => {
  it.each(routeKeys)('%s', async (key) => {
    const target = TARGETS[key](fx);
    const variants = variantsOf(key, target);
    const snapshot = target.writes ?? (async () => null);
    const before = await snapshot();
    let baseline = before;

    if (!variants.length) {
      // routes that take no input (no body, query or path id): junk is ignored, never a 5xx
      for (const v of [{ label: 'junk query', query: { foo: 'bar', limit: 'abc' } }, { label: 'junk body', rawBody: '{"a":' }] as Variant[]) {
        const res = await send(key, target, v);
        expect.soft(res.status, `${key} — ${v.label}: got ${describeAnswer(res)}`).toBeLessThan(500);
      }
    }

    for (const v of variants) {
      const res = await send(key, target, v);
      checkRefused(key, v, res);
      // a write can only come from a request that got past validation: look after every one of those
      if (res.status !== 400 && res.status !== 413) {
        const now = await snapshot();
        expect.soft(now, `${key} — ${v.label}: got ${describeAnswer(res)}\n  and it wrote to the database`).toEqual(baseline);
        baseline = now;
      }
    }
    expect(await snapshot(), `${key}: something was written by the bad requests`).toEqual(before);

    // control: the valid request succeeds on the same target, so the refusals were about the input
    if (target.control !== undefined) {
      const res = await send(key, target);
      expect(res.status, `${key} — control (the valid request): got ${describeAnswer(res)}`).toBe(target.control);
      // and the snapshot sees its write, so "nothing was written" above was not read from the wrong place
      if (target.writes) expect(await snapshot(), `${key}: the snapshot does not see the write of the valid request`).not.toEqual(before);
    }
  });
});
