import { Readable } from 'node:stream';
import { brotliCompressSync, deflateRawSync, deflateSync, gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { BodyTooLargeError } from './fetch-errors.ts';
import { assertAnnouncedLength, readCappedBody } from './read-body.ts';

const TEXT = Buffer.from('Die Nutzungsbedingungen wurden geändert. '.repeat(200));

// Splits the bytes into small chunks, as a socket would deliver them.
const streamOf = (bytes: Buffer): Readable =>
  Readable.from(
    Array.from({ length: Math.ceil(bytes.length / 100) }, (_, i) => bytes.subarray(i * 100, i * 100 + 100)),
  );

describe('readCappedBody', () => {
  it.each([
    { coding: undefined, encode: (b: Buffer) => b },
    { coding: 'identity', encode: (b: Buffer) => b },
    { coding: 'gzip', encode: gzipSync },
    { coding: 'x-gzip', encode: gzipSync },
    { coding: 'br', encode: brotliCompressSync },
    { coding: 'deflate', encode: deflateSync },
    { coding: 'deflate', encode: deflateRawSync },
    { coding: 'deflate, gzip', encode: (b: Buffer) => gzipSync(deflateSync(b)) },
  ])('decodes $coding', async ({ coding, encode }) => {
    expect(await readCappedBody(streamOf(encode(TEXT)), coding, 1_000_000)).toEqual(TEXT);
  });

  it('reads an empty deflate body', async () => {
    expect(await readCappedBody(streamOf(Buffer.alloc(0)), 'deflate', 100)).toEqual(Buffer.alloc(0));
  });

  it('stops as soon as the decoded size passes the cap and destroys the source', async () => {
    let produced = 0;
    const endless = new Readable({
      read() {
        produced += 1024;
        this.push(Buffer.alloc(1024, 0x61));
      },
    });
    await expect(readCappedBody(endless, undefined, 64 * 1024)).rejects.toBeInstanceOf(BodyTooLargeError);
    expect(endless.destroyed).toBe(true);
    expect(produced).toBeLessThan(256 * 1024);
  });

  it('caps the decoded size, not the compressed one (decompression bomb)', async () => {
    const bomb = gzipSync(Buffer.alloc(10 * 1024 * 1024));
    expect(bomb.length).toBeLessThan(64 * 1024);
    await expect(readCappedBody(streamOf(bomb), 'gzip', 1024 * 1024)).rejects.toBeInstanceOf(BodyTooLargeError);
  });

  it('rejects corrupt compressed data and unknown codings', async () => {
    await expect(readCappedBody(streamOf(Buffer.from('not gzip')), 'gzip', 1000)).rejects.toThrow();
    await expect(readCappedBody(streamOf(TEXT), 'zstd-x', 1_000_000)).rejects.toThrow(/unsupported content encoding/);
  });
});

describe('assertAnnouncedLength', () => {
  it('throws only when Content-Length announces more than the cap', () => {
    expect(() => {
      assertAnnouncedLength('6000000', 5_000_000);
    }).toThrow('Content-Length 6000000 exceeds the 5000000-byte cap');
    expect(() => {
      assertAnnouncedLength('5000000', 5_000_000);
    }).not.toThrow();
    expect(() => {
      assertAnnouncedLength(undefined, 5_000_000);
    }).not.toThrow();
    expect(() => {
      assertAnnouncedLength('garbage', 5_000_000);
    }).not.toThrow();
  });
});
