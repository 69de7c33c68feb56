/**
 * 4. Cold start: each function's bundle (esbuild with the stack's own options, `BUNDLING` of
 * infra/constructs/lambda-function.ts, and a metafile) and the time to import it in a fresh
 * Node process, beside a minimal middy handler and one that also loads the DynamoDB client.
 * Targets: bundles within 150 KB (test/infra/bundles.test.ts holds them to it), import
 * within 1.2× of the minimal handler with the DynamoDB client.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { build } from 'esbuild';
import { BUNDLING } from '../infra/constructs/lambda-function.ts';
import { buildFunctionBundle, coldStartBytes } from '../infra/function-bundle.ts';
import { percentile, printTable, round1 } from './stats.ts';

const ROOT = resolve(import.meta.dirname, '..');
const OUT = join(ROOT, 'bench', '.out');

async function bundle(name: string, entry: string): Promise<{ file: string; bytes: number; topInputs: string }> {
  const outfile = join(OUT, name, 'index.mjs');
  const result = await build({
    entryPoints: [entry],
    bundle: true,
    platform: 'node',
    format: BUNDLING.format,
    target: BUNDLING.target,
    minify: BUNDLING.minify,
    metafile: true,
    charset: BUNDLING.charset,
    outfile,
    external: [...BUNDLING.externalModules],
    banner: { js: BUNDLING.banner },
    logLevel: 'silent',
  });
  const output = Object.values(result.metafile.outputs)[0]!;
  const byPackage = new Map<string, number>();
  for (const [path, info] of Object.entries(output.inputs)) {
    const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(path)?.[1] ?? 'project code';
    byPackage.set(pkg, (byPackage.get(pkg) ?? 0) + info.bytesInOutput);
  }
  const top = [...byPackage]
    .sort((a, b) => b[1] - a[1])
    .slice(0, 4)
    .map(([p, b]) => `${p} ${Math.round(b / 1024)}K`)
    .join(', ');
  return { file: outfile, bytes: output.bytes, topInputs: top };
}

/** A function's bundle as the stack ships it (index.mjs and its texts split by language), with what a cold start loads: index.mjs, the Tibetan texts and the file it serves (meta's OpenAPI document). */
async function functionBundle(name: string): Promise<{ file: string; bytes: number; topInputs: string; texts?: string }> {
  const outdir = join(OUT, name);
  const b = await buildFunctionBundle(name, outdir, { write: true });
  const byPackage = new Map<string, number>();
  for (const [path, info] of Object.entries(Object.values(b.metafile.outputs).find((o) => o.entryPoint)!.inputs)) {
    const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(path)?.[1] ?? 'project code';
    byPackage.set(pkg, (byPackage.get(pkg) ?? 0) + info.bytesInOutput);
  }
  const bo = b.languageBytes.bo;
  if (bo) byPackage.set('texts in Tibetan', bo);
  const top = [...byPackage]
    .sort((a, c) => c[1] - a[1])
    .slice(0, 4)
    .map(([p, bytes]) => `${p} ${Math.round(bytes / 1024)}K`)
    .join(', ');
  return { file: join(outdir, 'index.mjs'), bytes: coldStartBytes(b), topInputs: top, ...(bo ? { texts: join(outdir, 'i18n-bo.cjs') } : {}) };
}

function importMs(file: string, runs = 5, texts?: string): number {
  const times: number[] = [];
  // a function's texts are read on the first message in the caller's language: the cold start counts them too
  const readTexts = texts ? `(await import('node:module')).createRequire(import.meta.url)(${JSON.stringify(texts)});` : '';
  for (let i = 0; i < runs; i++) {
    const out = execFileSync(
      process.execPath,
      ['--input-type=module', '-e', `const t=performance.now();await import(${JSON.stringify(`file://${file}`)});${readTexts}console.log(performance.now()-t)`],
      {
        cwd: ROOT,
        env: { ...process.env, RECORDS_TABLE: 'x', AWS_REGION: 'local' },
      },
    ).toString();
    times.push(Number(out.trim()));
  }
  return percentile(times, 50);
}

export async function coldStartSection() {
  mkdirSync(join(OUT, 'minimal'), { recursive: true });
  const minimalEntry = join(OUT, 'minimal', 'entry.ts');
  writeFileSync(minimalEntry, "import middy from '@middy/core';\nexport const handler = middy().handler(async () => ({ statusCode: 200, body: 'ok' }));\n");
  const minimal = await bundle('minimal-bundle', minimalEntry);
  const minimalMs = importMs(minimal.file);
  const rows = [
    { function: '(minimal middy handler)', bundleKB: round1(minimal.bytes / 1024), importMs: round1(minimalMs), vsMinimal: 1, within150KB: minimal.bytes <= 150 * 1024, largest: minimal.topInputs },
  ];
  // a second baseline: the same minimal handler that also loads the DynamoDB document client, as any function of ours must
  const withSdkEntry = join(OUT, 'minimal', 'with-sdk.ts');
  writeFileSync(
    withSdkEntry,
    "import middy from '@middy/core';\nimport { DynamoDBClient } from '@aws-sdk/client-dynamodb';\nimport { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';\nconst doc = DynamoDBDocumentClient.from(new DynamoDBClient({}));\nexport const handler = middy().handler(async () => ({ statusCode: 200, body: String(!!doc) }));\n",
  );
  const withSdk = await bundle('minimal-with-sdk', withSdkEntry);
  const withSdkMs = importMs(withSdk.file);
  rows.push({
    function: '(minimal handler + DynamoDB client)',
    bundleKB: round1(withSdk.bytes / 1024),
    importMs: round1(withSdkMs),
    vsMinimal: round1(withSdkMs / minimalMs),
    within150KB: true,
    largest: 'the SDK is external (the Lambda runtime provides it) but still loads at init',
  });
  for (const name of readdirSync(join(ROOT, 'functions')).sort()) {
    const b = await functionBundle(name);
    const ms = importMs(b.file, 5, b.texts);
    rows.push({
      function: name,
      bundleKB: round1(b.bytes / 1024),
      importMs: round1(ms),
      vsMinimal: round1(ms / minimalMs),
      vsMinimalWithSdk: round1(ms / withSdkMs),
      within150KB: b.bytes <= 150 * 1024,
      importWithin1_2x: ms / withSdkMs <= 1.2,
      largest: b.topInputs,
    } as (typeof rows)[number]);
  }
  printTable('4. Cold start: bundle size and import time in a fresh Node process', rows);
  return rows;
}
