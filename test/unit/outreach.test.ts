/** Rules of the donor report: no group of fewer than 5 mothers is published on its own. */
import { describe, expect, it } from 'vitest';
import { MIN_GROUP, mergeSmallGroups } from '../../shared/domain/outreach.ts';

const row = (label: string, mothers: number) => ({ label, mothers });
const merge = (small: { label: string; mothers: number }[]) =>
  row(
    '其他',
    small.reduce((s, r) => s + r.mothers, 0),
  );

describe('mergeSmallGroups', () => {
  it('keeps groups of 5 or more as they are (the control)', () => {
    expect(mergeSmallGroups([row('城关区', 28), row('堆龙德庆区', MIN_GROUP)], merge)).toEqual({ rows: [row('城关区', 28), row('堆龙德庆区', 5)], merged: 0, suppressed: false });
  });

  it('merges groups under 5 into “其他” when together they reach 5', () => {
    expect(mergeSmallGroups([row('城关区', 28), row('甲', 3), row('乙', 2)], merge)).toEqual({ rows: [row('城关区', 28), row('其他', 5)], merged: 2, suppressed: false });
  });

  it('suppresses the merged group when even together they stay under 5', () => {
    const out = mergeSmallGroups([row('城关区', 28), row('甲', 1), row('乙', 3)], merge);
    expect(out).toEqual({ rows: [row('城关区', 28)], merged: 2, suppressed: true });
    expect(out.rows.every((r) => r.mothers >= MIN_GROUP)).toBe(true);
  });
});
