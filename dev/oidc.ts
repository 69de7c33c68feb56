/**
 * The local identity provider: the certified `oidc-provider`, mounted by the dev server at
 * `/oidc`, so the web app signs in locally through the same OpenID Connect code path
 * (authorization code + S256 PKCE, refresh tokens for silent renewal) as with Cognito or an
 * office's own provider on AWS. Its login page lists the active staff of the directory (no
 * passwords: this is a developer's machine). It signs with the same key as `POST /dev/login`
 * (`dev/tokens.ts`), and its access tokens are JWTs for the API's audience. Nothing of this
 * is deployed.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import Provider, { type Configuration } from 'oidc-provider';
import type { ROLE_LEVEL } from '../shared/domain/roles.ts';
import { getStaffBySubject, getStaffByUsername, staffInSubtree } from '../shared/store/staff.ts';
import { LOCAL_AUDIENCE, LOCAL_CLIENT_ID, type TokenIssuer } from './tokens.ts';

export const OIDC_PREFIX = '/oidc';
const API_SCOPE = 'api';
/** the API as a resource indicator (RFC 8707 wants an absolute URI); its tokens carry the audience LOCAL_AUDIENCE */
const API_RESOURCE = 'urn:happiness-loans:api';

export interface LocalProvider {
  issuer: string;
  /** Serves `/oidc/…` (the provider and its login page); false for other paths. */
  handle(req: IncomingMessage, res: ServerResponse, body: () => Promise<string | undefined>): Promise<boolean>;
}

/** `origin`: where the web app runs (the same server); the issuer is `${origin}/oidc`. */
export function createLocalProvider(origin: string, tokens: TokenIssuer, cookieSecret: string): LocalProvider {
  const issuer = `${origin}${OIDC_PREFIX}`;
  // access tokens live 15 minutes (LOCAL_ACCESS_TOKEN_SECONDS: shorter, to watch the app renew them)
  const accessTokenTTL = Number(process.env.LOCAL_ACCESS_TOKEN_SECONDS ?? 15 * 60);
  const configuration: Configuration = {
    clients: [
      {
        client_id: LOCAL_CLIENT_ID,
        client_name: '幸福工程 · 贷款管理',
        token_endpoint_auth_method: 'none',
        application_type: 'web',
        grant_types: ['authorization_code', 'refresh_token'],
        response_types: ['code'],
        redirect_uris: sameServer(origin).map((o) => `${o}/`),
        post_logout_redirect_uris: sameServer(origin).map((o) => `${o}/`),
      },
    ],
    jwks: { keys: [tokens.privateJwk()] },
    cookies: { keys: [cookieSecret] },
    claims: { openid: ['sub'], profile: ['name', 'preferred_username'] },
    scopes: ['openid', 'profile', 'offline_access', API_SCOPE],
    pkce: { required: () => true },
    features: {
      devInteractions: { enabled: false },
      // sign-out from the app ends the provider's session too (so the next sign-in shows the list again)
      rpInitiatedLogout: {
        enabled: true,
        logoutSource: async (ctx, form) => {
          ctx.type = 'html';
          ctx.body = page(
            '退出 · Sign out',
            `<p>正在退出… Signing out…</p>${form}<script>const f=document.getElementById('op.logoutForm');const i=document.createElement('input');i.type='hidden';i.name='logout';i.value='yes';f.appendChild(i);f.submit();</script>`,
          );
        },
      },
      resourceIndicators: {
        enabled: true,
        defaultResource: () => API_RESOURCE,
        useGrantedResource: () => true,
        getResourceServerInfo: (_ctx, resource) => {
          if (resource !== API_RESOURCE) throw new Error(`unknown resource ${resource}`);
          return { scope: API_SCOPE, audience: LOCAL_AUDIENCE, accessTokenTTL, accessTokenFormat: 'jwt', jwt: { sign: { alg: 'RS256' } } };
        },
      },
    },
    // a refresh token for silent renewal (the app is first-party: consent is given for it, below)
    issueRefreshToken: async (_ctx, client) => client.grantTypeAllowed('refresh_token'),
    ttl: { AccessToken: accessTokenTTL, IdToken: accessTokenTTL, RefreshToken: 12 * 3600, Session: 12 * 3600, Grant: 12 * 3600, Interaction: 3600, AuthorizationCode: 60 },
    interactions: { url: (_ctx, interaction) => `${OIDC_PREFIX}/interaction/${interaction.uid}` },
    async findAccount(_ctx, id) {
      // the account is her subject, what the directory knows her by; the username is only a label
      const staff = await getStaffBySubject(id);
      if (!staff?.active) return undefined;
      return { accountId: id, claims: async () => ({ sub: id, name: staff.displayName, preferred_username: staff.username }) };
    },
    renderError: async (ctx, out) => {
      ctx.type = 'html';
      ctx.body = page('登录出错 · Sign-in error', `<p>${htmlText(String(out.error_description ?? out.error))}</p><p><a href="/">返回 · Back</a></p>`);
    },
  };
  const provider = new Provider(issuer, configuration);
  const callback = provider.callback();

  async function loginPage(req: IncomingMessage, res: ServerResponse, uid: string, problem?: string) {
    const people = (await staffInSubtree(undefined)).filter((s) => s.active);
    const rows = people
      .sort((a, b) => ROLE_ORDER.indexOf(a.role) - ROLE_ORDER.indexOf(b.role) || a.officeId.localeCompare(b.officeId))
      .map(
        (s) =>
          `<li><button type="submit" name="username" value="${htmlText(s.username)}" data-username="${htmlText(s.username)}"><strong>${htmlText(s.displayName)}</strong><span>${ROLE_NAME[s.role]} · ${htmlText(s.officeId)} · ${htmlText(s.username)}</span></button></li>`,
      )
      .join('');
    const body = `<h1>幸福工程 · 本地登录</h1><p class="muted">本机开发用的身份提供方：选择工作人员名录中的一位在职人员登录（无需密码）。<br>Local identity provider: pick an active person from the staff directory.</p>${
      problem ? `<p class="problem" role="alert">${htmlText(problem)}</p>` : ''
    }<form method="post" action="${OIDC_PREFIX}/interaction/${htmlText(uid)}/login"><ul>${rows || '<li>名录中没有在职人员 · no active staff</li>'}</ul></form><p class="muted"><a href="/#/dev-sms">本机短信收件箱 · Local SMS inboxes</a>（开发用，无需登录 · dev only, no sign-in）</p>`;
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
    res.end(page('幸福工程 · 登录', body));
    void req;
  }

  return {
    issuer,
    async handle(req, res, readBody) {
      const url = new URL(req.url ?? '/', 'http://localhost');
      if (url.pathname !== OIDC_PREFIX && !url.pathname.startsWith(`${OIDC_PREFIX}/`)) return false;
      const interaction = /^\/oidc\/interaction\/([\w-]+)(\/login)?$/.exec(url.pathname);
      if (interaction) {
        const [, uid, login] = interaction as unknown as [string, string, string | undefined];
        const details = await provider.interactionDetails(req, res).catch(() => undefined);
        if (!details || details.uid !== uid) {
          res.writeHead(400, { 'content-type': 'text/html; charset=utf-8' });
          res.end(page('登录已过期', '<p>登录已过期，请返回重新登录。The sign-in expired; go back and sign in again.</p><p><a href="/">返回 · Back</a></p>'));
          return true;
        }
        if (details.prompt.name === 'consent') {
          // the programme's own app: the consent is the programme's, not a screen for the user
          const missing = details.prompt.details as { missingOIDCScope?: string[]; missingOIDCClaims?: string[]; missingResourceScopes?: Record<string, string[]> };
          const grant = details.grantId ? await provider.Grant.find(details.grantId) : new provider.Grant({ accountId: details.session!.accountId, clientId: String(details.params.client_id) });
          if (!grant) throw new Error('grant not found');
          if (missing.missingOIDCScope) grant.addOIDCScope(missing.missingOIDCScope.join(' '));
          if (missing.missingOIDCClaims) grant.addOIDCClaims(missing.missingOIDCClaims);
          for (const [indicator, scopes] of Object.entries(missing.missingResourceScopes ?? {})) grant.addResourceScope(indicator, scopes.join(' '));
          await provider.interactionFinished(req, res, { consent: { grantId: await grant.save() } }, { mergeWithLastSubmission: true });
          return true;
        }
        if (!login || req.method !== 'POST') {
          await loginPage(req, res, uid);
          return true;
        }
        const username = new URLSearchParams((await readBody()) ?? '').get('username') ?? '';
        const staff = username ? await getStaffByUsername(username) : undefined;
        if (!staff?.active) {
          await loginPage(req, res, uid, `${username} 不是在职人员 · is not active staff`);
          return true;
        }
        await provider.interactionFinished(req, res, { login: { accountId: staff.subject ?? staff.username.toLowerCase() } }, { mergeWithLastSubmission: false });
        return true;
      }
      // the provider's own endpoints, mounted below /oidc
      const original = req.url ?? '/';
      Object.assign(req, { originalUrl: original, url: original.slice(OIDC_PREFIX.length) || '/' });
      await callback(req, res);
      return true;
    },
  };
}

/** The app may be opened as localhost or 127.0.0.1: both are this server. */
function sameServer(origin: string): string[] {
  const url = new URL(origin);
  const other = url.hostname === 'localhost' ? '127.0.0.1' : url.hostname === '127.0.0.1' ? 'localhost' : undefined;
  return other ? [origin, `${url.protocol}//${other}:${url.port}`] : [origin];
}

const ROLE_ORDER = ['committee', 'district', 'township', 'field'] as const;
const ROLE_NAME = { committee: '组委会', district: '区项目办', township: '乡镇', field: '外勤' } as const satisfies Record<keyof typeof ROLE_LEVEL, string>;

function htmlText(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

/** A plain page that works at 390 px: one column, large tap targets, CJK fonts first. */
function page(title: string, body: string): string {
  return `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${htmlText(title)}</title><style>
body{margin:0;font-family:"Noto Sans CJK SC","WenQuanYi Micro Hei","PingFang SC","Microsoft YaHei",system-ui,sans-serif;background:#f4f1ea;color:#222}
main{max-width:480px;margin:0 auto;padding:16px}h1{font-size:1.3rem;margin:8px 0}.muted{color:#555;font-size:.9rem;line-height:1.5}
ul{list-style:none;padding:0;margin:0}li{margin:8px 0}
button{width:100%;text-align:left;padding:12px;border:1px solid #c9bfa8;border-radius:8px;background:#fff;font:inherit;cursor:pointer;display:flex;flex-direction:column;gap:4px;min-height:48px}
button:hover,button:focus{border-color:#a33;outline:none}button span{color:#666;font-size:.85rem;word-break:break-all}
.problem{background:#fdecea;border:1px solid #e0b4b4;padding:8px;border-radius:6px}
</style></head><body><main>${body}</main></body></html>`;
}
