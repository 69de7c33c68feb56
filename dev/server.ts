/**
 * `npm run dev`: the whole system on this machine. Starts the real DynamoDB Local (data
 * under .local/, kept across restarts), creates the tables from the CDK stack, loads the
 * demo data when empty, and serves the API (the Lambda handlers, invoked with API Gateway
 * v2 events) and the web app on one URL. Ctrl-C stops everything, Java included.
 */
import './env.ts';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import type { Server } from 'node:http';
import { join, resolve } from 'node:path';
import { localTables } from '../infra/local-tables.ts';
import { assertPortFree, ensureTables, listenHost, portTakenMessage, startDynamoLocal } from './dynamodb-local.ts';
import { LocalApi } from './local-api.ts';
import { createHttpServer } from './http-server.ts';
import { TokenIssuer } from './tokens.ts';

const ROOT = resolve(import.meta.dirname, '..');
const STATE_DIR = resolve(process.env.LOCAL_STATE_DIR ?? join(ROOT, '.local'));
const WEB_DIST = join(ROOT, 'web', 'dist');
const PORT = Number(process.env.PORT ?? 3000);
const HOST = listenHost();
// a busy laptop may reset a connection now and then: the SDK retries it rather than failing the start
process.env.DYNAMODB_MAX_ATTEMPTS ??= '5';

/** A random secret kept in the state directory (the provider's cookie keys). */
function devSecret(name: string): string {
  const file = join(STATE_DIR, name);
  if (!existsSync(file)) writeFileSync(file, randomBytes(32).toString('hex'), { mode: 0o600 });
  return readFileSync(file, 'utf8').trim();
}

async function main() {
  try {
    await assertPortFree(PORT, HOST);
  } catch (error) {
    throw (error as NodeJS.ErrnoException).code === 'EADDRINUSE' ? new Error(portTakenMessage(PORT, 'PORT', 'the web app and API')) : error;
  }
  mkdirSync(STATE_DIR, { recursive: true });
  console.log('Starting DynamoDB Local (the AWS engine, data in .local/dynamodb) …');
  const dynamo = await startDynamoLocal({ dataDir: join(STATE_DIR, 'dynamodb'), port: Number(process.env.DYNAMODB_PORT ?? 8765) });
  let stopping = false;
  let server: Server | undefined;
  const stop = async (code = 0) => {
    if (stopping) return;
    stopping = true;
    console.log('\nStopping …');
    server?.close();
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
  // for scripts (npm run reconcile) that work on this database
  writeFileSync(join(STATE_DIR, 'endpoint.json'), JSON.stringify({ DYNAMODB_ENDPOINT: dynamo.endpoint, ...tables.environment }));

  // one signing key for the OIDC provider and /dev/login, kept across restarts (tokens stay valid)
  const api = new LocalApi(TokenIssuer.persistent(join(STATE_DIR, 'oidc-signing-key.json')));
  const { ensureOffices, ensureDemoStaff } = await import('./offices.ts');
  const emptyDatabase = await ensureOffices();
  const addedStaff = await ensureDemoStaff();
  if (addedStaff) console.log(`Added ${addedStaff} demo users to the staff directory.`);
  if (emptyDatabase) {
    console.log('Loading demo data (one committee, two districts, ~30 mothers) …');
    const { loadDemoData } = await import('./demo-data.ts');
    const loaded = await loadDemoData(api);
    console.log(`Loaded ${loaded.rounds} rounds and ${loaded.applications} applications.`);
  }

  // the daily close of business (EventBridge in AWS): now, then every hour
  const { closeOfBusiness } = await import('../shared/usecases/close-of-business.ts');
  const runClose = () =>
    closeOfBusiness()
      .then((r) => r.markedOverdue && console.log(`Close of business ${r.today}: ${r.markedOverdue} loan(s) became overdue.`))
      .catch((e: unknown) => console.error('close of business failed', e));
  await runClose();
  setInterval(runClose, 3_600_000).unref();

  // the mothers' text messages (EventBridge + SQS in AWS): the day's reminders once a day, the sender every minute
  const sms = await import('../shared/usecases/sms.ts');
  const runReminders = () => sms.runReminders().catch((e: unknown) => console.error('sms reminders failed', e));
  const runSender = () =>
    sms
      .sendDueMessages()
      .then(() => sms.refreshDeliveries())
      .catch((e: unknown) => console.error('sms sender failed', e));
  await runReminders();
  await runSender();
  setInterval(runReminders, 24 * 3_600_000).unref();
  setInterval(runSender, 60_000).unref();

  // the OIDC issuer is http://localhost:<PORT>/oidc; with HOST set to a LAN address, that address (PUBLIC_HOST overrides)
  const publicHost = process.env.PUBLIC_HOST ?? (['127.0.0.1', '::1', 'localhost', '0.0.0.0', '::'].includes(HOST) ? 'localhost' : HOST);
  server = createHttpServer(api, WEB_DIST, { publicHost, cookieSecret: devSecret('oidc-cookie-secret') });
  server.once('error', (error: NodeJS.ErrnoException) => {
    console.error(error.code === 'EADDRINUSE' ? portTakenMessage(PORT, 'PORT', 'the web app and API') : error);
    void stop(1);
  });
  server.listen(PORT, HOST, async () => {
    console.log(
      `\nHappiness Project loan system (幸福工程) is running:\n  Web app and API  http://${publicHost}:${PORT}\n  OpenAPI          http://${publicHost}:${PORT}/openapi.json\n  OIDC provider    ${api.tokens.issuer}/.well-known/openid-configuration\n`,
    );
    console.log('Staff directory (sign in on the web page, or POST /dev/login {"username": "…"} for a token):');
    const { staffInSubtree } = await import('../shared/store/staff.ts');
    for (const u of (await staffInSubtree(undefined)).filter((s) => s.active)) console.log(`  ${u.username.padEnd(11)} ${u.role.padEnd(10)} ${u.officeId.padEnd(36)} ${u.displayName}`);
    console.log('\nCtrl-C stops the server and DynamoDB Local.');
  });
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
