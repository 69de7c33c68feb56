/**
 * The donor report and the printed documents never style each other: printed after another
 * document in the same tab (their style sheets stay loaded), print.css's `.pr-sub` and
 * `.pr-figures` also styled the report's elements of the same names, and the report then printed on
 * other pages than it was measured on. The report's elements carry classes of their own (`dr-`).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const WEB = resolve(import.meta.dirname, '..', '..', 'web', 'src');
const REPORT = join(WEB, 'pages', 'public-report');
const PRINT_CSS = [
  ...readdirSync(join(WEB, 'print'))
    .filter((f) => f.endsWith('.css'))
    .map((f) => join(WEB, 'print', f)),
  join(WEB, 'pages', 'evaluation-reports', 'evaluation-report-print.css'),
];
const PRINT_TSX = readdirSync(join(WEB, 'print'))
  .filter((f) => f.endsWith('.tsx'))
  .map((f) => join(WEB, 'print', f));
/** The app's classes the report shares with every page (styled in styles.css; its own rules for them are scoped to `.dr-report`). */
const APP_CLASSES = new Set(['num', 'muted', 'table-wrap', 'no-print']);

/** The selectors of a style sheet (at-rule preludes left out), one per comma-separated part. */
function selectors(file: string): string[] {
  const css = readFileSync(file, 'utf8').replace(/\/\*[\s\S]*?\*\//g, '');
  return [...css.matchAll(/([^{};]+)\{/g)]
    .map((m) => m[1]!.trim())
    .filter((s) => !s.startsWith('@'))
    .flatMap((s) => s.split(',').map((p) => p.trim()));
}
const classesIn = (text: string) => [...text.matchAll(/\.(-?[_a-zA-Z][\w-]*)/g)].map((m) => m[1]!);
/** The class names a component's elements carry (`className="a b"`). */
const classNamesOf = (file: string) => [...readFileSync(file, 'utf8').matchAll(/className="([^"]+)"/g)].flatMap((m) => m[1]!.split(/\s+/));

describe('the donor report and the printed documents', () => {
  const reportClasses = new Set(classNamesOf(join(REPORT, 'ReportView.tsx')));
  const printCssClasses = new Set(PRINT_CSS.flatMap((f) => selectors(f).flatMap(classesIn)));

  it('the report’s elements carry classes of their own (dr-), besides the app’s shared ones', () => {
    expect(reportClasses.size).toBeGreaterThan(5);
    expect([...reportClasses].filter((c) => !c.startsWith('dr-') && !APP_CLASSES.has(c))).toEqual([]);
  });

  it('no print style sheet names a class of the report', () => {
    expect([...reportClasses].filter((c) => printCssClasses.has(c))).toEqual([]);
  });

  it('the report’s style sheet reaches no printed document: its rules outside the report name none of their classes', () => {
    const outside = selectors(join(REPORT, 'public-report.css'))
      .filter((s) => !s.startsWith('.dr-'))
      .flatMap(classesIn)
      .filter((c) => c !== 'no-print');
    expect(outside.length).toBeGreaterThan(0);
    const documentClasses = new Set([...printCssClasses, ...PRINT_TSX.flatMap(classNamesOf)]);
    expect(outside.filter((c) => documentClasses.has(c))).toEqual([]);
  });
});
