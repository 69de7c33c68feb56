/**
 * An answer kept compressed beside the function's bundle (a document that is the same for a
 * deployment, compressed with Brotli once, when the bundle is built): sent as it is to a client
 * that accepts Brotli, gzipped for one that accepts only gzip, decompressed for one that
 * accepts neither. Each form is made once per container, on the first request that needs it.
 */
import { brotliDecompressSync, gzipSync } from 'node:zlib';
import type { APIGatewayProxyStructuredResultV2 } from 'aws-lambda';

/** The encodings an answer is sent in, best first. */
export const ENCODINGS = ['br', 'gzip'] as const;
export type Encoding = (typeof ENCODINGS)[number];

/**
 * The encoding to send for an `Accept-Encoding` header: the first of `ENCODINGS` the client
 * accepts with a weight above 0 (`*` stands for any encoding the header does not name), or
 * undefined when it accepts none (no header: the text as it is).
 */
export function chooseEncoding(acceptEncoding: string | undefined): Encoding | undefined {
  if (!acceptEncoding) return undefined;
  const weights = new Map<string, number>();
  for (const part of acceptEncoding.split(',')) {
    const [token, ...params] = part.toLowerCase().split(';');
    const name = token?.trim();
    if (!name) continue;
    const q = params.map((p) => /^\s*q\s*=\s*([0-9.]+)\s*$/.exec(p)?.[1]).find((v) => v !== undefined);
    weights.set(name, q === undefined ? 1 : Number(q));
  }
  return ENCODINGS.find((e) => (weights.get(e) ?? weights.get('*') ?? 0) > 0);
}

/** A JSON answer kept compressed with Brotli: `readBrotli()` gives its bytes (called once, on the first request). */
export class PrecompressedAnswer {
  private brotli?: Uint8Array;
  private text?: Buffer;
  private gzip?: Uint8Array;

  constructor(
    readonly contentType: string,
    private readonly readBrotli: () => Uint8Array,
  ) {}

  /** The bytes of the answer in `encoding` (undefined: the text as it is). */
  bytes(encoding: Encoding | undefined): Uint8Array {
    this.brotli ??= this.readBrotli();
    if (encoding === 'br') return this.brotli;
    this.text ??= brotliDecompressSync(this.brotli);
    if (encoding !== 'gzip') return this.text;
    this.gzip ??= gzipSync(this.text);
    return this.gzip;
  }

  /** The answer to a request with this `Accept-Encoding`. */
  response(acceptEncoding: string | undefined): APIGatewayProxyStructuredResultV2 {
    const encoding = chooseEncoding(acceptEncoding);
    const headers = { 'content-type': this.contentType, 'cache-control': 'no-store', vary: 'Accept-Encoding' };
    const bytes = Buffer.from(this.bytes(encoding));
    if (!encoding) return { statusCode: 200, headers, body: bytes.toString('utf8') };
    return { statusCode: 200, headers: { ...headers, 'content-encoding': encoding }, body: bytes.toString('base64'), isBase64Encoded: true };
  }
}
