/** The bench's pricing of writes as AWS charges them (bench/aws-units.ts): item sizes by DynamoDB's rules. */
import { describe, expect, it } from 'vitest';
import { itemSize, valueSize } from '../../bench/aws-units.ts';

describe('item sizes as DynamoDB counts them', () => {
  it('counts strings in UTF-8 bytes, numbers by their significant digits, maps and lists with their overhead', () => {
    expect(valueSize({ S: 'abc' })).toBe(3);
    expect(valueSize({ S: '卓玛' })).toBe(6);
    expect(valueSize({ N: '1000000' })).toBe(2);
    expect(valueSize({ N: '123456' })).toBe(4);
    expect(valueSize({ BOOL: true })).toBe(1);
    expect(valueSize({ M: { a: { S: 'xy' } } })).toBe(3 + 1 + 1 + 2);
    expect(valueSize({ L: [{ S: 'x' }, { N: '5' }] })).toBe(3 + (1 + 1) + (1 + 2));
  });

  it('adds the attribute names, and only the named ones when asked', () => {
    const item = { pk: { S: 'APP#1' }, sk: { S: 'APP' }, amountRequestedFen: { N: '1000000' } };
    expect(itemSize(item)).toBe(2 + 5 + 2 + 3 + 18 + 2);
    expect(itemSize(item, (name) => name !== 'amountRequestedFen')).toBe(12);
  });
});
