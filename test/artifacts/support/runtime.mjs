// @ts-check
/**
 * A Lambda runtime stand-in, run with the Node 24 binary and forked by the artifact tests (one
 * process per function, kept warm like a Lambda execution environment). Like the nodejs24.x
 * runtime it starts in the bundle's folder (LAMBDA_TASK_ROOT), ESM-imports the handler file
 * named by `_HANDLER` (init phase), then calls the exported handler once per event with a
 * Lambda context. Like the runtime, it lends the bundle `@aws-sdk/*` and nothing else: those
 * resolve from the project's own SDK packages (ARTIFACT_SDK_FROM); any other bare import
 * the bundle did not bundle fails to resolve (no node_modules lies above the bundle).
 *
 * Every read of an environment variable that is not set, made by the bundle's own code (the
 * first caller outside this file is the bundle file), is reported with the invocation, with
 * the source-mapped place of the read, so the test can fail naming the function.
 */
import { randomUUID } from 'node:crypto';
import { registerHooks } from 'node:module';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { getCallSites } from 'node:util';

const taskRoot = process.env.LAMBDA_TASK_ROOT ?? process.cwd();
const taskRootUrl = pathToFileURL(taskRoot).href;
const sdkFrom = process.env.ARTIFACT_SDK_FROM;
const self = import.meta.url;
const selfPath = new URL(self).pathname;

// the runtime's SDK: `@aws-sdk/*` from the bundle resolves as if imported from the project root
registerHooks({
  resolve(specifier, context, nextResolve) {
    if (sdkFrom && specifier.startsWith('@aws-sdk/') && context.parentURL?.startsWith(taskRootUrl)) return nextResolve(specifier, { ...context, parentURL: sdkFrom });
    return nextResolve(specifier, context);
  },
});

/** @type {{ name: string; site: string }[]} */
let unsetReads = [];
const seen = new Set();
const realEnv = process.env;

/** @param {string} name */
function noteRead(name) {
  if (name in realEnv || seen.has(name)) return;
  const notSelf = (/** @type {{ scriptName: string }} */ s) => s.scriptName !== self && s.scriptName !== selfPath;
  // the first caller outside this file decides: Node's own internals and the SDK are not the bundle
  const caller = getCallSites(12, { sourceMap: false }).find(notSelf);
  if (!caller?.scriptName.startsWith(taskRootUrl) && !caller?.scriptName.startsWith(taskRoot)) return;
  seen.add(name);
  // the place named is the caller of the env helper (shared/config.ts), where the variable is needed
  const sites = getCallSites(12, { sourceMap: true }).filter(notSelf);
  const mapped = sites.find((s) => !s.scriptName.endsWith('/shared/config.ts')) ?? sites[0];
  unsetReads.push({ name, site: mapped ? `${mapped.scriptName.replace(/^.*?((shared|functions|node_modules)\/)/, '$1')}:${mapped.lineNumber}` : '?' });
}

process.env = new Proxy(realEnv, {
  get(target, key, receiver) {
    if (typeof key === 'string') noteRead(key);
    return Reflect.get(target, key, receiver);
  },
  has(target, key) {
    if (typeof key === 'string') noteRead(key);
    return Reflect.has(target, key);
  },
});

const send = (/** @type {unknown} */ message) => process.send?.(message);
const errorOf = (/** @type {unknown} */ e) => {
  const error = /** @type {{ name?: string; message?: string; stack?: string; code?: string }} */ (e);
  return { name: error?.name ?? 'Error', message: String(error?.message ?? e), stack: error?.stack, code: error?.code };
};

const [file, exportName] = (process.env._HANDLER ?? 'index.handler').split('.');
/** @type {(event: unknown, context: unknown) => Promise<unknown>} */
let handler;
try {
  const mod = await import(pathToFileURL(join(taskRoot, `${file}.mjs`)).href);
  handler = mod[exportName ?? 'handler'];
  if (typeof handler !== 'function') throw new Error(`${file}.mjs exports no function ${exportName}`);
  send({ type: 'ready', unsetReads });
  unsetReads = [];
} catch (error) {
  send({ type: 'init-error', error: errorOf(error), unsetReads });
  process.exitCode = 1;
  process.disconnect?.();
}

process.on('message', async (/** @type {{ type: string; id: number; event: unknown }} */ message) => {
  if (message.type !== 'invoke') return;
  const timeoutMs = Number(process.argv[2] ?? 3) * 1000;
  const deadline = Date.now() + timeoutMs;
  const context = {
    callbackWaitsForEmptyEventLoop: true,
    functionName: process.env.AWS_LAMBDA_FUNCTION_NAME,
    functionVersion: process.env.AWS_LAMBDA_FUNCTION_VERSION,
    invokedFunctionArn: `arn:aws:lambda:${process.env.AWS_REGION}:000000000000:function:${process.env.AWS_LAMBDA_FUNCTION_NAME}`,
    memoryLimitInMB: process.env.AWS_LAMBDA_FUNCTION_MEMORY_SIZE,
    awsRequestId: randomUUID(),
    logGroupName: process.env.AWS_LAMBDA_LOG_GROUP_NAME,
    logStreamName: process.env.AWS_LAMBDA_LOG_STREAM_NAME,
    getRemainingTimeInMillis: () => Math.max(0, deadline - Date.now()),
  };
  try {
    const value = await handler(message.event, context);
    send({ type: 'result', id: message.id, ok: true, value: value ?? null, unsetReads });
  } catch (error) {
    send({ type: 'result', id: message.id, ok: false, error: errorOf(error), unsetReads });
  }
  unsetReads = [];
});
