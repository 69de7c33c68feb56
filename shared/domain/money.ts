/** Money is integer fen end to end; these helpers only format it for people. */
export function assertFen(value: number, what = 'amount'): void {
  if (!Number.isSafeInteger(value)) throw new TypeError(`${what} must be an integer number of fen, got ${value}`);
}

/** 1234567 fen → "12,345.67" (yuan with thousands separators). */
export function formatYuan(fen: number): string {
  assertFen(fen);
  const sign = fen < 0 ? '-' : '';
  const abs = Math.abs(fen);
  const yuan = Math.trunc(abs / 100)
    .toString()
    .replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  const cents = String(abs % 100).padStart(2, '0');
  return `${sign}${yuan}.${cents}`;
}

export function yuan(fen: number): string {
  return `¥${formatYuan(fen)}`;
}
