/**
 * Where a bulk import's time goes: `npx tsx bench/import-cpu.ts` imports ROWS (2,000) rows
 * RUNS (3) times (the first FIRST_ROWS if set: FIRST_ROWS=2000 ROWS=10000 RUNS=2 is the bench's import section) into new rounds on its own DynamoDB Local, calling importApplications
 * directly (no API deadline), and prints for each run the rows per second and the CPU time
 * per row of this Node process and of DynamoDB Local's Java process (read from /proc: Linux
 * only). CPU per row moves much less than seconds with the machine's load, so two versions
 * of the code can be compared on a busy machine (run them alternately). WCU=1 also sums the
 * capacity DynamoDB Local reports and the items and transactions sent; THREADS=1 splits the Java
 * CPU per row by thread (the SQLite writer, the HTTP threads, the JIT compilers, the collector). The first run warms
 * both processes' JIT: compare the later ones.
 */
import '../dev/env.ts';
process.env.LOG_LEVEL = 'ERROR';
import { execSync } from 'node:child_process';
import { randomInt } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { startBenchDatabase } from './database.ts';

const dynamo = await startBenchDatabase();
const { residentIdCheckChar } = await import('../shared/domain/resident-id.ts');
const { openRound, today } = await import('../test/support/fixtures.ts');
const { contextFor } = await import('../shared/usecases/context.ts');
const { importApplications } = await import('../shared/usecases/imports.ts');
const javaPid = execSync(`pgrep -P ${process.pid} java`).toString().trim().split('\n')[0];
const javaCpu = () => {
  const f = readFileSync(`/proc/${javaPid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  return (Number(f[11]) + Number(f[12])) / 100;
};
/** CPU seconds of each group of Java threads (by name, digits dropped: "C2 CompilerThre", "qtp-…", "SQLiteQueue[…]"), for THREADS=1. */
const javaThreads = () => {
  const groups = new Map<string, number>();
  for (const task of readdirSync(`/proc/${javaPid}/task`)) {
    try {
      const stat = readFileSync(`/proc/${javaPid}/task/${task}/stat`, 'utf8');
      const name = stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')')).replace(/\d+/g, '#');
      const f = stat.slice(stat.lastIndexOf(') ') + 2).split(' ');
      groups.set(name, (groups.get(name) ?? 0) + (Number(f[11]) + Number(f[12])) / 100);
    } catch {
      // the thread ended
    }
  }
  return groups;
};
const units = { read: 0, write: 0, tx: 0, items: 0, bytes: 0 };
if (process.env.WCU === '1') {
  const { dynamoObservers } = await import('../shared/store/client.ts');
  dynamoObservers.push((c) => {
    units.read += c.readUnits;
    units.write += c.writeUnits;
    const items = (c.input as { TransactItems?: unknown[] }).TransactItems;
    if (items) {
      units.tx++;
      units.items += items.length;
      units.bytes += JSON.stringify(items).length;
    }
  });
}
const rowsWanted = Number(process.env.ROWS ?? 2000);
const header = '姓名,身份证号,村,家庭人口,家庭年收入(元),村人均收入(元),计生情况,项目类型,项目说明,预计年收益(元),申请金额(元),同意书日期,告知人';
const firstYear = 1950 + randomInt(40);
for (let run = 0; run < Number(process.env.RUNS ?? 3); run++) {
  const roundId = await openRound({ capitalFen: 10_000_000_000 });
  // every run its own birth year, so no run meets the mothers of another (up to 12 × 28 × 1,000 rows a run)
  const year = firstYear + run;
  const lines = Array.from({ length: run === 0 && process.env.FIRST_ROWS ? Number(process.env.FIRST_ROWS) : rowsWanted }, (_, i) => {
    const first17 = `540102${year}${String(1 + (i % 12)).padStart(2, '0')}${String(1 + (Math.floor(i / 12) % 28)).padStart(2, '0')}${String(Math.floor(i / 336)).padStart(3, '0')}`;
    return `卓玛${i},${first17 + residentIdCheckChar(first17)},lhasa.chengguan.caigongtang.zhiba,5,9000,6200,双女户,养殖,养殖牦牛出售酥油奶渣,6000,10000,${today()},格桑`;
  });
  const content = [header, ...lines].join('\n');
  const ctx = contextFor({ userId: 'local-township', username: 'township', role: 'township', officeId: 'lhasa.chengguan.caigongtang' });
  Object.assign(units, { read: 0, write: 0, tx: 0, items: 0, bytes: 0 });
  const threads0 = javaThreads();
  const j0 = javaCpu();
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  const report = await importApplications(ctx, roundId, { format: 'csv', content, dryRun: false }, { deadlineMs: 600_000 });
  const s = (performance.now() - t0) / 1000;
  const c = process.cpuUsage(c0);
  const done = report.accepted + report.refused;
  console.log(
    `${
      process.env.THREADS === '1'
        ? `${[...javaThreads()]
            .map(([name, s]) => [name, ((s - (threads0.get(name) ?? 0)) * 1000) / done] as const)
            .filter(([, ms]) => ms >= 0.01)
            .sort((a, b) => b[1] - a[1])
            .map(([name, ms]) => `  java ${name}: ${ms.toFixed(2)} ms/row`)
            .join('\n')}\n`
        : ''
    }RESULT run ${run} load ${readFileSync('/proc/loadavg', 'utf8').split(' ')[0]} accepted ${report.accepted} refused ${report.refused} s ${s.toFixed(1)} rows/s ${Math.round(done / s)} nodeCpuMsPerRow ${((c.user + c.system) / 1000 / done).toFixed(2)} javaCpuMsPerRow ${(((javaCpu() - j0) * 1000) / done).toFixed(2)} units ${JSON.stringify(units)}`,
  );
}
await dynamo.stop();
process.exit(0);
