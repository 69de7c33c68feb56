/**
 * A function's bundle as the stack ships it: `index.mjs` built with the stack's esbuild
 * settings (`BUNDLING`), its message catalogues split by language (infra/text-split.ts) into
 * `i18n-zh-CN.cjs`, `i18n-bo.cjs` and `i18n-en.cjs` beside it, and the files it serves that
 * were built with it (`SERVED_FILES`: meta's OpenAPI document). CDK's NodejsFunction runs
 * `infra/build-function.ts` after its own esbuild step (a command hook), which writes these
 * files over its output; `test/infra/bundles.test.ts` and the benchmark build the same way.
 * The route tables come without their answers' schemas (`infra/route-answers.ts`).
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { type BuildOptions, build, type Metafile, type OutputFile, type Plugin } from 'esbuild';
import { BUNDLING, LAYERED_MODULES } from './constructs/lambda-function.ts';
import { ANSWERS_DESCRIBED_BY, routeTablesWithoutAnswers } from './route-answers.ts';
import { openApiFile } from './openapi-file.ts';
import { exportedBuilders, type FoundText, findTexts, importedBuilders, keysIn, languageModule, mainModule, TEXT_LANGS, type TextLang, tagsOf } from './text-split.ts';

const ROOT = resolve(import.meta.dirname, '..');
const I18N = join(ROOT, 'shared', 'i18n');
const RUNTIME = join(I18N, 'texts.ts');
const SPLITTER = join(ROOT, 'infra', 'text-split.ts');
const CACHE = join(ROOT, 'node_modules', '.cache', 'text-split');
/** The modules whose texts are split: the catalogues of shared/i18n. */
const CATALOGUE_MODULE = /[\\/]shared[\\/]i18n[\\/][^\\/]+\.ts$/;

export interface FunctionBundle {
  /** every file of the bundle's folder: index.mjs, index.mjs.map, index.meta.json and the language files */
  files: OutputFile[];
  /** bytes of index.mjs */
  indexBytes: number;
  /** bytes of each language file (none when the function reads no catalogue text) */
  languageBytes: Partial<Record<TextLang, number>>;
  /** esbuild's metafile of index.mjs */
  metafile: Metafile;
  /** esbuild's metafile of each language file (what each module adds to it) */
  languageMetafiles: Partial<Record<TextLang, Metafile>>;
  /** bytes of each file built for the function to serve (`SERVED_FILES`), by file name; a request reads one of them at most */
  servedBytes: Record<string, number>;
}

/**
 * Files a function serves that are the same for a deployment, built with its bundle and
 * written beside index.mjs: `meta` serves the OpenAPI document from `openapi.json.br`
 * (shared/http/openapi-file.ts). Every bundle is built with `process.env.OPENAPI_PREBUILT`
 * set to `"true"`, which leaves the document's generator out of meta's.
 */
const SERVED_FILES: Record<string, (outdir: string) => Promise<OutputFile[]>> = {
  meta: openApiFile,
};

/** What a cold start of the function may load: index.mjs, the texts of one language (the largest file) and one served file (the largest). */
export function coldStartBytes(bundle: Pick<FunctionBundle, 'indexBytes' | 'languageBytes' | 'servedBytes'>): number {
  return bundle.indexBytes + Math.max(0, ...Object.values(bundle.languageBytes)) + Math.max(0, ...Object.values(bundle.servedBytes));
}

/**
 * The texts of each catalogue module. Finding them needs the TypeScript parser (a second of
 * work per process, and CDK runs one process per function), so what was found is kept in
 * `node_modules/.cache/text-split/`, under a hash of the folder's sources and of the splitter.
 */
class Catalogues {
  private readonly tags = tagsOf(I18N);
  private found?: Map<string, FoundText[]>;

  private all(): Map<string, FoundText[]> {
    if (this.found) return this.found;
    const files = [...this.tags.keys()].filter((p) => p !== RUNTIME);
    const hash = createHash('sha256');
    for (const p of [SPLITTER, ...files]) hash.update(`${p}\0${readFileSync(p, 'utf8')}\0`);
    const cache = join(CACHE, `${hash.digest('hex').slice(0, 32)}.json`);
    if (existsSync(cache)) {
      this.found = new Map(Object.entries(JSON.parse(readFileSync(cache, 'utf8')) as Record<string, FoundText[]>));
      return this.found;
    }
    const builders = new Map<string, ReturnType<typeof exportedBuilders>>();
    const exportsOf = (sibling: string) => {
      const path = join(I18N, sibling);
      if (!builders.has(sibling)) builders.set(sibling, existsSync(path) ? exportedBuilders(path, readFileSync(path, 'utf8')) : new Map());
      return builders.get(sibling)!;
    };
    this.found = new Map(
      files.map((path) => {
        const source = readFileSync(path, 'utf8');
        return [path, findTexts(path, source, this.tags.get(path)!, importedBuilders(path, source, exportsOf))];
      }),
    );
    mkdirSync(CACHE, { recursive: true });
    writeFileSync(cache, JSON.stringify(Object.fromEntries(this.found)));
    return this.found;
  }

  of(path: string): { source: string; texts: FoundText[] } {
    return { source: readFileSync(path, 'utf8'), texts: this.all().get(path) ?? [] };
  }

  /** every key of the catalogues */
  keys(): Set<string> {
    return new Set([...this.all().values()].flatMap((texts) => texts.map((t) => t.key)));
  }
}

function mainPlugin(catalogues: Catalogues): Plugin {
  return {
    name: 'texts-by-key',
    setup(b) {
      b.onLoad({ filter: CATALOGUE_MODULE }, ({ path }) => {
        const { source, texts } = catalogues.of(path);
        return { contents: mainModule(source, texts, RUNTIME), loader: 'ts', resolveDir: I18N };
      });
    },
  };
}

const ENTRY = 'language-entry';

function languagePlugin(catalogues: Catalogues, lang: TextLang, kept: ReadonlySet<string>, modules: readonly string[]): Plugin {
  return {
    name: `texts-of-${lang}`,
    setup(b) {
      b.onResolve({ filter: new RegExp(`^${ENTRY}$`) }, () => ({ path: ENTRY, namespace: ENTRY }));
      b.onLoad({ filter: /.*/, namespace: ENTRY }, () => ({
        contents: `${modules.map((m, i) => `import { __texts as t${i} } from ${JSON.stringify(m)};`).join('\n')}\nexport default Object.assign({}, ${modules.map((_, i) => `t${i}`).join(', ')});\n`,
        loader: 'js',
        resolveDir: I18N,
      }));
      b.onLoad({ filter: CATALOGUE_MODULE }, ({ path }) => {
        const { source, texts } = catalogues.of(path);
        return { contents: languageModule(source, texts, lang, kept), loader: 'ts', resolveDir: I18N };
      });
    },
  };
}

/** Builds functions/<name> into `outdir` (written there when `write`). */
export async function buildFunctionBundle(name: string, outdir: string, { write = false } = {}): Promise<FunctionBundle> {
  const bundle = await buildSplitBundle(join(ROOT, 'functions', name, 'handler.ts'), outdir, { external: LAYERED_MODULES[name] ?? [] });
  const served = (await SERVED_FILES[name]?.(outdir)) ?? [];
  bundle.files.push(...served);
  for (const f of served) bundle.servedBytes[basename(f.path)] = f.contents.byteLength;
  if (write) writeFiles(outdir, bundle.files);
  return bundle;
}

/** Builds the module `entry` as a function's `index.mjs` with its texts split by language (`external`: modules left to the runtime besides the SDK). */
export async function buildSplitBundle(entry: string, outdir: string, { write = false, external = [] as readonly string[] } = {}): Promise<FunctionBundle> {
  const catalogues = new Catalogues();
  const common = {
    bundle: true,
    platform: 'node',
    target: BUNDLING.target,
    minify: BUNDLING.minify,
    charset: BUNDLING.charset,
    external: [...BUNDLING.externalModules, ...external],
    define: { 'process.env.OPENAPI_PREBUILT': '"true"' },
    logLevel: 'silent',
    write: false,
    absWorkingDir: ROOT,
  } satisfies BuildOptions;
  const buildMain = (withAnswers: boolean) =>
    build({
      ...common,
      entryPoints: [entry],
      outfile: join(outdir, 'index.mjs'),
      format: BUNDLING.format,
      sourcemap: BUNDLING.sourceMap,
      metafile: true,
      banner: { js: BUNDLING.banner },
      plugins: withAnswers ? [mainPlugin(catalogues)] : [mainPlugin(catalogues), routeTablesWithoutAnswers()],
    });
  // the routes' answer schemas are left out (infra/route-answers.ts) unless the function describes them (OpenAPI)
  let main = await buildMain(false);
  if (Object.hasOwn(main.metafile.inputs, ANSWERS_DESCRIBED_BY)) main = await buildMain(true);
  const index = main.outputFiles.find((f) => f.path.endsWith('.mjs'))!;
  const kept = keysIn(index.text, catalogues.keys());
  const inOutput = Object.values(main.metafile.outputs).find((o) => o.entryPoint)!.inputs;
  const modules = Object.keys(inOutput)
    .map((p) => resolve(ROOT, p))
    .filter((p) => CATALOGUE_MODULE.test(p) && catalogues.of(p).texts.some((t) => kept.has(t.key)));
  const files: OutputFile[] = [...main.outputFiles, textFile(join(outdir, 'index.meta.json'), JSON.stringify(main.metafile))];
  const languageBytes: Partial<Record<TextLang, number>> = {};
  const languageMetafiles: Partial<Record<TextLang, Metafile>> = {};
  if (modules.length) {
    const languages = await Promise.all(
      TEXT_LANGS.map((lang) =>
        build({
          ...common,
          entryPoints: [ENTRY],
          outfile: join(outdir, `i18n-${lang}.cjs`),
          format: 'cjs',
          metafile: true,
          plugins: [languagePlugin(catalogues, lang, kept, modules)],
        }),
      ),
    );
    for (const [i, lang] of TEXT_LANGS.entries()) {
      const file = languages[i]!.outputFiles[0]!;
      files.push(file);
      languageBytes[lang] = file.contents.byteLength;
      languageMetafiles[lang] = languages[i]!.metafile;
    }
  }
  if (write) writeFiles(outdir, files);
  return { files, indexBytes: index.contents.byteLength, languageBytes, metafile: main.metafile, languageMetafiles, servedBytes: {} };
}

function writeFiles(outdir: string, files: readonly OutputFile[]): void {
  mkdirSync(outdir, { recursive: true });
  for (const f of files) writeFileSync(f.path, f.contents);
}

function textFile(path: string, text: string): OutputFile {
  const contents = new TextEncoder().encode(text);
  return { path, contents, text, hash: '' };
}
