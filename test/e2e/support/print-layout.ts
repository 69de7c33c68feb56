/**
 * Where a printed document's blocks fall on A4 paper, measured in the browser from box positions.
 *
 * Chromium cannot be asked where it broke the pages of a PDF, so the page is laid out again the
 * way paper fragments it: print media, and the documents' container turned into columns exactly
 * one page's content box wide and high (`column-fill: auto`). Columns and pages are fragmented by
 * the same engine (break-inside, break-before/after, orphans and widows, table rows, forced
 * breaks), so column n is page n. The number of columns is checked against the pages of the real
 * PDF, so the measure cannot drift from what the printer gets.
 *
 * On those columns it finds:
 * - blocks split across pages: a table row, a labelled field, a bilingual pair, a list item, a
 *   paragraph kept whole, a signature box — any box whose fragments lie on more than one page;
 * - lines cut at a page end: every line of text (its glyph box: for Tibetan the stacks and the
 *   vowel signs above and below) must lie inside one page's content box, top and bottom;
 * - signatures cut off from what they sign: a signature block must start on the page where the
 *   text before it ends;
 * - headings left at the foot of a page: a heading must share its page with the text after it.
 */
import type { Page } from 'playwright-core';

/** A page's content box, in millimetres (the @page size less its margins in print.css). */
export interface PageBox {
  widthMm: number;
  heightMm: number;
}
/** A4 portrait, margins 9 mm (top), 12 mm (sides) and 14 mm (bottom). */
export const A4_PORTRAIT: PageBox = { widthMm: 210 - 24, heightMm: 297 - 9 - 14 };
/** A4 landscape (the collection list's paper, web/src/print/paper.ts), margins 7 mm (top), 10 mm (sides) and 12 mm (bottom). */
export const A4_LANDSCAPE: PageBox = { widthMm: 297 - 20, heightMm: 210 - 7 - 12 };

/** The donor report's named A4 page (public-report.css), margins 12 mm (top and bottom) and 15 mm (sides). */
export const A4_DONOR_REPORT: PageBox = { widthMm: 210 - 30, heightMm: 297 - 24 };

/** Boxes that paper must never cut in two. */
export const KEPT_WHOLE = [
  'tr',
  'li',
  'h1',
  'h2',
  'h3',
  'dt',
  'dd',
  'figure',
  '.pr-bi',
  '.pr-field',
  '.pr-para',
  '.pr-keep',
  '.pr-sign',
  '.pr-signs',
  '.pr-receipt-copy',
  '.pr-receipt-foot',
  '.pr-card-foot',
  '.pr-er-sign',
  '.pr-conflist-box',
  '.pr-pd-record h3',
  '.dr-figures > div',
  '.dr-charts',
  '.dr-story',
  '.dr-footer',
].join(', ');
/** Signature blocks: each starts on the page where the text it signs ends. */
export const SIGNATURE_BLOCKS = '.pr-signs, .pr-er-sign, .pr-conflist-opinions';

export interface PrintLayout {
  /** pages the documents take (columns used) */
  pages: number;
  /** boxes whose fragments lie on more than one page: `selector "text…" on pages 1 and 2` */
  splitBlocks: string[];
  /** lines of text reaching past the top or the bottom of their page */
  cutLines: string[];
  /** signature blocks starting on another page than the text before them */
  lonelySignatures: string[];
  /** headings on another page than the text after them */
  lonelyHeadings: string[];
  /** signature blocks found */
  signatureBlocks: number;
  /**
   * table footers on a named page (`page: x` on them or a box around them): Chromium 143 does not
   * repeat a table's footer on each printed page of a named page (156 does, and so do columns), so
   * paper would break elsewhere than measured, and elsewhere in each engine
   */
  footersOnNamedPages: string[];
  /** boxes and lines measured (so a test can tell the measure saw something) */
  measured: { blocks: number; lines: number };
}

/**
 * Lays the documents matching `selector` out in page-sized columns (print media) and reports what
 * paper would cut; `page` is left in print media with the columns removed again.
 */
export async function printLayout(page: Page, selector: string, box: PageBox = A4_PORTRAIT, opts: { screenshot?: string } = {}): Promise<PrintLayout> {
  await page.emulateMedia({ media: 'print' });
  try {
    const layout = await page.evaluate(
      ({ selector, box, keptWhole, signatures }) => {
        const px = 96 / 25.4;
        const W = box.widthMm * px;
        const H = box.heightMm * px;
        const docs = Array.from(document.querySelectorAll<HTMLElement>(selector));
        if (docs.length === 0) throw new Error(`no document matches ${selector}`);
        const footersOnNamedPages: string[] = [];
        for (const doc of docs)
          for (const foot of Array.from(doc.querySelectorAll('tfoot'))) {
            let named: Element | null = foot;
            while (named && getComputedStyle(named).page === 'auto') named = named.parentElement;
            if (named) footersOnNamedPages.push(`tfoot "${(foot.textContent ?? '').replace(/\s+/g, ' ').trim().slice(0, 30)}" on page: ${getComputedStyle(named).page}`);
          }
        // the container holding every document (and nothing printed outside it)
        let container = docs[0]!.parentElement!;
        while (!docs.every((d) => container.contains(d))) container = container.parentElement!;
        container.dataset.printColumns = container.getAttribute('style') ?? '';
        Object.assign(container.style, {
          columnWidth: `${W}px`,
          columnCount: 'auto',
          columnGap: '0px',
          columnFill: 'auto',
          width: `${W}px`,
          maxWidth: 'none',
          height: `${H}px`,
          padding: '0',
          margin: '0',
          border: '0',
          boxSizing: 'content-box',
          overflow: 'visible',
        });
        // forced page breaks (a page per posting, per village, the annex) become column breaks:
        // columns do not break at `break-before: page`
        const forced = ['page', 'left', 'right', 'recto', 'verso'];
        for (const el of Array.from(container.querySelectorAll<HTMLElement>('*'))) {
          const style = getComputedStyle(el);
          const before = forced.includes(style.breakBefore);
          const after = forced.includes(style.breakAfter);
          if (!before && !after) continue;
          el.dataset.printBreaks = el.getAttribute('style') ?? '';
          if (before) el.style.breakBefore = 'column';
          if (after) el.style.breakAfter = 'column';
        }
        // the ink of a text: how far its glyphs reach above and below the baseline, and where the
        // baseline sits in its glyph box (canvas metrics in the text's own font)
        const canvas = document.createElement('canvas').getContext('2d')!;
        const inkOf = (n: Text) => {
          const style = getComputedStyle(n.parentElement!);
          canvas.font = `${style.fontStyle} ${style.fontWeight} ${style.fontSize} ${style.fontFamily}`;
          const m = canvas.measureText(n.data.trim());
          return { ascent: m.fontBoundingBoxAscent, inkAscent: m.actualBoundingBoxAscent, inkDescent: m.actualBoundingBoxDescent };
        };
        {
          const origin = container.getBoundingClientRect();
          const pageOf = (x: number) => Math.floor((x - origin.left + 0.5) / W);
          const shown = (r: DOMRect) => r.width > 0 || r.height > 0;
          const name = (el: Element) => {
            const cls = Array.from(el.classList)
              .filter((c) => c.startsWith('pr-') || c.startsWith('dr-'))
              .join('.');
            const text = (el.textContent ?? '').replace(/\s+/g, ' ').trim().slice(0, 40);
            return `${el.tagName.toLowerCase()}${cls ? `.${cls}` : ''} "${text}"`;
          };
          const pagesOf = (rects: DOMRect[]) => [...new Set(rects.filter(shown).map((r) => pageOf(r.left)))].sort((a, b) => a - b);
          let lastPage = 0;

          // boxes kept whole
          const splitBlocks: string[] = [];
          let blocks = 0;
          for (const doc of docs)
            for (const el of Array.from(doc.querySelectorAll(keptWhole))) {
              const rects = Array.from(el.getClientRects());
              if (!rects.some(shown)) continue;
              blocks++;
              const on = pagesOf(rects);
              lastPage = Math.max(lastPage, ...on);
              // a box that leaves its page at the bottom without a second fragment is cut too
              const overflows = rects.some((r) => shown(r) && r.bottom - origin.top > H + 0.5);
              if (on.length > 1 || overflows) splitBlocks.push(`${name(el)} on pages ${on.map((p) => p + 1).join(' and ')}${overflows ? ' (past the page end)' : ''}`);
            }

          // every line of text: its glyphs' ink inside one page
          const cutLines: string[] = [];
          const lineRects: { node: Text; rect: DOMRect }[] = [];
          for (const doc of docs) {
            const walker = document.createTreeWalker(doc, NodeFilter.SHOW_TEXT);
            for (let n = walker.nextNode() as Text | null; n; n = walker.nextNode() as Text | null) {
              if (!n.data.trim()) continue;
              const range = document.createRange();
              range.selectNodeContents(n);
              const ink = inkOf(n);
              for (const rect of Array.from(range.getClientRects())) {
                if (!shown(rect)) continue;
                lineRects.push({ node: n, rect });
                // the glyphs' ink on this line (the highest and lowest of the text's glyphs)
                const baseline = rect.top - origin.top + ink.ascent;
                const top = baseline - ink.inkAscent;
                const bottom = baseline + ink.inkDescent;
                lastPage = Math.max(lastPage, pageOf(rect.left));
                if (top < -0.5 || bottom > H + 0.5) {
                  const lang = n.parentElement?.closest('[lang]')?.getAttribute('lang') ?? '';
                  cutLines.push(`${lang} "${n.data.trim().slice(0, 30)}" on page ${pageOf(rect.left) + 1}, ${Math.round(top)}–${Math.round(bottom)} px of ${Math.round(H)}`);
                }
              }
            }
          }

          // the line of the document before an element that reaches furthest down the paper, and the
          // line after it that comes first (a table's repeated footer or header is on several pages)
          const inDoc = (el: Element, l: { node: Text }) => !el.contains(l.node) && docs.some((d) => d.contains(l.node) && d.contains(el));
          const before = (el: Element) =>
            lineRects
              .filter((l) => el.compareDocumentPosition(l.node) & Node.DOCUMENT_POSITION_PRECEDING && inDoc(el, l))
              .reduce<(typeof lineRects)[number] | undefined>((a, l) => (!a || pageOf(l.rect.left) >= pageOf(a.rect.left) ? l : a), undefined);
          const after = (el: Element) =>
            lineRects
              .filter((l) => el.compareDocumentPosition(l.node) & Node.DOCUMENT_POSITION_FOLLOWING && inDoc(el, l))
              .reduce<(typeof lineRects)[number] | undefined>((a, l) => (!a || pageOf(l.rect.left) < pageOf(a.rect.left) ? l : a), undefined);
          const firstPage = (el: Element) => pagesOf(Array.from(el.getClientRects()))[0];
          const lastPageOf = (el: Element) => pagesOf(Array.from(el.getClientRects())).at(-1);

          const lonelySignatures: string[] = [];
          let signatureBlocks = 0;
          for (const doc of docs)
            for (const el of Array.from(doc.querySelectorAll(signatures))) {
              signatureBlocks++;
              const prev = before(el);
              const at = firstPage(el);
              if (prev && at !== undefined && pageOf(prev.rect.left) !== at)
                lonelySignatures.push(`${name(el)} on page ${at + 1}, the text before it ("${prev.node.data.trim().slice(0, 30)}") ends on page ${pageOf(prev.rect.left) + 1}`);
            }

          const lonelyHeadings: string[] = [];
          for (const doc of docs)
            for (const el of Array.from(doc.querySelectorAll('h1, h2, h3, .pr-keep-next'))) {
              const next = after(el);
              const at = lastPageOf(el);
              if (next && at !== undefined && pageOf(next.rect.left) !== at)
                lonelyHeadings.push(`${name(el)} on page ${at + 1}, the text after it ("${next.node.data.trim().slice(0, 30)}") starts on page ${pageOf(next.rect.left) + 1}`);
            }

          return { pages: lastPage + 1, splitBlocks, cutLines, lonelySignatures, lonelyHeadings, signatureBlocks, footersOnNamedPages, measured: { blocks, lines: lineRects.length } };
        }
      },
      { selector, box, keptWhole: KEPT_WHOLE, signatures: SIGNATURE_BLOCKS },
    );
    // the pages side by side, to look at
    if (opts.screenshot) {
      const size = page.viewportSize();
      const px = 96 / 25.4;
      await page.setViewportSize({ width: Math.ceil(layout.pages * box.widthMm * px) + 40, height: Math.ceil(box.heightMm * px) + 40 });
      await page.evaluate(() => {
        const c = document.querySelector<HTMLElement>('[data-print-columns]');
        // each page framed: the first by the outline, the boundaries by the column rule
        if (c) Object.assign(c.style, { outline: '1px solid red', columnRule: '1px solid red' });
        window.scrollTo(0, 0);
      });
      await page.screenshot({ path: opts.screenshot, fullPage: true });
      if (size) await page.setViewportSize(size);
    }
    return layout;
  } finally {
    await page.evaluate(() => {
      const c = document.querySelector<HTMLElement>('[data-print-columns]');
      if (!c) return;
      for (const el of Array.from(c.querySelectorAll<HTMLElement>('[data-print-breaks]'))) {
        const style = el.dataset.printBreaks ?? '';
        delete el.dataset.printBreaks;
        if (style) el.setAttribute('style', style);
        else el.removeAttribute('style');
      }
      const saved = c.dataset.printColumns ?? '';
      delete c.dataset.printColumns;
      if (saved) c.setAttribute('style', saved);
      else c.removeAttribute('style');
    });
    await page.emulateMedia({ media: null });
  }
}

/** The pages of a PDF Chromium wrote (its page objects; the page tree itself is /Pages). */
export function pdfPages(pdf: Buffer): number {
  return pdf.toString('latin1').match(/\/Type\s*\/Page(?![s\w])/g)?.length ?? 0;
}

/** The paper of each page of a PDF Chromium wrote, from its /MediaBox: `portrait` or `landscape`. */
export function pdfPaper(pdf: Buffer): ('portrait' | 'landscape')[] {
  return Array.from(pdf.toString('latin1').matchAll(/\/MediaBox\s*\[\s*([-\d.]+)\s+([-\d.]+)\s+([-\d.]+)\s+([-\d.]+)\s*\]/g), (m) =>
    Number(m[3]) - Number(m[1]) > Number(m[4]) - Number(m[2]) ? 'landscape' : 'portrait',
  );
}

/** Waits until every font face the page knows of has loaded (or failed), so text is measured and printed in its own font. */
export async function fontsLoaded(page: Page): Promise<void> {
  await page.evaluate(async () => {
    const faces: FontFace[] = [];
    document.fonts.forEach((f) => {
      faces.push(f);
    });
    await Promise.all(faces.map((f) => (f.status === 'unloaded' ? f.load().catch(() => undefined) : undefined)));
    await document.fonts.ready;
  });
}
