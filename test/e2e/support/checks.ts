/**
 * Checks every page walk makes: axe-core's accessibility rules (serious and critical
 * violations fail), and no Latin-script word on a Chinese screen outside ids, numbers and
 * the proper names listed here.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';

const require = createRequire(import.meta.url);
const AXE_SOURCE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[] }[];
}

/** axe-core run inside the page; the serious and critical violations, as "rule: help (selectors)". */
export async function seriousAxeViolations(page: Page): Promise<string[]> {
  // once per document (a page walk moves by the address's hash: the same document, axe already in it)
  if (!(await page.evaluate(() => typeof (window as unknown as { axe?: { run?: unknown } }).axe?.run === 'function'))) await page.evaluate(AXE_SOURCE);
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (ctx: Document, opts: object) => Promise<{ violations: AxeViolation[] }> } }).axe;
    // with the rule that an accessible name contains the visible label (off by default in axe)
    const result = await axe.run(document, { resultTypes: ['violations'], rules: { 'label-content-name-mismatch': { enabled: true } } });
    return result.violations;
  });
  return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
}

/** Words in Latin script a Chinese screen may show: proper names and units. */
export const ALLOWED_LATIN = new Set(['PAR30', 'PAR', 'CSV', 'Excel', 'ID', 'English']);

/**
 * Latin-script words in the visible text of the page, outside record ids (16 to 32 capitals and digits: ULIDs, batch ids;
 * dotted office ids), numbers, and the allowed names. Skipped by selector: texts the server
 * still writes in English (history summaries, until the API renders history structured) and
 * the demo users' names with their office ids (dev/tokens.ts data, e.g. "达瓦 (field staff)"), and
 * people named on records (`.person`: user names until records carry display names), and sign-in
 * names on the staff page (`.username`: identifiers a person types, like record ids), and the
 * numbers of paper receipts (`.receipt-no`: printed on the township's receipt books, "SJ101").
 */
export async function latinWords(page: Page, skip: string[] = ['.who', 'button.user', '.person', '.username', '.receipt-no']): Promise<string[]> {
  const text = await page.evaluate((skipSelectors) => {
    const clone = document.body.cloneNode(true) as HTMLElement;
    for (const sel of skipSelectors)
      clone.querySelectorAll(sel).forEach((el) => {
        el.remove();
      });
    clone.querySelectorAll('[lang="en"], [lang="bo"], script, style').forEach((el) => {
      el.remove();
    });
    // a detached copy has no layout: its text is every text node, hidden ones included (stricter)
    return clone.textContent ?? '';
  }, skip);
  // resident ID numbers (whole or masked) may end in the check character X; a masked one is
  // matched by its shape (4 digits, 10 stars) and a whole one by its end, so digits just before it
  // (a name like 拉姆1234) do not shift the match and leave the X behind as a 'word'
  const words = text.replace(/[0-9]{4}\*{10}[0-9]{3}[0-9X]|[0-9]{17}[0-9X](?![0-9X])/g, ' ').match(/[A-Za-z][A-Za-z0-9._-]*/g) ?? [];
  return [...new Set(words.filter((w) => !ALLOWED_LATIN.has(w) && !/^(?=[0-9A-Z]*[0-9])[0-9A-Z]{16,32}$/.test(w) && !/^[a-z0-9-]+(\.[a-z0-9-]+)+$/.test(w)))];
}
