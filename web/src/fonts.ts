/**
 * Web fonts, none of them in the way of the first screen.
 *
 * Tibetan: the bundled Noto Serif Tibetan, subset at build time to the characters the UI's
 * words use (vite.config.ts, `tibetanFont`: 75 KB instead of 159 KB; the layout tables are kept,
 * so stacks such as སྐྱིད, དཔྱད, བསྡུར still form), after the system's Tibetan fonts in the stack.
 * Its face is registered at once, so any Tibetan on a page (a printed document, the Tibetan UI)
 * asks for it. In Tibetan it is fetched at once (index.html preloads it); in Chinese and English
 * the only Tibetan on the first screen is the language switch's བོད་ཡིག, which is drawn with the
 * system's fonts only (`html.tibetan-later` in styles.css) until the first screen's requests are
 * answered: then the font comes, without sharing a village connection with them.
 *
 * Chinese: the CJK web font is the last fallback of the font stack, for machines with no Chinese
 * font of their own (a bare Linux box taking screenshots). Its @font-face list (about 100
 * unicode-range subsets) is 55 KB of CSS, so it is not render-blocking: it is added after the
 * first screen, and only when no system font draws Chinese (phones and desktops have one, so
 * they download neither the list nor the font).
 */
import tibetanFontUrl from 'virtual:tibetan-font';
import { whenQuiet } from './api/activity.ts';

/** The Tibetan block and the dotted circle (what a shaper draws under a lone vowel sign). */
const TIBETAN_RANGE = 'U+0F00-0FFF, U+25CC';

/** Whether some font of this machine draws Chinese: a Chinese word and as many unassigned code points (drawn as empty boxes) differ in width. */
export function systemDrawsChinese(): boolean {
  const ctx = document.createElement('canvas').getContext('2d');
  if (!ctx) return true;
  ctx.font = '32px sans-serif';
  const chinese = ctx.measureText('幸福工程').width;
  const boxes = ctx.measureText('\u0378\u0379\u0380\u0381').width;
  return Math.abs(chinese - boxes) > 0.5;
}

/** Registers the Tibetan face; in Tibetan it loads now, else the switch's label waits for the first screen. */
function tibetanFont(lang: string): void {
  const face = new FontFace('Noto Serif Tibetan', `url(${tibetanFontUrl}) format("woff2")`, { unicodeRange: TIBETAN_RANGE, display: 'swap' });
  document.fonts.add(face);
  if (lang === 'bo') {
    void face.load().catch(() => undefined);
    return;
  }
  document.documentElement.classList.add('tibetan-later');
  whenQuiet(() => document.documentElement.classList.remove('tibetan-later'));
}

/** The fonts, for a page in `lang` (the saved UI language). */
export function startFonts(lang: string): void {
  tibetanFont(lang);
  whenQuiet(() => {
    if (!systemDrawsChinese()) void import('@fontsource/noto-sans-sc/400.css');
  });
}
