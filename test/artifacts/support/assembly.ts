/**
 * The cloud assembly exactly as a deploy would build it: `infra/app.ts` (with cdk-nag) run with
 * bundling on, into a folder outside the project (so no `node_modules` above a bundle can
 * lend it what it did not bundle). From the template: every function built from a bundle
 * of ours (an ESM `index.mjs` asset), its environment, its role's statements, and the API's
 * routes with the function each one invokes.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

export type CfnValue = string | number | boolean | null | CfnValue[] | { [key: string]: CfnValue };

export interface CfnResource {
  Type: string;
  Properties?: Record<string, CfnValue>;
  Metadata?: Record<string, CfnValue>;
}

export interface Template {
  Resources: Record<string, CfnResource>;
}

export interface Statement {
  Effect: 'Allow' | 'Deny';
  Action: string | string[];
  Resource: CfnValue;
}

/** One function of the stack as the template declares it. */
export interface FunctionSpec {
  /** construct path without the stack, e.g. `Api/Fn-loans` (what failures name) */
  name: string;
  logicalId: string;
  /** folder holding the bundle as CDK built it (absent in a fake template) */
  assetDir?: string;
  /** `index.handler` → file `index.mjs`, export `handler` */
  handler: string;
  runtime: string;
  timeoutSeconds: number;
  memorySize: number;
  /** Environment.Variables, unresolved */
  environment: Record<string, CfnValue>;
  /** every Allow statement of the function's role (inline and attached policies) */
  statements: Statement[];
}

export interface RouteSpec {
  routeKey: string;
  /** the function's logical id */
  target: string;
  authorization: 'JWT' | 'NONE';
}

export interface Assembly {
  dir: string;
  stackName: string;
  template: Template;
  functions: FunctionSpec[];
  routes: RouteSpec[];
}

const ROOT = resolve(import.meta.dirname, '..', '..', '..');
export const ARTIFACT_STACK = 'HappinessLoans';

/**
 * Runs the CDK app as `cdk synth` does (path and asset metadata on), into a fresh temporary
 * folder. `context` adds CDK context (e.g. `webHosting`); the functions do not depend on it.
 */
export function synthesizeApp(context: Record<string, string> = {}): string {
  const dir = mkdtempSync(join(tmpdir(), 'artifacts-cdk-'));
  const env = {
    ...process.env,
    CDK_OUTDIR: dir,
    CDK_CONTEXT_JSON: JSON.stringify({ 'aws:cdk:enable-path-metadata': true, 'aws:cdk:enable-asset-metadata': true, alarmEmail: 'none', ...context }),
  };
  execFileSync(join(ROOT, 'node_modules', '.bin', 'tsx'), [join(ROOT, 'infra', 'app.ts')], { cwd: ROOT, env, stdio: ['ignore', 'ignore', 'pipe'] });
  return dir;
}

/** Reads a synthesized cloud assembly: the stack's template, its function bundles and routes. */
export function readAssembly(dir: string, stackName = ARTIFACT_STACK): Assembly {
  const template = JSON.parse(readFileSync(join(dir, `${stackName}.template.json`), 'utf8')) as Template;
  const assets = JSON.parse(readFileSync(join(dir, `${stackName}.assets.json`), 'utf8')) as {
    files: Record<string, { displayName?: string; source: { path: string }; destinations: Record<string, { objectKey: string }> }>;
  };
  const byObjectKey = new Map<string, { dir: string; displayName?: string }>();
  for (const file of Object.values(assets.files)) for (const d of Object.values(file.destinations)) byObjectKey.set(d.objectKey, { dir: join(dir, file.source.path), displayName: file.displayName });
  const functions = functionsOf(template, (s3Key) => byObjectKey.get(s3Key)).filter((f) => f.assetDir && existsSync(join(f.assetDir, `${f.handler.split('.')[0]}.mjs`)));
  return { dir, stackName, template, functions, routes: routesOf(template) };
}

/** The Node.js functions of a template (also used on fake templates in the unit tests). */
export function functionsOf(template: Template, asset: (s3Key: string) => { dir: string; displayName?: string } | undefined = () => undefined): FunctionSpec[] {
  const out: FunctionSpec[] = [];
  for (const [logicalId, r] of Object.entries(template.Resources)) {
    if (r.Type !== 'AWS::Lambda::Function') continue;
    const p = r.Properties ?? {};
    if (typeof p.Runtime !== 'string' || !p.Runtime.startsWith('nodejs')) continue;
    const s3Key = (p.Code as { S3Key?: CfnValue } | undefined)?.S3Key;
    const found = typeof s3Key === 'string' ? asset(s3Key) : undefined;
    const path = typeof r.Metadata?.['aws:cdk:path'] === 'string' ? (r.Metadata['aws:cdk:path'] as string) : undefined;
    const name = found?.displayName?.replace(/\/Function\/Code$|\/Code$/, '') ?? path?.split('/').slice(1, -2).join('/') ?? logicalId;
    out.push({
      name,
      logicalId,
      ...(found ? { assetDir: found.dir } : {}),
      handler: String(p.Handler ?? 'index.handler'),
      runtime: p.Runtime,
      timeoutSeconds: Number(p.Timeout ?? 3),
      memorySize: Number(p.MemorySize ?? 128),
      environment: ((p.Environment as { Variables?: Record<string, CfnValue> } | undefined)?.Variables ?? {}) as Record<string, CfnValue>,
      statements: statementsOfRole(template, roleOf(p.Role)),
    });
  }
  return out;
}

function roleOf(value: CfnValue | undefined): string | undefined {
  const getAtt = (value as { 'Fn::GetAtt'?: CfnValue[] } | undefined)?.['Fn::GetAtt'];
  return Array.isArray(getAtt) && typeof getAtt[0] === 'string' ? getAtt[0] : undefined;
}

const isRef = (value: CfnValue, logicalId: string) => typeof value === 'object' && value !== null && !Array.isArray(value) && value.Ref === logicalId;

/** The Allow statements a role holds: its inline policies and every AWS::IAM::Policy attached to it. */
export function statementsOfRole(template: Template, roleId: string | undefined): Statement[] {
  if (!roleId) return [];
  const documents: CfnValue[] = [];
  const role = template.Resources[roleId];
  for (const p of (role?.Properties?.Policies as { PolicyDocument: CfnValue }[] | undefined) ?? []) documents.push(p.PolicyDocument);
  for (const r of Object.values(template.Resources)) {
    if (r.Type !== 'AWS::IAM::Policy' && r.Type !== 'AWS::IAM::ManagedPolicy') continue;
    const roles = (r.Properties?.Roles as CfnValue[] | undefined) ?? [];
    if (roles.some((x) => isRef(x, roleId))) documents.push(r.Properties!.PolicyDocument!);
  }
  return documents.flatMap((d) => ((d as { Statement?: Statement[] }).Statement ?? []).filter((s) => s.Effect === 'Allow'));
}

/** The HTTP API's routes and the function each integration invokes. */
export function routesOf(template: Template): RouteSpec[] {
  const integrationTarget = new Map<string, string>();
  for (const [id, r] of Object.entries(template.Resources)) {
    if (r.Type !== 'AWS::ApiGatewayV2::Integration') continue;
    const fn = roleOf(r.Properties?.IntegrationUri);
    if (fn) integrationTarget.set(id, fn);
  }
  const routes: RouteSpec[] = [];
  for (const r of Object.values(template.Resources)) {
    if (r.Type !== 'AWS::ApiGatewayV2::Route') continue;
    const p = r.Properties ?? {};
    const join = (p.Target as { 'Fn::Join'?: [string, CfnValue[]] } | undefined)?.['Fn::Join'];
    const ref = join?.[1].find((x) => typeof x === 'object' && x !== null && !Array.isArray(x) && typeof x.Ref === 'string') as { Ref: string } | undefined;
    const target = ref ? integrationTarget.get(ref.Ref) : undefined;
    if (!target || typeof p.RouteKey !== 'string') continue;
    routes.push({ routeKey: p.RouteKey, target, authorization: p.AuthorizationType === 'JWT' ? 'JWT' : 'NONE' });
  }
  return routes;
}
