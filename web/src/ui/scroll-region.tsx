/**
 * A wide table's horizontal scroll box, reachable by keyboard: focusable (Tab, then the arrow
 * keys scroll it), a region (a named section) named for a screen reader by what it holds (axe: scrollable-region-focusable).
 */
import '../i18n/zh-CN.edges.ts';
import type { ReactNode } from 'react';
import { useI18n } from '../i18n/index.tsx';

export function ScrollRegion({ label, children }: { label: string; children: ReactNode }) {
  const { t } = useI18n();
  return (
    // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling region must take focus to be scrolled by keyboard
    <section className="table-wrap" tabIndex={0} aria-label={t('table_scroll', { name: label })}>
      {children}
    </section>
  );
}
