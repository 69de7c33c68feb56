/**
 * 1. Request overhead: for every route, p50/p99 through the same Lambda handler the API
 * runs (in process, API Gateway v2 events), the DynamoDB capacity it consumed, and the
 * floor: the same DynamoDB operations replayed directly with the SDK. Target: p50 ≤ 1.5× floor.
 *
 * To measure one route or a few alone (the full run measures all of them, in the order of the
 * route table): `BENCH_ONLY=overhead BENCH_ROUTES='POST /offices,GET /loans' npm run bench`.
 * `BENCH_CALLS=100` sets the number of measured calls per route (otherwise 300 for a read and
 * 60 for a write, a sixth of that with BENCH_QUICK=1). A filtered run prints its table and
 * leaves the `overhead` section of bench/results.json as the last full run wrote it.
 */
import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { ROUTES, type RouteKey } from '../shared/routes.ts';
import { dynamoObservers, type DynamoCall } from '../shared/store/client.ts';
import { api, tokenFor, type UserName } from '../test/support/api.ts';
import { replay } from './floor.ts';
import { prepareShared, scenarios, type Measured } from './routes.ts';
import { percentile, printTable, round1, round2 } from './stats.ts';

/** One access token per demo user for the whole run, as a signed-in person sends the same token for hours. */
const tokensOfUsers = new Map<string, Promise<string>>();
const tokenOf = (user: UserName): Promise<string> => {
  if (!tokensOfUsers.has(user)) tokensOfUsers.set(user, tokenFor(user));
  return tokensOfUsers.get(user)!;
};

export async function measure(m: Measured): Promise<{ ms: number; status: number; calls: DynamoCall[] }> {
  const token = typeof m.user === 'string' ? await tokenOf(m.user as UserName) : m.user.token;
  const headers: Record<string, string> = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
  if (m.idempotencyKey) headers['idempotency-key'] = m.idempotencyKey;
  const calls: DynamoCall[] = [];
  const observe = (c: DynamoCall) => calls.push(c);
  dynamoObservers.push(observe);
  const started = performance.now();
  const res = await api.handle({ method: m.method, path: m.path, query: m.query, headers, body: m.body === undefined ? undefined : JSON.stringify(m.body) });
  const ms = performance.now() - started;
  dynamoObservers.splice(dynamoObservers.indexOf(observe), 1);
  return { ms, status: res.status, calls };
}

/** The routes named in BENCH_ROUTES (comma-separated route keys), or undefined for every route; an unknown name is an error. */
export function routeFilter(text = process.env.BENCH_ROUTES): RouteKey[] | undefined {
  if (!text?.trim()) return undefined;
  const named = text
    .split(',')
    .map((x) => x.trim().replace(/\s+/g, ' '))
    .filter(Boolean);
  const unknown = named.filter((k) => !Object.hasOwn(ROUTES, k));
  if (unknown.length) throw new Error(`BENCH_ROUTES names no route of the route table: ${unknown.join(', ')} (write them as in shared/routes, e.g. 'POST /offices')`);
  return named as RouteKey[];
}

export async function overheadSection(client: DynamoDBClient, quick: boolean) {
  const only = routeFilter();
  const calls = process.env.BENCH_CALLS ? Number.parseInt(process.env.BENCH_CALLS, 10) : undefined;
  if (calls !== undefined && !(calls > 0)) throw new Error('BENCH_CALLS must be a positive whole number');
  const shared = await prepareShared();
  const all = scenarios(shared);
  const rows = [];
  for (const key of only ?? (Object.keys(ROUTES) as RouteKey[])) {
    const scenario = all[key];
    const n = calls ?? (quick ? (scenario.writes ? 10 : 30) : scenario.writes ? 60 : 300);
    const times: number[] = [];
    const floors: number[] = [];
    let rcu = 0;
    let wcu = 0;
    let ops = 0;
    let replayFailures = 0;
    const statuses = new Set<number>();
    await measure(await scenario.prepare()); // warm the handler module
    for (let i = 0; i < n; i++) {
      const m = await scenario.prepare();
      const r = await measure(m);
      statuses.add(r.status);
      times.push(r.ms);
      rcu += r.calls.reduce((s, c) => s + c.readUnits, 0);
      wcu += r.calls.reduce((s, c) => s + c.writeUnits, 0);
      ops += r.calls.length;
      const floor = await replay(client, r.calls);
      if (floor === undefined) replayFailures++;
      else floors.push(floor);
    }
    const p50 = percentile(times, 50);
    const floor50 = percentile(floors, 50);
    rows.push({
      route: key,
      calls: n,
      status: [...statuses].join('/'),
      p50ms: round1(p50),
      p99ms: round1(percentile(times, 99)),
      floorP50ms: round1(floor50),
      ratio: ops > 0 && floor50 > 0 ? round2(p50 / floor50) : null,
      dynamoOps: round1(ops / n),
      rcu: round2(rcu / n),
      wcu: round2(wcu / n),
      // a route without DynamoDB calls has no floor: it must simply be quick
      meetsTarget: ops > 0 && floor50 > 0 ? p50 <= 1.5 * floor50 : p50 < 5,
      ...(replayFailures ? { floorReplaysRefused: replayFailures } : {}),
    });
    process.stdout.write('.');
  }
  printTable('1. Request overhead per route (in-process Lambda handler vs the same DynamoDB calls replayed directly)', rows);
  return rows;
}
