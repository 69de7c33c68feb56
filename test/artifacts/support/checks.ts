/**
 * What the artifact run proves about each function, from what it did and what the template
 * gives it: environment variables it read that the template does not set, calls its role
 * does not grant, and grants it never used (each needs a written reason to stay).
 */
import type { FunctionSpec } from './assembly.ts';
import { LAMBDA_RESERVED, type UnsetRead } from './lambda.ts';
import { type LocalNames, resolveCfn } from './resolve.ts';
import type { ServiceCall } from './services.ts';

/**
 * Variables the code reads and may find unset in AWS, each with why that is right. Anything
 * else a bundle reads must be set by the template.
 */
export const OPTIONAL_ENV: Record<string, string> = {
  MOTHER_KEY: 'the key itself, for tests and operators’ scripts; in AWS it comes from the secret named by MOTHER_KEY_SECRET_ARN',
  DYNAMODB_ENDPOINT: 'DynamoDB Local’s address when run locally; in AWS the SDK’s own endpoint',
  DYNAMODB_MAX_ATTEMPTS: 'local retry tuning; defaults to 2',
  LOG_LEVEL: 'defaults to INFO',
};
/** Settings of the Powertools logger that are optional by design (defaults documented by Powertools). */
const OPTIONAL_PREFIXES = ['POWERTOOLS_'];

export function isOptionalEnv(name: string): boolean {
  return name in OPTIONAL_ENV || LAMBDA_RESERVED.has(name) || OPTIONAL_PREFIXES.some((p) => name.startsWith(p));
}

/**
 * One message per variable the project's own code (shared/, functions/) read although the
 * template does not set it. Reads by bundled libraries (their optional settings: zod,
 * Powertools, middy) are theirs to default; the site says which code read.
 */
export function missingEnvironment(fn: Pick<FunctionSpec, 'name' | 'environment'>, reads: UnsetRead[]): string[] {
  const seen = new Set<string>();
  return reads
    .filter((r) => !r.site.startsWith('node_modules/') && !(r.name in fn.environment) && !isOptionalEnv(r.name) && !seen.has(r.name) && seen.add(r.name))
    .map((r) => `function ${fn.name} reads environment variable ${r.name} (${r.site}), which the template does not set for it`);
}

/** One allowed action on one resource (a statement's actions × resources, resolved locally). */
export interface Grant {
  action: string;
  resource: string;
}

export function grantsOf(fn: Pick<FunctionSpec, 'statements'>, names: LocalNames): Grant[] {
  const grants: Grant[] = [];
  for (const s of fn.statements) {
    const actions = Array.isArray(s.Action) ? s.Action : [s.Action];
    const resources = Array.isArray(s.Resource) ? s.Resource : [s.Resource];
    for (const action of actions) for (const r of resources) grants.push({ action, resource: resolveCfn(r, names) ?? `(unresolved ${JSON.stringify(r)})` });
  }
  return grants;
}

/** IAM's wildcards: `*` any run of characters, `?` one; actions compare without case. */
export function iamMatch(pattern: string, value: string, ignoreCase = false): boolean {
  const re = new RegExp(
    `^${pattern
      .replace(/[.+^${}()|[\]\\]/g, '\\$&')
      .replace(/\*/g, '.*')
      .replace(/\?/g, '.')}$`,
    ignoreCase ? 'i' : '',
  );
  return re.test(value);
}

const allows = (g: Grant, action: string, resource: string) => iamMatch(g.action, action, true) && iamMatch(g.resource, resource);

/** Calls no grant allows: one message each, naming the function, the action and the resource. */
export function ungrantedCalls(fn: Pick<FunctionSpec, 'name'>, calls: ServiceCall[], grants: Grant[]): string[] {
  const out = new Set<string>();
  for (const c of calls) for (const r of c.resources) if (!grants.some((g) => allows(g, c.action, r))) out.add(`function ${fn.name} called ${c.action} on ${r}, which its role does not grant`);
  return [...out];
}

/** Services whose calls the artifact run observes; grants of other services (logs, X-Ray, KMS) are used by AWS on the function's behalf. */
export const OBSERVED_SERVICES = ['dynamodb', 'secretsmanager', 'cognito-idp', 'sns', 'sqs'];

export function unusedGrants(calls: ServiceCall[], grants: Grant[]): Grant[] {
  return grants.filter((g) => OBSERVED_SERVICES.includes(g.action.split(':')[0]!) && !calls.some((c) => c.resources.some((r) => allows(g, c.action, r))));
}

/** Why a grant of an unobserved service stays. */
export const IMPLIED_BY_AWS: Record<string, string> = {
  logs: 'the Lambda service writes the function’s log lines to its own log group',
  xray: 'active tracing: the Lambda service sends the trace segments (X-Ray accepts no narrower resource)',
  kms: 'the records key encrypts the table and the secret: DynamoDB and Secrets Manager use it on the function’s behalf (not observable locally)',
};
