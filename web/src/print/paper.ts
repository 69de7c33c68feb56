/**
 * The paper of a document printed on other than A4 portrait (the collection list: A4 landscape).
 *
 * It is the print's default page (`@page`, after print.css's A4 portrait, so it wins) for as long
 * as the document is on the screen, and is removed when the document leaves: nothing of it stays
 * in the app. It is not a named page (`page: collection`): Chromium 143 (the npm-shipped one)
 * stops repeating a table's footer (`tfoot`) at the foot of each printed page of a named page,
 * where Chromium 156 repeats it, so the same document broke into other pages on paper (9 lines
 * a page instead of 8, its signature block cut in two at the end of a village).
 */
import { useLayoutEffect } from 'react';

/** A4 landscape; margins 7 mm (top), 10 mm (sides) and 12 mm (bottom). */
export const A4_LANDSCAPE_PAGE = '@page { size: A4 landscape; margin: 7mm 10mm 12mm; }';

/** Makes `rule` (an `@page` rule) the paper of everything printed while the calling document is shown. */
export function usePaper(rule: string): void {
  useLayoutEffect(() => {
    const style = document.createElement('style');
    style.dataset.paper = '';
    style.textContent = rule;
    document.head.append(style);
    return () => style.remove();
  }, [rule]);
}
