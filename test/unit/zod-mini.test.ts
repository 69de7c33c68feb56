/**
 * Code that is bundled (a Lambda function, the web app) uses zod/mini only: zod's classic
 * method API (`z.string().min(1)`) cannot be tree-shaken and put ~95 KB of zod in every
 * function and ~60 KB in the web's first form. Tests, benchmarks and scripts may still build
 * classic schemas for themselves. (`test/infra/bundles.test.ts` checks the built functions.)
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '..', '..');
const BUNDLED = ['shared', 'functions', 'web/src'];

function sourceFiles(dir: string): string[] {
  return readdirSync(join(ROOT, dir)).flatMap((name) => {
    const path = `${dir}/${name}`;
    if (name === 'node_modules' || name === 'dist') return [];
    return statSync(join(ROOT, path)).isDirectory() ? sourceFiles(path) : /\.tsx?$/.test(name) && !name.endsWith('.d.ts') ? [path] : [];
  });
}

/** The zod entry points a file imports (values, types and `import()` alike). */
function zodImports(file: string): string[] {
  const { importedFiles } = ts.preProcessFile(readFileSync(join(ROOT, file), 'utf8'), true, true);
  return importedFiles.map((f) => f.fileName).filter((name) => name === 'zod' || name.startsWith('zod/'));
}

describe('zod in bundled code', () => {
  const files = BUNDLED.flatMap(sourceFiles);

  it('finds the schemas (the check reads real files)', () => {
    expect(files.filter((f) => zodImports(f).includes('zod/mini')).length).toBeGreaterThan(20);
  });

  it('imports zod/mini (or zod/locales for its English messages), never zod classic', () => {
    const classic = files.flatMap((f) =>
      zodImports(f)
        .filter((name) => name !== 'zod/mini' && name !== 'zod/locales')
        .map((name) => `${f}: '${name}'`),
    );
    expect(classic, "use import * as z from 'zod/mini' (z.optional(s), s.check(z.minLength(1)), withMeta(s, {...}) from shared/domain/meta.ts)").toEqual([]);
  });
});
