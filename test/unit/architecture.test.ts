/**
 * The shape of the house, read from the source (TypeScript's own pre-parser, every kind of
 * import: values, types, re-exports, `import()`):
 * - no import cycle among the files of `shared/`, `web/src/`, `functions/` and `infra/`;
 * - a general folder (the web's `ui/`, `api/`, `i18n/`, `print/`; the server's `domain/`,
 *   `i18n/`, `store/`, `http/`) never imports a page folder nor the page table;
 * - the web's pages live in a folder per job (`web/src/pages/<job>/`), named after what is done,
 *   not after a role, and a job's folder never imports another job's;
 * - `shared/` never imports the functions, the infrastructure or the web.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, normalize } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '..', '..');
const ROOTS = ['shared', 'web/src', 'functions', 'infra'];
const GENERAL = ['web/src/ui/', 'web/src/api/', 'web/src/i18n/', 'web/src/print/', 'shared/domain/', 'shared/i18n/', 'shared/store/', 'shared/http/'];
const PAGES = 'web/src/pages/';
const PAGE_TABLE = 'web/src/pages.tsx';
/** Folder names that are roles, not jobs (the field officer's work is the `field` job). */
const ROLE_FOLDERS = ['committee', 'district', 'township', 'admin'];

function sourceFiles(dir: string): string[] {
  return readdirSync(join(ROOT, dir)).flatMap((name) => {
    const path = `${dir}/${name}`;
    if (name === 'node_modules' || name === 'dist') return [];
    return statSync(join(ROOT, path)).isDirectory() ? sourceFiles(path) : /\.tsx?$/.test(name) && !name.endsWith('.d.ts') ? [path] : [];
  });
}

/** A specifier as a file of the project (relative or `#shared/…`), or undefined (a package, a style sheet). */
function resolve(from: string, spec: string): string | undefined {
  const path = spec.startsWith('#shared/') ? `shared/${spec.slice('#shared/'.length)}` : spec.startsWith('.') ? normalize(join(dirname(from), spec)) : undefined;
  if (!path) return undefined;
  return [path, `${path}.ts`, `${path}.tsx`, `${path}/index.ts`, `${path}/index.tsx`].find((p) => /\.tsx?$/.test(p) && existsSync(join(ROOT, p)));
}

/** Each file's imports, as files of the project. */
function importGraph(roots = ROOTS): Map<string, string[]> {
  const graph = new Map<string, string[]>();
  for (const file of roots.flatMap(sourceFiles)) {
    const { importedFiles } = ts.preProcessFile(readFileSync(join(ROOT, file), 'utf8'), true, true);
    graph.set(file, [...new Set(importedFiles.map((i) => resolve(file, i.fileName)).filter((p): p is string => !!p))]);
  }
  return graph;
}

/** The cycles of a graph: its strongly connected components of more than one file (or a file importing itself), Tarjan's way. */
function cycles(graph: Map<string, string[]>): string[][] {
  let counter = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const found: string[][] = [];
  const visit = (v: string) => {
    index.set(v, counter);
    low.set(v, counter++);
    stack.push(v);
    onStack.add(v);
    for (const w of graph.get(v) ?? []) {
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, index.get(w)!));
    }
    if (low.get(v) === index.get(v)) {
      const component: string[] = [];
      let w: string;
      do {
        w = stack.pop()!;
        onStack.delete(w);
        component.push(w);
      } while (w !== v);
      if (component.length > 1 || graph.get(v)?.includes(v)) found.push(component.sort());
    }
  };
  for (const v of graph.keys()) if (!index.has(v)) visit(v);
  return found;
}

/** The job folder of a page file (`web/src/pages/loans/LoanPage.tsx` → `loans`), undefined outside the page folders. */
const jobOf = (file: string) => (file.startsWith(PAGES) ? file.slice(PAGES.length).split('/')[0] : undefined);

/** Imports that break a folder rule, as `file → imported file (why)`. */
function folderViolations(graph: Map<string, string[]>): string[] {
  const wrong: string[] = [];
  for (const [file, imports] of graph) {
    for (const target of imports) {
      if (GENERAL.some((g) => file.startsWith(g)) && (target.startsWith(PAGES) || target === PAGE_TABLE)) wrong.push(`${file} → ${target} (a general folder imports a page)`);
      const [from, to] = [jobOf(file), jobOf(target)];
      if (from && to && from !== to) wrong.push(`${file} → ${target} (the ${from} job imports the ${to} job)`);
      if (file.startsWith('shared/') && !target.startsWith('shared/')) wrong.push(`${file} → ${target} (shared/ imports outside shared/)`);
    }
  }
  return wrong;
}

describe('the import graph', () => {
  const graph = importGraph();

  it('is read from the source: the pages, the page table and the route table are in it, with their imports', () => {
    expect(graph.get('web/src/app.tsx')).toContain(PAGE_TABLE);
    expect(graph.get('functions/loans/handler.ts')?.some((f) => f.startsWith('shared/usecases/'))).toBe(true);
    expect([...graph.keys()].filter((f) => f.startsWith(PAGES)).length).toBeGreaterThan(30);
    // a lazy page (import()) is an edge like any other
    expect(graph.get(PAGE_TABLE)?.filter((f) => f.startsWith(PAGES)).length).toBeGreaterThan(10);
  });

  it('finds a cycle when there is one, and names its files', () => {
    const sample = new Map([
      ['a.ts', ['b.ts']],
      ['b.ts', ['c.ts']],
      ['c.ts', ['a.ts', 'd.ts']],
      ['d.ts', []],
      ['e.ts', ['e.ts']],
    ]);
    expect(cycles(sample)).toEqual([['a.ts', 'b.ts', 'c.ts'], ['e.ts']]);
  });

  it('has no cycle among the files of shared/, web/src/, functions/ and infra/', () => {
    expect(cycles(graph).map((c) => c.join(' ↔ '))).toEqual([]);
  });

  it('keeps the folder rules: general folders import no page, no job imports another job, shared/ imports only shared/', () => {
    expect(folderViolations(graph)).toEqual([]);
  });

  it('sorts the pages by job, not by role', () => {
    const folders = [...new Set([...graph.keys()].map(jobOf).filter((j): j is string => !!j))];
    expect(folders.filter((f) => ROLE_FOLDERS.includes(f))).toEqual([]);
    // every page sits in a job's folder, none loose in pages/
    expect([...graph.keys()].filter((f) => f.startsWith(PAGES) && !f.slice(PAGES.length).includes('/'))).toEqual([]);
  });

  it('notices a job importing another and a general folder importing a page', () => {
    const sample = new Map([
      ['web/src/pages/loans/LoanPage.tsx', ['web/src/pages/applications/parts.tsx', 'web/src/ui/form.tsx']],
      ['web/src/ui/form.tsx', ['web/src/pages/loans/LoanPage.tsx']],
    ]);
    expect(folderViolations(sample)).toEqual([
      'web/src/pages/loans/LoanPage.tsx → web/src/pages/applications/parts.tsx (the loans job imports the applications job)',
      'web/src/ui/form.tsx → web/src/pages/loans/LoanPage.tsx (a general folder imports a page)',
    ]);
  });
});
