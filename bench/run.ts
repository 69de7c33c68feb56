/**
 * `npm run bench`: where the system stands, measured side by side in one run on DynamoDB
 * Local (these machines are noisy: compare ratios, not absolute times). Prints a table and
 * writes bench/results.json. BENCH_QUICK=1 runs a smaller version.
 */
import '../dev/env.ts';
process.env.LOG_LEVEL = 'ERROR';
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ensureTables, startDynamoLocal } from '../dev/dynamodb-local.ts';
import { localTables } from '../infra/local-tables.ts';

const QUICK = process.env.BENCH_QUICK === '1';
const results: Record<string, unknown> = { startedAt: new Date().toISOString(), quick: QUICK, machine: { node: process.version, cpus: (await import('node:os')).cpus().length } };

const tables = localTables();
const dynamo = await startDynamoLocal({ dataDir: null });
process.on('exit', () => void dynamo.stop());
await ensureTables(dynamo.client, tables);
process.env.DYNAMODB_ENDPOINT = dynamo.endpoint;
Object.assign(process.env, tables.environment);
const { ensureOffices } = await import('../dev/offices.ts');
await ensureOffices();

const { overheadSection } = await import('./overhead.ts');
const { lifecycleSection } = await import('./lifecycle.ts');
const { reportsSection } = await import('./reports.ts');
const { coldStartSection } = await import('./cold-start.ts');
const { importSection } = await import('./import.ts');

try {
  results.coldStart = await coldStartSection();
  results.overhead = await overheadSection(dynamo.client, QUICK);
  results.lifecycle = await lifecycleSection();
  results.import = await importSection(QUICK);
  results.reports = await reportsSection(QUICK);
} finally {
  results.finishedAt = new Date().toISOString();
  // keys this run does not measure (the web section, written by bench/web.ts) are kept
  const file = join(import.meta.dirname, 'results.json');
  const before = existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>) : {};
  writeFileSync(file, `${JSON.stringify({ ...before, ...results }, null, 2)}\n`);
  console.log('\nwrote bench/results.json');
  await dynamo.stop();
}

// the web app in Chromium, on its own database with the demo data (bench/web.ts merges its figures)
const web = spawnSync('npx', ['tsx', join(import.meta.dirname, 'web.ts')], { stdio: 'inherit' });
process.exitCode = web.status ?? 1;
