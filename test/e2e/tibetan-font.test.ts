/**
 * The Tibetan web font the app ships is subset to the characters of the UI's words (web/vite.config.ts,
 * `tibetanFont`): it must draw every Tibetan text of the catalogues, and the names people write,
 * exactly as the full Noto Serif Tibetan does — the same stacks (སྐྱིད, དཔྱད, བསྡུར), pixel for pixel.
 * And the language switch's བོད་ཡིག in the Chinese UI is drawn with a Tibetan font, not as boxes.
 * Reads the built app (`npm run build:web` first, as for every browser test).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, resolve } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from './support/find-browser.ts';

const ROOT = resolve(import.meta.dirname, '..', '..');
const ASSETS = join(ROOT, 'web', 'dist', 'assets');
const FULL = join(ROOT, 'node_modules', '@fontsource', 'noto-serif-tibetan', 'files', 'noto-serif-tibetan-tibetan-400-normal.woff2');

/** Every run of Tibetan text in the web's Tibetan catalogue parts. */
function catalogueTexts(): string[] {
  const dir = join(ROOT, 'web', 'src', 'i18n');
  const texts = readdirSync(dir)
    .filter((f) => /^bo(\.[\w-]+)?\.ts$/.test(f))
    .flatMap((f) => [...readFileSync(join(dir, f), 'utf8').matchAll(/[\u0F00-\u0FFF][\u0F00-\u0FFF\s]*/g)].map((m) => m[0].trim()));
  return [...new Set(texts)];
}

/** Names and words people write that the catalogues may not hold. */
const NAMES = ['སྐྱིད།', 'དཔྱད།', 'བསྡུར།', 'ཚེ་རིང་སྒྲོལ་མ།', 'བཀྲ་ཤིས་ལྷ་མོ།', 'པདྨ་རྒྱ་མཚོ།', 'བསོད་ནམས་དབང་ཕྱུག', 'ཡེ་ཤེས་སྒྲོལ་དཀར།', 'ནོར་བུ་རྡོ་རྗེ།'];

let browser: Browser;
beforeAll(async () => {
  ({ browser } = await launchBrowser());
});
afterAll(async () => browser?.close());

describe('the Tibetan font the app ships', () => {
  it('draws the catalogues and common names exactly as the full font does, and is about half its size', async () => {
    const subsetFile = readdirSync(ASSETS).find((f) => f.startsWith('noto-serif-tibetan-ui-') && f.endsWith('.woff2'));
    expect(subsetFile, 'the build writes the subset font').toBeDefined();
    const subset = readFileSync(join(ASSETS, subsetFile!));
    const full = readFileSync(FULL);
    expect(subset.length).toBeLessThan(full.length * 0.6);
    const texts = [...NAMES, ...catalogueTexts()];
    expect(texts.length).toBeGreaterThan(200);
    const page = await browser.newPage({ viewport: { width: 390, height: 800 } });
    const shot = async (font: Buffer) => {
      const face = `@font-face{font-family:T;src:url(data:font/woff2;base64,${font.toString('base64')})}`;
      const body = texts.map((t) => `<p>${t}</p>`).join('');
      await page.setContent(`<style>${face}body{margin:8px;font:20px/1.6 T}p{margin:0}</style>${body}`);
      await page.evaluate(async () => {
        await document.fonts.load('20px T', 'བོད་ཡིག');
        await document.fonts.ready;
      });
      return page.screenshot({ fullPage: true });
    };
    const withFull = await shot(full);
    const withSubset = await shot(subset);
    expect(withSubset.equals(withFull)).toBe(true);
    await page.close();
  });

  it("draws the language switch's བོད་ཡིག with a Tibetan font in the Chinese UI (a CJK system font that claims Tibetan drew boxes)", async () => {
    const DIST = join(ROOT, 'web', 'dist');
    const TYPES: Record<string, string> = {
      '.html': 'text/html',
      '.js': 'text/javascript',
      '.css': 'text/css',
      '.woff2': 'font/woff2',
      '.svg': 'image/svg+xml',
      '.webmanifest': 'application/manifest+json',
    };
    const server: Server = createServer((req, res) => {
      const path = join(DIST, decodeURIComponent((req.url ?? '/').split('?')[0]!));
      const file = existsSync(path) && !path.endsWith('/') ? path : join(DIST, 'index.html');
      res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' });
      res.end(readFileSync(file));
    });
    await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
    try {
      const page = await browser.newPage({ viewport: { width: 390, height: 700 } });
      await page.goto(`http://127.0.0.1:${(server.address() as AddressInfo).port}/`);
      const button = page.locator('.lang-switch [lang="bo"]');
      await button.waitFor();
      // the switch waits for the first screen's requests before it asks for the web font (src/fonts.ts)
      await page.waitForFunction(() => !document.documentElement.classList.contains('tibetan-later'));
      await page.evaluate(async () => {
        await document.fonts.load('16px "Noto Serif Tibetan"', 'བོད་ཡིག');
        await document.fonts.ready;
      });
      const cdp = await page.context().newCDPSession(page);
      await cdp.send('DOM.enable');
      await cdp.send('CSS.enable');
      const { root } = await cdp.send('DOM.getDocument');
      const { nodeId } = await cdp.send('DOM.querySelector', { nodeId: root.nodeId, selector: '.lang-switch [lang="bo"]' });
      const { fonts } = await cdp.send('CSS.getPlatformFontsForNode', { nodeId });
      const tibetan = ['Noto Serif Tibetan', 'Noto Sans Tibetan', 'Kailasa', 'Microsoft Himalaya'];
      expect(
        fonts.map((f) => f.familyName),
        'fonts drawing བོད་ཡིག',
      ).toSatisfy((families: string[]) => families.length > 0 && families.every((f) => tibetan.includes(f)));
      await page.close();
    } finally {
      server.close();
    }
  });
});
