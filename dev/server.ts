/**
 * `npm run dev`: the whole system on this machine. Starts the real DynamoDB Local (data
 * under .local/, kept across restarts), creates the tables from the CDK stack, loads the
 * demo data when empty, and serves the API (the Lambda handlers, invoked with API Gateway
 * v2 events) and the web app on one URL. Ctrl-C stops everything, Java included.
 */
import './env.ts';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { extname, join, normalize, resolve } from 'node:path';
import { localTables } from '../infra/local-tables.ts';
import { ensureTables, startDynamoLocal } from './dynamodb-local.ts';
import { LocalApi } from './local-api.ts';
import { DEMO_USERS, TokenIssuer } from './tokens.ts';

const ROOT = resolve(import.meta.dirname, '..');
const STATE_DIR = resolve(process.env.LOCAL_STATE_DIR ?? join(ROOT, '.local'));
const WEB_DIST = join(ROOT, 'web', 'dist');
const PORT = Number(process.env.PORT ?? 3000);
const MAX_BODY = 1024 * 1024;

function devSecret(): string {
  const file = join(STATE_DIR, 'dev-jwt-secret');
  if (!existsSync(file)) writeFileSync(file, randomBytes(32).toString('hex'), { mode: 0o600 });
  return readFileSync(file, 'utf8').trim();
}

async function readBody(req: IncomingMessage): Promise<string | undefined> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY) throw Object.assign(new Error('body too large'), { status: 413 });
    chunks.push(chunk as Buffer);
  }
  return chunks.length ? Buffer.concat(chunks).toString('utf8') : undefined;
}

const TYPES: Record<string, string> = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.css': 'text/css', '.svg': 'image/svg+xml', '.png': 'image/png', '.json': 'application/json', '.webmanifest': 'application/manifest+json', '.ico': 'image/x-icon' };

function serveStatic(path: string, res: ServerResponse): boolean {
  if (!existsSync(WEB_DIST)) return false;
  const file = normalize(join(WEB_DIST, path === '/' ? 'index.html' : path));
  const target = file.startsWith(WEB_DIST) && existsSync(file) && !file.endsWith('/') ? file : join(WEB_DIST, 'index.html');
  try {
    const content = readFileSync(target);
    res.writeHead(200, { 'content-type': TYPES[extname(target)] ?? 'application/octet-stream', 'cache-control': target.endsWith('index.html') ? 'no-cache' : 'public, max-age=3600' });
    res.end(content);
    return true;
  } catch {
    return false;
  }
}

function send(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', ...headers });
  res.end(typeof body === 'string' ? body : JSON.stringify(body));
}

async function main() {
  mkdirSync(STATE_DIR, { recursive: true });
  console.log('Starting DynamoDB Local (the AWS engine, data in .local/dynamodb) …');
  const dynamo = await startDynamoLocal({ dataDir: join(STATE_DIR, 'dynamodb'), port: process.env.DYNAMODB_PORT ? Number(process.env.DYNAMODB_PORT) : undefined });
  let stopping = false;
  const stop = async (code = 0) => {
    if (stopping) return;
    stopping = true;
    console.log('\nStopping …');
    server.close();
    await dynamo.stop();
    process.exit(code);
  };
  process.on('SIGINT', () => void stop());
  process.on('SIGTERM', () => void stop());
  process.on('exit', () => void dynamo.stop());

  const tables = localTables();
  const created = await ensureTables(dynamo.client, tables);
  process.env.DYNAMODB_ENDPOINT = dynamo.endpoint;
  Object.assign(process.env, tables.environment);
  if (created.length) console.log(`Created tables from the CDK stack: ${created.join(', ')}`);

  const api = new LocalApi(new TokenIssuer(devSecret()));
  const { ensureOffices } = await import('./offices.ts');
  if (await ensureOffices()) {
    console.log('Loading demo data (one committee, two districts, ~30 mothers) …');
    const { loadDemoData } = await import('./demo-data.ts');
    const loaded = await loadDemoData(api);
    console.log(`Loaded ${loaded.rounds} rounds and ${loaded.applications} applications.`);
  }

  const server = createServer(async (req, res) => {
    try {
      const url = new URL(req.url ?? '/', 'http://localhost');
      const method = req.method ?? 'GET';
      if (method === 'POST' && url.pathname === '/dev/login') {
        const body = JSON.parse((await readBody(req)) ?? '{}') as { username?: string };
        const user = DEMO_USERS.find((u) => u.username === body.username);
        if (!user) return send(res, 400, { error: { code: 'unknown_user', message: `username must be one of ${DEMO_USERS.map((u) => u.username).join(', ')}`, field: 'username' } });
        return send(res, 200, { token: await api.tokens.sign(user), user });
      }
      if (method === 'GET' && url.pathname === '/dev/users') return send(res, 200, { items: DEMO_USERS });
      const body = method === 'GET' || method === 'HEAD' ? undefined : await readBody(req);
      const answer = await api.handle({
        method,
        path: url.pathname,
        query: Object.fromEntries(url.searchParams),
        headers: Object.fromEntries(Object.entries(req.headers).map(([k, v]) => [k, Array.isArray(v) ? v.join(',') : (v ?? '')])),
        body,
      });
      if (answer.status === 404 && method === 'GET' && JSON.parse(answer.body).error?.code === 'no_route' && serveStatic(url.pathname, res)) return;
      send(res, answer.status, answer.body, answer.headers);
    } catch (error) {
      const status = (error as { status?: number }).status ?? 500;
      send(res, status, { error: { code: status === 413 ? 'payload_too_large' : 'internal', message: status === 413 ? 'request body too large' : 'internal error' } });
    }
  });
  server.listen(PORT, () => {
    console.log(`\nHappiness Project loan system (幸福工程) is running:\n  Web app and API  http://localhost:${PORT}\n  OpenAPI          http://localhost:${PORT}/openapi.json\n`);
    console.log('Demo users (POST /dev/login {"username": "…"} returns a token):');
    for (const u of DEMO_USERS) console.log(`  ${u.username.padEnd(11)} ${u.role.padEnd(10)} ${u.officeId.padEnd(36)} ${u.displayName}`);
    console.log('\nCtrl-C stops the server and DynamoDB Local.');
  });
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
