/**
 * Attributes kept raw-deflated in the table (binary), unpacked by `strip` on every read, so no
 * reader sees the difference. An application's screening result — each rule's reason in
 * English, Chinese and Tibetan, ~3 KB of its ~5 KB — is one: the application is copied into
 * byScope and byRound on each of its writes, so its size is paid three times (twice in a
 * transaction). Deflated it is ~1.2 KB. It holds no personal data (amounts, dates, rule names,
 * an earlier loan's id or agreement number), so the retention job leaves it as it is.
 */
import { deflateRawSync, inflateRawSync } from 'node:zlib';

/** attribute → the attribute its packed form is kept under */
const PACKED = { screening: 'screeningPacked' } as const;

type Item = Record<string, unknown>;

/** The record to write, its screening result (if any) packed. */
export function packed<T extends object & { screening?: unknown }>(record: T): Omit<T, 'screening'> & { screeningPacked?: Uint8Array } {
  const { screening, ...rest } = record;
  return screening === undefined ? rest : { ...rest, [PACKED.screening]: deflateRawSync(JSON.stringify(screening)) };
}

/** Unpacks, in place, what `packed` packed (items written before it came in have nothing packed). */
export function unpack(item: Item): void {
  for (const [name, as] of Object.entries(PACKED)) {
    const value = item[as];
    if (!(value instanceof Uint8Array)) continue;
    item[name] = JSON.parse(inflateRawSync(value).toString('utf8'));
    delete item[as];
  }
}
