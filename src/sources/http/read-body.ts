// Reading a response body: undo the content coding, count decoded bytes, stop as soon as the cap is passed.
import { Transform, type Readable, type TransformCallback } from 'node:stream';
import { createBrotliDecompress, createGunzip, createInflate, createInflateRaw } from 'node:zlib';
import { BodyTooLargeError } from './fetch-errors.ts';

/** The content codings we advertise in Accept-Encoding and can undo. */
export const ACCEPT_ENCODING = 'gzip, deflate, br';

type DecoderFactory = () => Transform;

const DECODERS: Readonly<Record<string, DecoderFactory>> = {
  gzip: createGunzip,
  'x-gzip': createGunzip,
  br: createBrotliDecompress,
  deflate: () => new DeflateDecoder(),
};

/**
 * Reads `body` into one buffer, decoding `contentEncoding` (a header value such as `gzip` or `gzip, br`). Throws
 * `BodyTooLargeError` as soon as the decoded size passes `maxBytes`; leaving the loop destroys the streams and
 * thereby the connection, so a decompression bomb never gets further than the cap either.
 */
export async function readCappedBody(
  body: Readable,
  contentEncoding: string | undefined,
  maxBytes: number,
): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of chain(body, decodersFor(contentEncoding)) as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > maxBytes) throw new BodyTooLargeError(maxBytes);
    chunks.push(chunk);
  }
  return chunks.length === 1 && chunks[0] !== undefined ? chunks[0] : Buffer.concat(chunks, size);
}

// Hand-linked rather than stream.pipeline(): pipeline allocates an AbortController and a DOMException per call,
// which showed up as the largest single cost when polling many small unchanged pages. Errors travel downstream,
// destruction (the cap, a timeout) travels upstream to the socket.
function chain(source: Readable, decoders: readonly Transform[]): Readable {
  let current = source;
  for (const decoder of decoders) {
    const upstream = current;
    upstream.once('error', (error) => decoder.destroy(error));
    decoder.once('close', () => upstream.destroy());
    upstream.pipe(decoder);
    current = decoder;
  }
  return current;
}

/** Announced length above the cap: refuse without reading. */
export function assertAnnouncedLength(contentLength: string | undefined, maxBytes: number): void {
  if (contentLength === undefined) return;
  const announced = Number(contentLength);
  if (Number.isFinite(announced) && announced > maxBytes) throw new BodyTooLargeError(maxBytes, announced);
}

// Codings are listed in the order they were applied, so they are undone last to first.
function decodersFor(contentEncoding: string | undefined): Transform[] {
  if (contentEncoding === undefined) return [];
  const codings = contentEncoding
    .split(',')
    .map((coding) => coding.trim().toLowerCase())
    .filter((coding) => coding !== '' && coding !== 'identity');
  return codings.reverse().map((coding) => {
    const factory = DECODERS[coding];
    if (factory === undefined) throw new Error(`unsupported content encoding "${coding}"`);
    return factory();
  });
}

/**
 * `Content-Encoding: deflate` should be zlib-wrapped, but some servers send raw deflate; browsers accept both,
 * so the first bytes decide (a zlib header is 0x?8 with the first two bytes a multiple of 31).
 */
class DeflateDecoder extends Transform {
  #inner: Transform | undefined;
  #pending: Buffer = Buffer.alloc(0);

  override _transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback): void {
    if (this.#inner === undefined) {
      this.#pending = Buffer.concat([this.#pending, chunk]);
      if (this.#pending.length < 2) {
        callback();
        return;
      }
      this.#inner = this.#start(this.#pending);
      chunk = this.#pending;
      this.#pending = Buffer.alloc(0);
    }
    if (this.#inner.write(chunk)) callback();
    else this.#inner.once('drain', callback);
  }

  override _flush(callback: TransformCallback): void {
    if (this.#inner === undefined && this.#pending.length === 0) {
      callback();
      return;
    }
    const inner = this.#inner ?? this.#start(this.#pending);
    if (this.#inner === undefined) inner.write(this.#pending);
    inner.once('end', () => {
      callback();
    });
    inner.end();
  }

  #start(head: Buffer): Transform {
    const first = head[0] ?? 0;
    const second = head[1] ?? 0;
    const zlibWrapped = (first & 0x0f) === 8 && ((first << 8) | second) % 31 === 0;
    const inner = zlibWrapped ? createInflate() : createInflateRaw();
    inner.on('data', (data: Buffer) => this.push(data));
    inner.on('error', (error) => this.destroy(error));
    return inner;
  }
}
