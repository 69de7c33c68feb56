/**
 * An amount of money in Chinese capital numerals (大写), as written on agreements and
 * receipts so that the figure cannot be altered: 1,000,000 fen → 壹万元整.
 * Follows the People's Bank rules for filling in amounts: 整 after 元 (and after 角),
 * none after 分; one 零 for any run of zeros inside the number.
 */
const DIGITS = '零壹贰叁肆伍陆柒捌玖';
const PLACES = ['', '拾', '佰', '仟'];
const SECTIONS = ['', '万', '亿', '万亿'];

/** A group of up to four digits (0 < n < 10000), with 零 for zeros between digits. */
function section(n: number): string {
  let out = '';
  let zero = false;
  for (let place = 3; place >= 0; place--) {
    const d = Math.floor(n / 10 ** place) % 10;
    if (d === 0) {
      if (out) zero = true;
      continue;
    }
    if (zero) out += '零';
    out += DIGITS[d]! + PLACES[place]!;
    zero = false;
  }
  return out;
}

/** A whole number of yuan in capitals (without 元); 零 for zero. */
export function integerInCapitals(n: number): string {
  if (!Number.isSafeInteger(n) || n < 0) throw new RangeError(`not a whole non-negative number: ${n}`);
  if (n === 0) return DIGITS[0]!;
  const groups: number[] = [];
  for (let rest = n; rest > 0; rest = Math.floor(rest / 10_000)) groups.push(rest % 10_000);
  if (groups.length > SECTIONS.length) throw new RangeError(`too large: ${n}`);
  let out = '';
  let gap = false;
  for (let i = groups.length - 1; i >= 0; i--) {
    const g = groups[i]!;
    if (g === 0) {
      if (out) gap = true;
      continue;
    }
    if (out && (gap || g < 1000)) out += '零';
    out += section(g) + SECTIONS[i]!;
    gap = false;
  }
  return out;
}

/** Integer fen → 人民币 capitals: 1_000_000 → 壹万元整, 1_050_050 → 壹万零伍佰元伍角整, 5 → 伍分. */
export function fenInCapitals(fen: number): string {
  if (!Number.isSafeInteger(fen) || fen < 0) throw new RangeError(`not a whole non-negative number of fen: ${fen}`);
  const yuan = Math.floor(fen / 100);
  const jiao = Math.floor(fen / 10) % 10;
  const fenDigit = fen % 10;
  if (jiao === 0 && fenDigit === 0) return `${integerInCapitals(yuan)}元整`;
  let out = yuan > 0 ? `${integerInCapitals(yuan)}元` : '';
  if (jiao > 0) out += `${DIGITS[jiao]!}角`;
  else if (yuan > 0) out += '零';
  if (fenDigit > 0) out += `${DIGITS[fenDigit]!}分`;
  else out += '整';
  return out;
}
