/**
 * Screenshots of the printed documents (bilingual Tibetan–Chinese), rendered from the sample
 * records of the unit tests with the print style sheet, in Chromium:
 *   npx tsx scripts/print-screenshots.ts            → docs/screenshots/print-<name>-{desktop,phone}.png
 *   npx tsx scripts/print-screenshots.ts --pdf      → also test-results/print/<name>.pdf (A4, as printed)
 * Needs a Tibetan font for Tibetan text (Debian: fonts-noto-core, fonts-tibetan-machine) and a CJK one (fonts-wqy-microhei).
 */
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { launchBrowser } from '../test/e2e/support/find-browser.ts';
import { render } from '../test/unit/print-samples.ts';

const ROOT = join(import.meta.dirname, '..');
const OUT = join(ROOT, 'docs', 'screenshots');
const PDF_OUT = join(ROOT, 'test-results', 'print');
const css = readFileSync(join(ROOT, 'web', 'src', 'print', 'print.css'), 'utf8');

const documents = {
  notice: render.notice(),
  agreement: render.agreement(),
  receipt: render.receipt(),
  card: render.card(),
  collection: render.collection(),
};

const page = (body: string) =>
  `<!doctype html><html lang="bo"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><style>body{margin:0;padding:16px 0;background:#e9e9e9}${css}</style></head><body>${body}</body></html>`;

const pdf = process.argv.includes('--pdf');
mkdirSync(OUT, { recursive: true });
if (pdf) mkdirSync(PDF_OUT, { recursive: true });
const { browser } = await launchBrowser();
try {
  for (const [name, body] of Object.entries(documents)) {
    for (const [device, viewport] of [
      ['desktop', { width: name === 'collection' ? 1180 : 860, height: 1100 }],
      ['phone', { width: 390, height: 844 }],
    ] as const) {
      const context = await browser.newContext({ viewport, deviceScaleFactor: device === 'phone' ? 2 : 1 });
      const p = await context.newPage();
      await p.setContent(page(body), { waitUntil: 'load' });
      await p.evaluate(() => document.fonts.ready);
      await p.screenshot({ path: join(OUT, `print-${name}-${device}.png`), fullPage: true });
      if (pdf && device === 'desktop') await p.pdf({ path: join(PDF_OUT, `${name}.pdf`), preferCSSPageSize: true, printBackground: true });
      await context.close();
    }
    console.log(`print-${name}: desktop and phone`);
  }
} finally {
  await browser.close();
}
