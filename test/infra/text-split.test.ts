/**
 * The message catalogues split by language (infra/text-split.ts) say exactly what the sources
 * say: every module of shared/i18n is bundled as a function is (index.mjs plus i18n-<lang>.cjs),
 * and each text of every table, in each language, is compared with the source's: strings as
 * they are, messages rendered with the same parameters. A caller's language loads its file
 * alone.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { App, Stack } from 'aws-cdk-lib';
import type { CfnFunction } from 'aws-cdk-lib/aws-lambda';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LoanFunction } from '../../infra/constructs/lambda-function.ts';
import { buildSplitBundle, type FunctionBundle } from '../../infra/function-bundle.ts';
import { findTexts, languageModule, mainModule } from '../../infra/text-split.ts';
import { fmtFor } from '../../shared/i18n/catalogue.ts';
import { LANGS, type Lang } from '../../shared/i18n/lang.ts';

const ROOT = resolve(import.meta.dirname, '..', '..');
const I18N = join(ROOT, 'shared', 'i18n');
const MODULES = readdirSync(I18N)
  .filter((f) => f.endsWith('.ts') && f !== 'texts.ts')
  .sort();

type Namespace = Record<string, unknown>;
let dir: string;
let bundle: FunctionBundle;
let built: Record<string, Namespace>;
const source: Record<string, Namespace> = {};

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'text-split-'));
  const entry = join(dir, 'entry.ts');
  writeFileSync(entry, MODULES.map((m, i) => `export * as m${i} from ${JSON.stringify(join(I18N, m))};`).join('\n'));
  bundle = await buildSplitBundle(entry, join(dir, 'out'), { write: true });
  for (const m of MODULES) source[m] = (await import(join(I18N, m))) as Namespace;
  const mod = (await import(pathToFileURL(join(dir, 'out', 'index.mjs')).href)) as Record<string, Namespace>;
  built = Object.fromEntries(MODULES.map((m, i) => [m, mod[`m${i}`]!]));
}, 120_000);

afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

/** Parameters a message may be given: none, and one with a plausible value for any name. */
function plausible(name: string): unknown {
  if (/Fen$/.test(name)) return 1234500;
  if (/(On|Date|date|today|asOf|At)$/.test(name)) return '2026-11-29';
  if (/^(values|levels|items|fields|names|kinds|roles|missing|rules|loans|rows|sheets|columns|ids|repeated|choices|villages|refused|differences|loanIds)$/.test(name)) return ['a', 'b'];
  if (/(count|Count|days|Days|months|Months|version|score|Score|rows|line|row|limit|n|max|min|year)$/.test(name)) return 7;
  if (/^(passed|ok|cured|treated|complete|willingToWork|planCredible)$/.test(name)) return true;
  return 'x';
}
const PARAMS: (() => Record<string, unknown>)[] = [() => ({}), () => new Proxy({}, { get: (_t, k) => (typeof k === 'string' ? plausible(k) : undefined), has: () => true })];

/** What a message's renderer is given: the catalogue's formatters and the history's helpers. */
function fmt(lang: Lang) {
  return {
    ...fmtFor(lang, 'amountRequestedFen'),
    y: (v: unknown) => `¥${String(v)}`,
    d: (v: unknown) => `d:${String(v)}`,
    w: (table: Record<string, Record<Lang, string>>, v: unknown) => table[String(v)]?.[lang] ?? String(v),
  };
}

function outcome(render: () => unknown): string {
  try {
    return `= ${String(render())}`;
  } catch (e) {
    // the message names minified variables in the bundle: that it throws, and what, is what must agree
    return `! ${(e as Error).name}`;
  }
}

const isText = (v: unknown): v is Record<Lang, unknown> => typeof v === 'object' && v !== null && 'zh-CN' in v && 'bo' in v && 'en' in v;

/** Every difference between a value of the sources and of the bundle, by path. */
function differences(src: unknown, got: unknown, path: string, out: string[], depth = 0): void {
  if (depth > 6) return;
  if (isText(src)) {
    for (const lang of LANGS) {
      const a = src[lang];
      const b = isText(got) ? got[lang] : undefined;
      if (typeof a === 'function') {
        for (const params of PARAMS) {
          const x = outcome(() => (a as (p: unknown, f: unknown) => unknown)(params(), fmt(lang)));
          const y = outcome(() => (b as (p: unknown, f: unknown) => unknown)(params(), fmt(lang)));
          if (x !== y) out.push(`${path}.${lang}: ${x} ≠ ${y}`);
        }
      } else if (a !== b) out.push(`${path}.${lang}: ${String(a)} ≠ ${String(b)}`);
    }
    return;
  }
  if (Array.isArray(src)) {
    if (!Array.isArray(got) || got.length !== src.length) out.push(`${path}: array differs`);
    else for (const [i, v] of src.entries()) differences(v, got[i], `${path}[${i}]`, out, depth + 1);
    return;
  }
  if (typeof src === 'object' && src !== null) {
    if (typeof got !== 'object' || got === null) {
      out.push(`${path}: missing`);
      return;
    }
    const keys = Object.keys(src);
    if (keys.join() !== Object.keys(got).join()) out.push(`${path}: keys differ`);
    for (const k of keys) differences((src as Record<string, unknown>)[k], (got as Record<string, unknown>)[k], `${path}.${k}`, out, depth + 1);
    return;
  }
  if (typeof src !== 'function' && src !== got) out.push(`${path}: ${String(src)} ≠ ${String(got)}`);
}

describe('the catalogues split by language', () => {
  it('leave the texts out of index.mjs, one language per file', () => {
    expect(Object.keys(bundle.languageBytes).sort()).toEqual(['bo', 'en', 'zh-CN']);
    const index = readFileText(join(dir, 'out', 'index.mjs'));
    // a Tibetan sentence of the request part is in the Tibetan file only
    const tibetan = 'ཞུ་བའི་དངུལ་འབོར་';
    expect(index).not.toContain(tibetan);
    expect(readFileText(join(dir, 'out', 'i18n-bo.cjs'))).toContain(tibetan);
    expect(readFileText(join(dir, 'out', 'i18n-en.cjs'))).not.toContain(tibetan);
  });

  it('load only the language a caller reads', () => {
    const cached = () =>
      Object.keys(createRequire(import.meta.url).cache)
        .filter((p) => p.startsWith(dir))
        .map((p) => p.slice(p.lastIndexOf('/') + 1))
        .sort();
    expect(cached()).toEqual([]);
    const labels = built['fields.ts']!.FIELD_LABELS as Record<string, Record<Lang, string>>;
    expect(labels.districtId!.bo).toBe((source['fields.ts']!.FIELD_LABELS as Record<string, Record<Lang, string>>).districtId!.bo);
    expect(cached()).toEqual(['i18n-bo.cjs']);
  });

  it.each(MODULES)('%s says in every language what its source says', (m) => {
    const out: string[] = [];
    for (const [name, value] of Object.entries(source[m]!)) differences(value, built[m]![name], `${m}:${name}`, out);
    expect(out.slice(0, 20)).toEqual([]);
  });

  it('renders history entries, field labels and refusals as the sources do', async () => {
    const history = (ns: Record<string, Namespace>) => ns['history.ts']!.historyText as (e: unknown, lang: Lang) => string;
    const errors = (ns: Record<string, Namespace>) => ns['errors.ts']!.errorText as (k: string, p: unknown, lang: Lang, field?: string) => string | undefined;
    const label = (ns: Record<string, Namespace>) => ns['fields.ts']!.fieldLabel as (f: string, lang: Lang) => string;
    const actions = Object.keys(source['history.ts']!.HISTORY_MESSAGES as object);
    const rules = Object.keys(source['errors.ts']!.ERROR_MESSAGES as object);
    const fields = Object.keys(source['fields.ts']!.FIELD_LABELS as object);
    const out: string[] = [];
    for (const lang of LANGS) {
      for (const action of actions)
        for (const params of PARAMS) {
          const event = { action, summary: 'old summary', params: params() };
          const [a, b] = [outcome(() => history(source)(event, lang)), outcome(() => history(built)(event, lang))];
          if (a !== b) out.push(`history ${action} ${lang}: ${a} ≠ ${b}`);
        }
      for (const rule of rules)
        for (const params of PARAMS) {
          const [a, b] = [outcome(() => errors(source)(rule, params(), lang, 'amountFen')), outcome(() => errors(built)(rule, params(), lang, 'amountFen'))];
          if (a !== b) out.push(`error ${rule} ${lang}: ${a} ≠ ${b}`);
        }
      for (const field of fields) if (label(source)(`mother.${field}`, lang) !== label(built)(`mother.${field}`, lang)) out.push(`label ${field} ${lang}`);
    }
    expect(out.slice(0, 20)).toEqual([]);
    expect(actions.length * rules.length * fields.length).toBeGreaterThan(0);
  });
});

describe('the stack ships the language files', () => {
  it('a function asset built by CDK holds index.mjs and its three language files', () => {
    const outdir = mkdtempSync(join(tmpdir(), 'text-split-cdk-'));
    try {
      const app = new App({ outdir, context: { 'aws:cdk:bundling-stacks': ['**'] } });
      const fn = new LoanFunction(new Stack(app, 'Bundled'), 'Verify', { name: 'verify' });
      const assembly = app.synth();
      const code = (fn.fn.node.defaultChild as CfnFunction).code as { s3Key?: string };
      const hash = /^([0-9a-f]{64})\.zip$/.exec(String(code.s3Key))?.[1];
      const asset = readdirSync(assembly.directory).find((d) => d === `asset.${hash}`);
      expect(asset, 'the function’s asset folder').toBeDefined();
      expect(readdirSync(join(assembly.directory, asset!)).sort()).toEqual(['i18n-bo.cjs', 'i18n-en.cjs', 'i18n-zh-CN.cjs', 'index.meta.json', 'index.mjs', 'index.mjs.map']);
      expect(readFileText(join(assembly.directory, asset!, 'index.mjs'))).not.toContain('ཞུ་བའི་དངུལ་འབོར་');
    } finally {
      rmSync(outdir, { recursive: true, force: true });
    }
  }, 120_000);
});

describe('the split itself', () => {
  const SOURCE = [
    "import { W } from './catalogue.ts';",
    "const L = (zh: string, bo: string, en: string) => ({ 'zh-CN': zh, bo, en });",
    "export const A = { one: L('一', 'གཅིག', 'one'), two: { 'zh-CN': (p: { n: number }) => String(p.n), bo: () => 'གཉིས', en: () => 'two' } };",
    "export const B = W('乙', 'ཁ', 'b');",
    'export function inside(lang: string) {',
    "  return { 'zh-CN': '里', bo: 'ནང', en: 'in' }[lang];",
    '}',
    "export const C = { 'zh-CN': () => A.one['zh-CN'], bo: () => A.one.en, en: () => 'c' };",
  ].join('\n');
  const builders = new Map([['W', { 'zh-CN': 0, bo: 1, en: 2 } as const]]);

  it('finds the texts evaluated as the module loads, not those inside a function nor one naming another language', () => {
    const texts = findTexts('x.ts', SOURCE, 'x', builders);
    expect(texts.map((t) => t.values.en)).toEqual(["'one'", "() => 'two'", "'b'"]);
    expect(texts.map((t) => t.key)).toEqual(['x0', 'x1', 'x2']);
  });

  it('keeps every line where it was', () => {
    const texts = findTexts('x.ts', SOURCE, 'x', builders);
    expect(mainModule(SOURCE, texts, '/texts.ts').split('\n')).toHaveLength(SOURCE.split('\n').length);
    expect(languageModule(SOURCE, texts, 'bo', new Set(['x0'])).split('\n')[5]).toBe("  return { 'zh-CN': '里', bo: 'ནང', en: 'in' }[lang];");
  });
});

const readFileText = (path: string) => readFileSync(path, 'utf8');
