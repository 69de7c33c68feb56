/**
 * One function of the stack, run as Lambda runs it: its bundle on Node 24 in a process of
 * its own (the runtime stand-in `runtime.mjs`), with the environment Lambda gives every
 * function plus exactly the variables the template sets (resolved to local values), and
 * AWS_ENDPOINT_URL pointing at the function's own recording endpoint.
 */
import { type ChildProcess, fork } from 'node:child_process';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { FunctionSpec } from './assembly.ts';
import { LOCAL_REGION, type LocalNames, resolveCfn } from './resolve.ts';

const ROOT = resolve(import.meta.dirname, '..', '..', '..');
const RUNTIME = join(import.meta.dirname, 'runtime.mjs');

export interface UnsetRead {
  name: string;
  site: string;
}

/** What the function's environment would be in Lambda (reserved variables of the nodejs runtime, JSON log format). */
export function lambdaEnvironment(fn: FunctionSpec, names: LocalNames, endpoint: string): Record<string, string> {
  const env: Record<string, string> = {
    PATH: '/usr/local/bin:/usr/bin:/bin',
    LANG: 'en_US.UTF-8',
    TZ: ':UTC',
    _HANDLER: fn.handler,
    LAMBDA_TASK_ROOT: fn.assetDir!,
    LAMBDA_RUNTIME_DIR: '/var/runtime',
    AWS_REGION: LOCAL_REGION,
    AWS_DEFAULT_REGION: LOCAL_REGION,
    AWS_EXECUTION_ENV: `AWS_Lambda_${fn.runtime}`,
    AWS_LAMBDA_FUNCTION_NAME: fn.logicalId,
    AWS_LAMBDA_FUNCTION_MEMORY_SIZE: String(fn.memorySize),
    AWS_LAMBDA_FUNCTION_VERSION: '$LATEST',
    AWS_LAMBDA_INITIALIZATION_TYPE: 'on-demand',
    AWS_LAMBDA_LOG_GROUP_NAME: `/aws/lambda/${fn.logicalId}`,
    AWS_LAMBDA_LOG_STREAM_NAME: 'local',
    AWS_LAMBDA_LOG_FORMAT: 'JSON',
    AWS_LAMBDA_LOG_LEVEL: 'WARN',
    AWS_ACCESS_KEY_ID: 'local',
    AWS_SECRET_ACCESS_KEY: 'local',
    AWS_SESSION_TOKEN: 'local',
    AWS_XRAY_CONTEXT_MISSING: 'LOG_ERROR',
    AWS_XRAY_DAEMON_ADDRESS: '127.0.0.1:2000',
    _AWS_XRAY_DAEMON_ADDRESS: '127.0.0.1',
    _AWS_XRAY_DAEMON_PORT: '2000',
    _X_AMZN_TRACE_ID: 'Root=1-00000000-000000000000000000000000;Parent=0000000000000000;Sampled=0',
    // the stand-in's plumbing: every AWS call of this function goes to its own recording endpoint
    AWS_ENDPOINT_URL: endpoint,
  };
  for (const [name, value] of Object.entries(fn.environment)) {
    const resolved = resolveCfn(value, names);
    if (resolved === undefined) throw new Error(`${fn.name}: environment variable ${name} = ${JSON.stringify(value)} cannot be resolved locally`);
    env[name] = resolved;
  }
  return env;
}

/** Names Lambda itself sets: reading them is never a missing variable. */
export const LAMBDA_RESERVED = new Set(
  Object.keys(
    lambdaEnvironment(
      { name: '', logicalId: '', handler: '', runtime: '', timeoutSeconds: 0, memorySize: 0, environment: {}, statements: [] },
      { ref: new Map(), arn: new Map(), tables: new Map(), secrets: new Map() },
      '',
    ),
  ),
);

export class ArtifactFunction {
  readonly unsetReads: UnsetRead[] = [];
  /** the last lines the function logged (stdout/stderr), for failure messages */
  private log: string[] = [];
  private child?: ChildProcess;
  private ready?: Promise<void>;
  private pending = new Map<number, { done: (v: unknown) => void; fail: (e: Error) => void }>();
  private nextId = 1;

  constructor(
    readonly spec: FunctionSpec,
    private readonly node24: string,
    private readonly env: Record<string, string>,
  ) {}

  /** Starts the execution environment and runs the init phase (the handler module's import). */
  start(): Promise<void> {
    this.ready ??= new Promise((done, fail) => {
      const { NODE_OPTIONS, ...rest } = this.env;
      const child = fork(RUNTIME, [String(this.spec.timeoutSeconds)], {
        execPath: this.node24,
        execArgv: NODE_OPTIONS ? NODE_OPTIONS.split(/\s+/).filter(Boolean) : [],
        cwd: this.spec.assetDir,
        env: { ...rest, ARTIFACT_SDK_FROM: pathToFileURL(join(ROOT, 'package.json')).href },
        stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
        serialization: 'json',
      });
      this.child = child;
      const keep = (chunk: Buffer) => {
        this.log.push(...chunk.toString().split('\n').filter(Boolean));
        this.log = this.log.slice(-30);
      };
      child.stdout?.on('data', keep);
      child.stderr?.on('data', keep);
      child.on('message', (m: { type: string; id?: number; ok?: boolean; value?: unknown; error?: { name: string; message: string; stack?: string }; unsetReads?: UnsetRead[] }) => {
        this.unsetReads.push(...(m.unsetReads ?? []));
        if (m.type === 'ready') done();
        else if (m.type === 'init-error') fail(new Error(`${this.spec.name}: the bundle failed at init on Node 24: ${m.error?.message}\n${m.error?.stack ?? ''}`));
        else if (m.type === 'result' && m.id !== undefined) {
          const waiting = this.pending.get(m.id);
          this.pending.delete(m.id);
          if (m.ok) waiting?.done(m.value);
          else waiting?.fail(new Error(`${this.spec.name}: the handler threw ${m.error?.name}: ${m.error?.message}\n${m.error?.stack ?? ''}`));
        }
      });
      child.on('exit', (code) => {
        const error = new Error(`${this.spec.name}: the Node 24 process exited (code ${code})\n${this.log.join('\n')}`);
        fail(error);
        for (const w of this.pending.values()) w.fail(error);
        this.pending.clear();
        this.child = undefined;
      });
    });
    return this.ready;
  }

  /** Invokes the handler with one event, as Lambda does, and returns what it returned. */
  async invoke<T = unknown>(event: unknown): Promise<T> {
    await this.start();
    const child = this.child;
    if (!child) throw new Error(`${this.spec.name}: the execution environment is gone\n${this.log.join('\n')}`);
    const id = this.nextId++;
    return new Promise<T>((done, fail) => {
      this.pending.set(id, { done: done as (v: unknown) => void, fail });
      child.send({ type: 'invoke', id, event });
    });
  }

  /** The last lines of the function's log. */
  recentLog(): string {
    return this.log.join('\n');
  }

  async stop(): Promise<void> {
    const child = this.child;
    if (!child) return;
    await new Promise<void>((done) => {
      child.once('exit', () => done());
      child.kill('SIGTERM');
    });
  }
}
