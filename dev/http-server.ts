/**
 * The local HTTP front door: `/dev/login` and `/dev/users` (local sign-in), every API
 * route through the LocalApi (API Gateway's part), and the built web app for other GETs.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { extname, join, normalize } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { LocalApi } from './local-api.ts';
import { DEMO_USERS } from './tokens.ts';

const MAX_BODY = 1024 * 1024;

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

const COMPRESSIBLE = new Set(['.html', '.js', '.css', '.svg', '.json', '.webmanifest']);
const gzipped = new Map<string, { mtimeMs: number; body: Buffer }>();

/** As CloudFront serves them: compressed when the browser accepts it; built assets (content-hashed names) cached for good. */
function serveStatic(WEB_DIST: string, path: string, req: IncomingMessage, res: ServerResponse): boolean {
  if (!existsSync(WEB_DIST)) return false;
  const file = normalize(join(WEB_DIST, path === '/' ? 'index.html' : path));
  const target = file.startsWith(WEB_DIST) && existsSync(file) && !file.endsWith('/') ? file : join(WEB_DIST, 'index.html');
  try {
    let content: Buffer = readFileSync(target);
    const headers: Record<string, string> = {
      'content-type': TYPES[extname(target)] ?? 'application/octet-stream',
      'cache-control': target.includes(`${WEB_DIST}/assets/`) ? 'public, max-age=31536000, immutable' : target.endsWith('index.html') || target.endsWith('sw.js') ? 'no-cache' : 'public, max-age=3600',
    };
    if (COMPRESSIBLE.has(extname(target)) && /\bgzip\b/.test(String(req.headers['accept-encoding'] ?? ''))) {
      const mtimeMs = statSync(target).mtimeMs;
      let hit = gzipped.get(target);
      if (!hit || hit.mtimeMs !== mtimeMs) {
        hit = { mtimeMs, body: gzipSync(content) };
        gzipped.set(target, hit);
      }
      content = hit.body;
      headers['content-encoding'] = 'gzip';
      headers.vary = 'accept-encoding';
    }
    res.writeHead(200, headers);
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

export function createHttpServer(api: LocalApi, webDist?: string): Server {
  return createServer(async (req, res) => {
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
      // the web app's settings (on AWS, CloudFront serves the stack's config.json instead)
      if (method === 'GET' && url.pathname === '/config.json') return send(res, 200, { mode: 'local', apiUrl: '' });
      const body = method === 'GET' || method === 'HEAD' ? undefined : await readBody(req);
      const answer = await api.handle({
        method,
        path: url.pathname,
        query: Object.fromEntries(url.searchParams),
        headers: Object.fromEntries(Object.entries(req.headers).map(([k, v]) => [k, Array.isArray(v) ? v.join(',') : (v ?? '')])),
        body,
      });
      if (answer.status === 404 && method === 'GET' && webDist && JSON.parse(answer.body).error?.code === 'no_route' && serveStatic(webDist, url.pathname, req, res)) return;
      send(res, answer.status, answer.body, answer.headers);
    } catch (error) {
      const status = (error as { status?: number }).status ?? (error instanceof SyntaxError ? 400 : 500);
      const code = status === 413 ? 'payload_too_large' : status === 400 ? 'invalid_json' : 'internal';
      send(res, status, { error: { code, message: status === 413 ? 'request body too large' : status === 400 ? 'the request body is not valid JSON' : 'internal error' } });
    }
  });
}
