/**
 * `npm run bench`: where the system stands, measured side by side in one run on DynamoDB
 * Local (these machines are noisy: compare ratios, not absolute times). Prints a table and
 * writes bench/results.json. BENCH_QUICK=1 runs a smaller version; BENCH_ONLY=importBomb,ledger
 * runs only the sections named (the keys of results.json; `web` is bench/web.ts), keeping the
 * other figures of the file. BENCH_ROUTES='POST /offices,GET /loans' measures only those routes
 * in the overhead section (see bench/overhead.ts); such a run keeps the file's overhead figures.
 */
import '../dev/env.ts';
process.env.LOG_LEVEL = 'ERROR';
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { startBenchDatabase } from './database.ts';

const QUICK = process.env.BENCH_QUICK === '1';
const ONLY = process.env.BENCH_ONLY ? new Set(process.env.BENCH_ONLY.split(',').map((x) => x.trim())) : undefined;
const wanted = (section: string) => !ONLY || ONLY.has(section);
const results: Record<string, unknown> = { startedAt: new Date().toISOString(), quick: QUICK, machine: { node: process.version, cpus: (await import('node:os')).cpus().length } };

const dynamo = await startBenchDatabase();

const { overheadSection } = await import('./overhead.ts');
const { lifecycleSection } = await import('./lifecycle.ts');
const { reportsSection } = await import('./reports.ts');
const { coldStartSection } = await import('./cold-start.ts');
const { importBombSection, importSection, importWideSection } = await import('./import.ts');
const { ledgerSection } = await import('./ledger.ts');
const { smsRemindersSection } = await import('./sms.ts');

try {
  if (wanted('coldStart')) results.coldStart = await coldStartSection();
  if (wanted('overhead')) results.overhead = await overheadSection(dynamo.client, QUICK);
  if (wanted('lifecycle')) results.lifecycle = await lifecycleSection(dynamo.client);
  if (wanted('import')) results.import = await importSection(QUICK);
  if (wanted('importBomb')) results.importBomb = await importBombSection();
  if (wanted('importWide')) results.importWide = await importWideSection();
  if (wanted('ledger')) results.ledger = await ledgerSection(QUICK);
  if (wanted('reports')) results.reports = await reportsSection(QUICK);
  if (wanted('smsReminders')) results.smsReminders = await smsRemindersSection(QUICK);
} finally {
  results.finishedAt = new Date().toISOString();
  // keys this run does not measure (the web section, written by bench/web.ts) are kept
  const file = join(import.meta.dirname, 'results.json');
  const before = existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>) : {};
  // a run of a few routes (BENCH_ROUTES) prints its table but never replaces the figures of every route
  const partialOverhead = Boolean(process.env.BENCH_ROUTES?.trim());
  if (partialOverhead) delete results.overhead;
  // a partial run (BENCH_ONLY) keeps the full run's dates and notes when each section it measured was measured
  const earlier = (before.sectionsMeasuredAt ?? {}) as Record<string, unknown>;
  const stamped = Object.fromEntries([...(ONLY ?? [])].filter((k) => !(partialOverhead && k === 'overhead')).map((k) => [k, results.finishedAt]));
  const dated = ONLY ? { sectionsMeasuredAt: { ...earlier, ...stamped } } : { sectionsMeasuredAt: partialOverhead ? { overhead: earlier.overhead ?? before.finishedAt } : {} };
  const measured = ONLY ? Object.fromEntries(Object.entries(results).filter(([k]) => ONLY.has(k))) : results;
  writeFileSync(file, `${JSON.stringify({ ...before, ...measured, ...dated }, null, 2)}\n`);
  console.log('\nwrote bench/results.json');
  await dynamo.stop();
}

// the web app in Chromium, on its own database with the demo data (bench/web.ts merges its figures)
if (wanted('web')) {
  const web = spawnSync('npx', ['tsx', join(import.meta.dirname, 'web.ts')], { stdio: 'inherit' });
  process.exitCode = web.status ?? 1;
}
