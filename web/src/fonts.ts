/**
 * The CJK web font is the last fallback of the font stack, for machines with no Chinese font
 * of their own (a bare Linux box taking screenshots). Its @font-face list (about 100
 * unicode-range subsets) is 55 KB of CSS, so it is not render-blocking: it is added after the
 * first render, and only when no system font draws Chinese (phones and desktops have one, so
 * they download neither the list nor the font).
 */

/** Whether some font of this machine draws Chinese: a Chinese word and as many unassigned code points (drawn as empty boxes) differ in width. */
export function systemDrawsChinese(): boolean {
  const ctx = document.createElement('canvas').getContext('2d');
  if (!ctx) return true;
  ctx.font = '32px sans-serif';
  const chinese = ctx.measureText('幸福工程').width;
  const boxes = ctx.measureText('\u0378\u0379\u0380\u0381').width;
  return Math.abs(chinese - boxes) > 0.5;
}

export function loadCjkFontIfNeeded(): void {
  const run = () => {
    if (!systemDrawsChinese()) void import('@fontsource/noto-sans-sc/400.css');
  };
  if ('requestIdleCallback' in window) requestIdleCallback(run, { timeout: 2000 });
  else setTimeout(run, 500);
}
