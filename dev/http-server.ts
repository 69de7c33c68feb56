/**
 * The local HTTP front door: the local OpenID Connect provider at `/oidc` (its issuer is
 * derived from the URL the server listens on), `/config.json` for the web app, the
 * `/dev/login` shortcut and `/dev/users` (the active staff), every API route through the
 * LocalApi (API Gateway's part), and the built web app for other GETs.
 */
import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize } from 'node:path';
import { gzipSync } from 'node:zlib';
import { getStaffByUsername, staffInSubtree } from '../shared/store/staff.ts';
import type { LocalApi } from './local-api.ts';
import { createLocalProvider, type LocalProvider } from './oidc.ts';
import { LOCAL_CLIENT_ID } from './tokens.ts';

export interface HttpServerOptions {
  /** the host name in the issuer URL (default: the address listened on; `localhost` for all interfaces) */
  publicHost?: string;
  /** signs the provider's cookies; kept under LOCAL_STATE_DIR by the dev server */
  cookieSecret?: string;
}

/** What the web app reads from `/config.json`: where the API is and which OIDC provider to use. */
export interface LocalWebConfig {
  mode: 'oidc';
  apiUrl: string;
  authority: string;
  clientId: string;
  scope: string;
}

/** Lambda's limit for a request (a ledger or application import is a file upload). */
const MAX_BODY = 6 * 1024 * 1024;

/** The body as API Gateway passes it: text when it is UTF-8, else base64 (the handler refuses it, naming the body). */
async function readBody(req: IncomingMessage): Promise<{ body?: string; isBase64Encoded?: boolean }> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY) throw Object.assign(new Error('body too large'), { status: 413 });
    chunks.push(chunk as Buffer);
  }
  if (!chunks.length) return {};
  const bytes = Buffer.concat(chunks);
  try {
    return { body: new TextDecoder('utf-8', { fatal: true }).decode(bytes) };
  } catch {
    return { body: bytes.toString('base64'), isBase64Encoded: true };
  }
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.json': 'application/json',
  '.webmanifest': 'application/manifest+json',
  '.ico': 'image/x-icon',
};

const COMPRESSIBLE = new Set(['.html', '.js', '.css', '.svg', '.json', '.webmanifest']);
const gzipped = new Map<string, { mtimeMs: number; body: Buffer }>();

/** As CloudFront serves them: the build's Brotli copy or gzip when the browser accepts it; built assets (content-hashed names) cached for good. */
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
    const accepts = String(req.headers['accept-encoding'] ?? '');
    if (COMPRESSIBLE.has(extname(target)) && /\bbr\b/.test(accepts) && existsSync(`${target}.br`)) {
      // the build's Brotli copy (web/vite.config.ts), as the web hosting sends it
      content = readFileSync(`${target}.br`);
      headers['content-encoding'] = 'br';
      headers.vary = 'accept-encoding';
    } else if (COMPRESSIBLE.has(extname(target)) && /\bgzip\b/.test(accepts)) {
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
  res.end(typeof body === 'string' || Buffer.isBuffer(body) ? body : JSON.stringify(body));
}

export function createHttpServer(api: LocalApi, webDist?: string, opts: HttpServerOptions = {}): Server {
  let provider: LocalProvider | undefined;
  const server = createServer(async (req, res) => {
    try {
      const url = new URL(req.url ?? '/', 'http://localhost');
      const method = req.method ?? 'GET';
      if (provider && (await provider.handle(req, res, async () => (await readBody(req)).body))) return;
      if (method === 'POST' && url.pathname === '/dev/login') {
        const body = JSON.parse((await readBody(req)).body ?? '{}') as { username?: unknown };
        const staff = typeof body.username === 'string' && body.username ? await getStaffByUsername(body.username) : undefined;
        if (!staff?.active) return send(res, 400, { error: { code: 'unknown_user', message: 'username must be an active person of the staff directory', field: 'username' } });
        const user = { username: staff.username, role: staff.role, officeId: staff.officeId, displayName: staff.displayName };
        return send(res, 200, { token: await api.tokens.sign({ ...user, ...(staff.subject ? { subject: staff.subject } : {}) }), user });
      }
      // the local SMS provider's inboxes (dev only): every phone's messages, or one phone's
      if (method === 'GET' && url.pathname === '/dev/sms') {
        const { localInbox, localInboxPhones } = await import('../shared/sms/local.ts');
        const phone = url.searchParams.get('phone');
        return send(res, 200, phone ? { phone, messages: localInbox(phone) } : { phones: localInboxPhones().map((p) => ({ phone: p, count: localInbox(p).length })) });
      }
      if (method === 'GET' && url.pathname === '/dev/users') {
        const items = (await staffInSubtree(undefined)).filter((s) => s.active).map((s) => ({ username: s.username, role: s.role, officeId: s.officeId, displayName: s.displayName }));
        return send(res, 200, { items });
      }
      // the web app's settings (on AWS, the stack writes config.json next to the app)
      if (method === 'GET' && url.pathname === '/config.json') {
        const config: LocalWebConfig = { mode: 'oidc', apiUrl: '', authority: api.tokens.issuer, clientId: LOCAL_CLIENT_ID, scope: 'openid profile api' };
        return send(res, 200, config, { 'cache-control': 'no-store' });
      }
      const { body, isBase64Encoded } = method === 'GET' || method === 'HEAD' ? {} : await readBody(req);
      const answer = await api.handle({
        method,
        path: url.pathname,
        query: Object.fromEntries(url.searchParams),
        headers: Object.fromEntries(Object.entries(req.headers).map(([k, v]) => [k, Array.isArray(v) ? v.join(',') : (v ?? '')])),
        body,
        isBase64Encoded,
      });
      if (answer.status === 404 && method === 'GET' && webDist && JSON.parse(answer.body).error?.code === 'no_route' && serveStatic(webDist, url.pathname, req, res)) return;
      send(res, answer.status, answer.isBase64Encoded ? Buffer.from(answer.body, 'base64') : answer.body, answer.headers);
    } catch (error) {
      const status = (error as { status?: number }).status ?? (error instanceof SyntaxError ? 400 : 500);
      const code = status === 413 ? 'payload_too_large' : status === 400 ? 'invalid_json' : 'internal';
      if (status === 500) console.error(error);
      if (!res.headersSent) send(res, status, { error: { code, message: status === 413 ? 'request body too large' : status === 400 ? 'the request body is not valid JSON' : 'internal error' } });
    }
  });
  // the issuer is where this server listens: http://localhost:<PORT>/oidc (127.0.0.1 in the browser tests)
  server.on('listening', () => {
    const { address, port } = server.address() as AddressInfo;
    const host = opts.publicHost ?? (address === '127.0.0.1' ? '127.0.0.1' : 'localhost');
    provider = createLocalProvider(`http://${host}:${port}`, api.tokens, opts.cookieSecret ?? randomBytes(32).toString('hex'));
    api.tokens.issuer = provider.issuer;
  });
  return server;
}
