import { randomInt } from 'node:crypto';
import { residentIdCheckChar } from '../shared/domain/resident-id.ts';
import { api, tokenFor } from '../test/support/api.ts';
import { openRound, today } from '../test/support/fixtures.ts';
import { printTable, round1 } from './stats.ts';

/**
 * 5. Bulk intake: a 10,000-row application import in one request, rows per second. A 2,000-row
 * import into another round goes first, not measured (500 rows with BENCH_QUICK): DynamoDB Local
 * is a Java server whose JIT compiles its write path during the first few thousand rows (5.4 ms
 * of its CPU per row in the first 2,000, 1.8 ms from the 6,000th: docs/performance.md), and the
 * figure is meant to be the import's, not the emulator's warm-up; the AWS service has none.
 */
export async function importSection(quick: boolean) {
  const rowsWanted = quick ? 2_000 : 10_000;
  const firstYear = 1950 + randomInt(40);
  const token = await tokenFor('township');
  await importFile(await openRound({ capitalFen: 10_000_000_000 }), csvOf(quick ? 500 : 2_000, firstYear), token);
  const roundId = await openRound({ capitalFen: 10_000_000_000 });
  const content = csvOf(rowsWanted, firstYear + 1);
  const started = performance.now();
  const res = await importFile(roundId, content, token);
  const ms = performance.now() - started;
  const body = JSON.parse(res.body) as { accepted?: number; refused?: number; alreadyImported?: number; rows?: { errors?: { rule: string }[] }[]; error?: { message: string } };
  // rows refused because the write deadline came before them were not imported: they do not count as done
  const outOfTime = (body.rows ?? []).filter((r) => r.errors?.[0]?.rule === 'import_out_of_time').length;
  const rows = [
    {
      rows: rowsWanted,
      status: res.status,
      accepted: body.accepted ?? 0,
      refused: body.refused ?? 0,
      alreadyImported: body.alreadyImported ?? 0,
      outOfTime,
      seconds: round1(ms / 1000),
      rowsPerSecond: round1(((body.accepted ?? 0) + (body.refused ?? 0) - outOfTime) / (ms / 1000)),
      under29s: ms < 29_000,
    },
  ];
  printTable('5. Bulk intake: one CSV import request', rows);
  if (res.status !== 200) console.log(`   import answered ${res.status}: ${body.error?.message ?? ''}`);
  return rows;
}

/** A CSV of `rows` mothers born in `year`, every one with her own ID number (12 months × 28 days × 1,000). */
function csvOf(rows: number, year: number): string {
  const header = '姓名,身份证号,村,家庭人口,家庭年收入(元),村人均收入(元),计生情况,项目类型,项目说明,预计年收益(元),申请金额(元),同意书日期,告知人';
  const lines = Array.from({ length: rows }, (_, i) => {
    const first17 = `540102${year}${String(1 + (i % 12)).padStart(2, '0')}${String(1 + (Math.floor(i / 12) % 28)).padStart(2, '0')}${String(Math.floor(i / 336)).padStart(3, '0')}`;
    return `卓玛${i},${first17 + residentIdCheckChar(first17)},lhasa.chengguan.caigongtang.zhiba,5,9000,6200,双女户,养殖,养殖牦牛出售酥油奶渣,6000,10000,${today()},格桑`;
  });
  return [header, ...lines].join('\n');
}

const importFile = (roundId: string, content: string, token: string) =>
  api.handle({
    method: 'POST',
    path: `/rounds/${roundId}/imports`,
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify({ format: 'csv', content, dryRun: false }),
  });

/**
 * 5b. A hostile workbook: an ~89 KB .xlsx whose sheet is ten million empty `<row/>` (60 MB
 * unpacked). It must be refused (413/422) quickly and with bounded memory: time of the
 * dry-run request and the growth of the process's resident memory while it runs.
 */
export async function importBombSection() {
  const { strToU8, zipSync } = await import('fflate');
  const ns = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
  const book = zipSync(
    {
      'xl/workbook.xml': strToU8(`<workbook xmlns="${ns}"><sheets><sheet name="s" sheetId="1" r:id="rId1"/></sheets></workbook>`),
      'xl/_rels/workbook.xml.rels': strToU8('<Relationships><Relationship Id="rId1" Type="x/worksheet" Target="worksheets/sheet1.xml"/></Relationships>'),
      'xl/worksheets/sheet1.xml': strToU8(`<worksheet><sheetData>${'<row/>'.repeat(10_000_000)}</sheetData></worksheet>`),
    },
    { level: 9 },
  );
  const roundId = await openRound();
  const token = await tokenFor('township');
  const body = JSON.stringify({ format: 'xlsx', content: Buffer.from(book).toString('base64'), dryRun: true });
  (globalThis as { gc?: () => void }).gc?.();
  const rssBefore = process.memoryUsage().rss;
  let peak = rssBefore;
  const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 5);
  const started = performance.now();
  const res = await api.handle({ method: 'POST', path: `/rounds/${roundId}/imports`, headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body });
  const ms = performance.now() - started;
  clearInterval(sampler);
  peak = Math.max(peak, process.memoryUsage().rss);
  const rows = [
    {
      fileKB: round1(book.length / 1024),
      status: res.status,
      seconds: round1(ms / 1000),
      rssGrowthMB: round1((peak - rssBefore) / 1024 / 1024),
      refusedWith: (JSON.parse(res.body) as { error?: { message: string } }).error?.message.slice(0, 80) ?? '',
    },
  ];
  printTable('5b. Hostile workbook: ten million empty rows in an ~89 KB .xlsx (dry run)', rows);
  return rows;
}

/** Time and resident-memory growth of one request (the process is sampled every 5 ms). */
async function measured(send: () => Promise<{ status: number; body: string }>) {
  (globalThis as { gc?: () => void }).gc?.();
  const rssBefore = process.memoryUsage().rss;
  let peak = rssBefore;
  const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 5);
  const started = performance.now();
  const res = await send();
  const ms = performance.now() - started;
  clearInterval(sampler);
  peak = Math.max(peak, process.memoryUsage().rss);
  return { res, seconds: round1(ms / 1000), rssGrowthMB: round1((peak - rssBefore) / 1024 / 1024) };
}

/**
 * 5c. The wide-row workbook (issue 18): 10,900 rows of ~54 KB, each with one cell at column
 * ZZZ, as the township import's dry run and as two sheets of a ledger import's dry run. Both
 * must be refused in under 2 s within 256 MB of growth.
 */
export async function importWideSection() {
  const { base64Of, wideRowWorkbook } = await import('../test/support/hostile-workbooks.ts');
  const wide = wideRowWorkbook();
  const content = base64Of(wide);
  const roundId = await openRound();
  const township = await tokenFor('township');
  const district = await tokenFor('district');
  const headers = (token: string) => ({ authorization: `Bearer ${token}`, 'content-type': 'application/json' });
  // one small request to each route first, so the figures are the file's, not the first call's (loading the route's code; cold starts are section 0)
  await api.handle({ method: 'POST', path: `/rounds/${roundId}/imports`, headers: headers(township), body: JSON.stringify({ format: 'csv', content: 'x', dryRun: true }) });
  await api.handle({
    method: 'POST',
    path: '/ledger-imports',
    headers: headers(district),
    body: JSON.stringify({
      districtId: 'lhasa.chengguan',
      format: 'csv',
      rounds: 'x',
      loans: 'x',
      repayments: 'x',
      declaredTotals: { disbursedFen: 0, repaidFen: 0, writtenOffFen: 0, outstandingFen: 0 },
      dryRun: true,
    }),
  });
  const applications = await measured(() =>
    api.handle({ method: 'POST', path: `/rounds/${roundId}/imports`, headers: headers(township), body: JSON.stringify({ format: 'xlsx', content, dryRun: true }) }),
  );
  const { xlsxOf } = await import('../shared/http/ledger-templates.ts');
  const { templateRows } = await import('../shared/domain/ledger-template.ts');
  const rounds = base64Of(xlsxOf('轮次', templateRows('rounds')));
  const ledger = await measured(() =>
    api.handle({
      method: 'POST',
      path: '/ledger-imports',
      headers: headers(district),
      body: JSON.stringify({
        districtId: 'lhasa.chengguan',
        format: 'xlsx',
        rounds,
        loans: content,
        repayments: content,
        declaredTotals: { disbursedFen: 0, repaidFen: 0, writtenOffFen: 0, outstandingFen: 0 },
        dryRun: true,
      }),
    }),
  );
  const row = (what: string, m: Awaited<ReturnType<typeof measured>>) => ({
    file: what,
    fileKB: round1(wide.length / 1024),
    status: m.res.status,
    seconds: m.seconds,
    rssGrowthMB: m.rssGrowthMB,
    under2sAnd256MB: m.seconds < 2 && m.rssGrowthMB < 256,
    refusedWith: (JSON.parse(m.res.body) as { error?: { rule?: string } }).error?.rule ?? '',
  });
  const rows = [row('applications: one wide sheet', applications), row('ledger: loans and repayments sheets both wide', ledger)];
  printTable('5c. Wide-row workbook: 10,900 rows, one cell each at column ZZZ (dry runs)', rows);
  return rows;
}
