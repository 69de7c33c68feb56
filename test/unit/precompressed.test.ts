/**
 * An answer kept compressed (meta's OpenAPI document, shared/http/precompressed.ts): the
 * encoding chosen from the client's Accept-Encoding, and the same text whatever it is sent in.
 */
import { brotliCompressSync, brotliDecompressSync, gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { chooseEncoding, PrecompressedAnswer } from '../../shared/http/precompressed.ts';

describe('the encoding sent for an Accept-Encoding header', () => {
  it.each([
    [undefined, undefined],
    ['', undefined],
    ['identity', undefined],
    ['deflate', undefined],
    ['gzip', 'gzip'],
    ['gzip, deflate, br', 'br'],
    ['br;q=0, gzip', 'gzip'],
    ['gzip;q=0.5, br;q=0.1', 'br'],
    ['BR', 'br'],
    ['gzip ; q=0', undefined],
    ['*', 'br'],
    ['*;q=0.1, br;q=0', 'gzip'],
    ['gzip;q=0, *', 'br'],
    ['br;q=0, gzip;q=0, *', undefined],
  ])('%j → %j', (header, encoding) => {
    expect(chooseEncoding(header)).toBe(encoding);
  });
});

describe('a precompressed answer', () => {
  const text = JSON.stringify({
    openapi: '3.1.0',
    info: { title: '幸福工程 · བདེ་སྐྱིད་ལས་གཞི།' },
    paths: Object.fromEntries(Array.from({ length: 200 }, (_, i) => [`/p${i}`, { get: { summary: `route ${i}` } }])),
  });
  const stored = brotliCompressSync(text);
  let reads = 0;
  const answer = new PrecompressedAnswer('application/json; charset=utf-8', () => {
    reads++;
    return stored;
  });

  it('sends the stored bytes as they are to a client that accepts Brotli', () => {
    const res = answer.response('gzip, deflate, br');
    expect(res).toMatchObject({ statusCode: 200, isBase64Encoded: true, headers: { 'content-encoding': 'br', 'content-type': 'application/json; charset=utf-8', vary: 'Accept-Encoding' } });
    expect(Buffer.from(res.body!, 'base64').equals(stored)).toBe(true);
  });

  it('gzips the text for a client that accepts only gzip', () => {
    const res = answer.response('gzip');
    expect(res).toMatchObject({ statusCode: 200, isBase64Encoded: true, headers: { 'content-encoding': 'gzip', vary: 'Accept-Encoding' } });
    expect(gunzipSync(Buffer.from(res.body!, 'base64')).toString('utf8')).toBe(text);
  });

  it('sends the text itself to a client that accepts no compression', () => {
    const res = answer.response(undefined);
    expect(res.statusCode).toBe(200);
    expect(res.isBase64Encoded).toBeUndefined();
    expect(res.headers).not.toHaveProperty('content-encoding');
    expect(res.body).toBe(text);
  });

  it('reads the stored file once, however many requests', () => {
    for (const header of ['br', 'gzip', undefined]) answer.response(header);
    expect(reads).toBe(1);
    expect(brotliDecompressSync(answer.bytes('br')).toString('utf8')).toBe(text);
  });
});
