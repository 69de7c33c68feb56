/** The mother key is a keyed hash of the resident ID: stable under one key, unguessable without it. */
import { describe, expect, it } from 'vitest';
import { legacyMotherKey, motherKey } from '../../shared/store/keys.ts';
import { useMotherKey } from '../../shared/store/mother-key.ts';

const ID = '540102198506120021';

describe('motherKey', () => {
  it('is an HMAC: the same ID gives the same key under one secret, another key under another, and never the unkeyed hash', () => {
    useMotherKey('first-secret');
    const a = motherKey(ID);
    expect(motherKey(ID.toLowerCase())).toBe(a);
    expect(a).toMatch(/^MOTHER#[0-9a-f]{32}$/);
    expect(a).not.toBe(legacyMotherKey(ID));
    useMotherKey('second-secret');
    expect(motherKey(ID)).not.toBe(a);
    useMotherKey(process.env.MOTHER_KEY!);
  });
});
