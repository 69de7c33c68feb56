/**
 * The message catalogues split by language for the Lambda bundles (docs/performance.md,
 * "Texts per language"). Every text of `shared/i18n/` is written with its three languages
 * side by side: an object `{ 'zh-CN': …, bo: …, en: … }` or a call of a helper such as
 * `W('…', '…', '…')` that builds one. Run from the sources (dev server, tests), nothing
 * changes. In a function's bundle:
 * - `index.mjs` holds, in place of each such text, a key (`text('h17')`, shared/i18n/texts.ts)
 *   whose language is looked up when it is read;
 * - `i18n-<lang>.cjs` holds the texts of one language under their keys, with the helpers
 *   they call; the first read in a language loads its file (the other two are never parsed).
 *
 * Only texts evaluated in the module's own scope as it loads are split (one written inside a
 * function or a block is left whole: its value may need their variables), and only when the text of one
 * language names no other language (`'en'`, `.bo`, `['zh-CN']`): a language file holds one
 * language only.
 */
import { readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { basename, join } from 'node:path';
import type ts from 'typescript';

/** The TypeScript parser, loaded on first use (a build whose texts are all cached never loads it). */
let parser: typeof ts | undefined;
const TS = (): typeof ts => {
  parser ??= createRequire(import.meta.url)('typescript') as typeof ts;
  return parser;
};

export const TEXT_LANGS = ['zh-CN', 'bo', 'en'] as const;
export type TextLang = (typeof TEXT_LANGS)[number];

/** A text found in a module: its key, where it is, and the source of each language's value. */
export interface FoundText {
  key: string;
  start: number;
  end: number;
  values: Record<TextLang, string>;
}

const isLang = (s: string): s is TextLang => (TEXT_LANGS as readonly string[]).includes(s);

function nameOf(name: ts.PropertyName): string | undefined {
  if (TS().isIdentifier(name) || TS().isStringLiteral(name)) return name.text;
  return undefined;
}

/** `{ 'zh-CN': a, bo: b, en: c }` with exactly those three properties: the node of each language's value. */
function tripleOf(node: ts.ObjectLiteralExpression): Record<TextLang, ts.Node> | undefined {
  if (node.properties.length !== TEXT_LANGS.length) return undefined;
  const values: Partial<Record<TextLang, ts.Node>> = {};
  for (const p of node.properties) {
    const name = TS().isPropertyAssignment(p) || TS().isShorthandPropertyAssignment(p) ? nameOf(p.name) : undefined;
    if (!name || !isLang(name) || values[name]) return undefined;
    values[name] = TS().isPropertyAssignment(p) ? p.initializer : p.name;
  }
  return values as Record<TextLang, ts.Node>;
}

/** `const W = (zh, bo, en) => ({ 'zh-CN': zh, bo, en })`: which parameter holds each language. */
function builderOf(init: ts.Expression | undefined): Record<TextLang, number> | undefined {
  if (!init || !TS().isArrowFunction(init)) return undefined;
  let body: ts.Node = init.body;
  while (TS().isParenthesizedExpression(body as ts.Expression)) body = (body as ts.ParenthesizedExpression).expression;
  if (!TS().isObjectLiteralExpression(body)) return undefined;
  const triple = tripleOf(body);
  if (!triple) return undefined;
  const params = init.parameters.map((p) => (TS().isIdentifier(p.name) && !p.dotDotDotToken ? p.name.text : ''));
  const order: Partial<Record<TextLang, number>> = {};
  for (const lang of TEXT_LANGS) {
    const v = triple[lang];
    const i = TS().isIdentifier(v) ? params.indexOf(v.text) : -1;
    if (i < 0) return undefined;
    order[lang] = i;
  }
  return order as Record<TextLang, number>;
}

/** The text builders a module declares at its top level, by name. */
function buildersDeclaredIn(file: ts.SourceFile): Map<string, Record<TextLang, number>> {
  const found = new Map<string, Record<TextLang, number>>();
  for (const st of file.statements) {
    if (!TS().isVariableStatement(st)) continue;
    for (const d of st.declarationList.declarations) {
      const order = TS().isIdentifier(d.name) ? builderOf(d.initializer) : undefined;
      if (order && TS().isIdentifier(d.name)) found.set(d.name.text, order);
    }
  }
  return found;
}

/** Nodes whose inside is not evaluated once as the module loads (or not in the module's own scope). */
let notModuleScope: Set<ts.SyntaxKind> | undefined;
const NOT_MODULE_SCOPE = () => {
  const k = TS().SyntaxKind;
  notModuleScope ??= new Set([
    k.Block,
    k.IfStatement,
    k.ForStatement,
    k.ForOfStatement,
    k.ForInStatement,
    k.WhileStatement,
    k.DoStatement,
    k.SwitchStatement,
    k.TryStatement,
    k.ArrowFunction,
    k.FunctionExpression,
    k.FunctionDeclaration,
    k.MethodDeclaration,
    k.GetAccessor,
    k.SetAccessor,
    k.Constructor,
    k.ClassDeclaration,
    k.ClassExpression,
  ]);
  return notModuleScope;
};

/** Whether the value of language `lang` names another language (then the text stays whole). */
function namesOtherLanguage(node: ts.Node, lang: TextLang): boolean {
  let found = false;
  const other = (s: string) => isLang(s) && s !== lang;
  const visit = (n: ts.Node): void => {
    if (found) return;
    if ((TS().isStringLiteral(n) || TS().isNoSubstitutionTemplateLiteral(n)) && other(n.text)) found = true;
    else if (TS().isPropertyAccessExpression(n) && other(n.name.text)) found = true;
    else n.forEachChild(visit);
  };
  visit(node);
  return found;
}

/**
 * The texts of a module that can be split, in source order, keyed `<tag><n>`. `importedBuilders`
 * are the builders of other modules (`W` of catalogue.ts) as this module names them.
 */
export function findTexts(path: string, source: string, tag: string, importedBuilders: ReadonlyMap<string, Record<TextLang, number>> = new Map()): FoundText[] {
  const file = TS().createSourceFile(path, source, TS().ScriptTarget.Latest, true, TS().ScriptKind.TS);
  const builders = new Map([...importedBuilders, ...buildersDeclaredIn(file)]);
  const texts: FoundText[] = [];
  const add = (node: ts.Node, values: Record<TextLang, ts.Node>) => {
    if (TEXT_LANGS.some((lang) => namesOtherLanguage(values[lang], lang))) return false;
    const text = (n: ts.Node) => source.slice(n.getStart(file), n.end);
    texts.push({ key: `${tag}${texts.length}`, start: node.getStart(file), end: node.end, values: { 'zh-CN': text(values['zh-CN']), bo: text(values.bo), en: text(values.en) } });
    return true;
  };
  const visit = (node: ts.Node): void => {
    if (NOT_MODULE_SCOPE().has(node.kind)) return;
    if (TS().isObjectLiteralExpression(node)) {
      const triple = tripleOf(node);
      if (triple && add(node, triple)) return;
    } else if (TS().isCallExpression(node) && TS().isIdentifier(node.expression) && builders.has(node.expression.text)) {
      const order = builders.get(node.expression.text)!;
      const args = node.arguments;
      if (args.length === 3 && !args.some(TS().isSpreadElement) && add(node, { 'zh-CN': args[order['zh-CN']]!, bo: args[order.bo]!, en: args[order.en]! })) return;
    }
    node.forEachChild(visit);
  };
  file.forEachChild(visit);
  return texts;
}

/** The builders a module exports (by their exported name), for the modules importing them. */
export function exportedBuilders(path: string, source: string): Map<string, Record<TextLang, number>> {
  const file = TS().createSourceFile(path, source, TS().ScriptTarget.Latest, true, TS().ScriptKind.TS);
  const exported = new Map<string, Record<TextLang, number>>();
  for (const st of file.statements) {
    if (!TS().isVariableStatement(st) || !st.modifiers?.some((m) => m.kind === TS().SyntaxKind.ExportKeyword)) continue;
    for (const d of st.declarationList.declarations) {
      const order = TS().isIdentifier(d.name) ? builderOf(d.initializer) : undefined;
      if (order && TS().isIdentifier(d.name)) exported.set(d.name.text, order);
    }
  }
  return exported;
}

/** The builders a module imports from its sibling modules: local name → order. */
export function importedBuilders(path: string, source: string, exportsOf: (sibling: string) => ReadonlyMap<string, Record<TextLang, number>>): Map<string, Record<TextLang, number>> {
  const file = TS().createSourceFile(path, source, TS().ScriptTarget.Latest, true, TS().ScriptKind.TS);
  const found = new Map<string, Record<TextLang, number>>();
  for (const st of file.statements) {
    if (!TS().isImportDeclaration(st) || !TS().isStringLiteral(st.moduleSpecifier) || !st.moduleSpecifier.text.startsWith('./')) continue;
    const named = st.importClause?.namedBindings;
    if (!named || !TS().isNamedImports(named) || st.importClause?.isTypeOnly) continue;
    const exports = exportsOf(basename(st.moduleSpecifier.text));
    for (const el of named.elements) {
      const order = exports.get((el.propertyName ?? el.name).text);
      if (order && !el.isTypeOnly) found.set(el.name.text, order);
    }
  }
  return found;
}

/** Keeps the line count of a replaced range, so that stack traces and source maps still point at the right line. */
const sameLines = (replaced: string) => '\n'.repeat(replaced.split('\n').length - 1);

function splice(source: string, texts: readonly FoundText[], replace: (t: FoundText) => string): string {
  let out = '';
  let at = 0;
  for (const t of texts) {
    out += source.slice(at, t.start) + replace(t) + sameLines(source.slice(t.start, t.end));
    at = t.end;
  }
  return out + source.slice(at);
}

/**
 * A module as `index.mjs` bundles it: each text replaced by its key (`runtime` is the
 * absolute path of shared/i18n/texts.ts). The import goes on the first line, so no line moves.
 */
export function mainModule(source: string, texts: readonly FoundText[], runtime: string): string {
  if (!texts.length) return source;
  return `import { text as __text } from ${JSON.stringify(runtime)}; ${splice(source, texts, (t) => `/* @__PURE__ */ __text(${JSON.stringify(t.key)})`)}`;
}

/**
 * A module as the language file of `lang` bundles it: each text becomes that language's value
 * alone (`{ "bo": … }`, which the module's own code may read; esbuild drops it when none does);
 * each text `index.mjs` kept (`kept`) is also put in the module's `__texts` under its key, in
 * place, as the module loads (the language file exports them all).
 */
export function languageModule(source: string, texts: readonly FoundText[], lang: TextLang, kept: ReadonlySet<string>): string {
  const L = JSON.stringify(lang);
  const prologue = `const __texts = {}; const __put = (k, v) => { __texts[k] = v; return { ${L}: v }; }; `;
  const body = splice(source, texts, (t) => (kept.has(t.key) ? `__put(${JSON.stringify(t.key)}, ${t.values[lang]})` : `{ ${L}: ${t.values[lang]} }`));
  return `${prologue}${body}\nexport { __texts };\n`;
}

/** Keys of texts that a built `index.mjs` still holds (esbuild drops the texts no code of the function reads). */
export function keysIn(code: string, known: ReadonlySet<string>): Set<string> {
  const found = new Set<string>();
  for (const m of code.matchAll(/["'`]([A-Za-z]+\d+)["'`]/g)) if (known.has(m[1]!)) found.add(m[1]!);
  return found;
}

/** A short tag per module of the folder (a, b, …, z, ba, …), the same for every build of one run. */
export function tagsOf(dir: string): Map<string, string> {
  const tags = new Map<string, string>();
  const files = readdirSync(dir)
    .filter((f) => f.endsWith('.ts'))
    .sort();
  for (const [i, f] of files.entries()) {
    let n = i;
    let tag = '';
    do {
      tag = String.fromCharCode(97 + (n % 26)) + tag;
      n = Math.floor(n / 26);
    } while (n > 0);
    tags.set(join(dir, f), tag);
  }
  return tags;
}
