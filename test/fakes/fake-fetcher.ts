// A Fetcher that answers from a script per URL, for tracker tests that need no HTTP server.
import { SourceFetchError } from '../../src/domain/errors.ts';
import type { Fetcher, FetchRequest, FetchResult } from '../../src/sources/fetcher.ts';

export type FakeAnswer =
  | { readonly body: string; readonly mediaType?: string; readonly etag?: string }
  | { readonly status: number }
  | { readonly notModified: true };

export interface FakeFetcher extends Fetcher {
  /** Sets what a URL answers from now on. */
  serve(url: string, answer: FakeAnswer): void;
  readonly requests: FetchRequest[];
}

export function createFakeFetcher(): FakeFetcher {
  const answers = new Map<string, FakeAnswer>();
  const requests: FetchRequest[] = [];
  return {
    requests,
    serve: (url, answer) => answers.set(url, answer),
    fetch(request): Promise<FetchResult> {
      requests.push(request);
      const answer = answers.get(request.url);
      if (answer === undefined) {
        return Promise.reject(
          new SourceFetchError('network', `getaddrinfo ENOTFOUND for ${request.url}`, { url: request.url }),
        );
      }
      if ('notModified' in answer) return Promise.resolve({ kind: 'not-modified', url: request.url });
      if ('status' in answer) {
        return Promise.reject(
          new SourceFetchError('http_status', `HTTP ${answer.status} for ${request.url}`, {
            url: request.url,
            status: answer.status,
          }),
        );
      }
      const body = Buffer.from(answer.body, 'utf8');
      return Promise.resolve({
        kind: 'fetched',
        url: request.url,
        finalUrl: request.url,
        status: 200,
        mediaType: answer.mediaType ?? 'text/html',
        body,
        text: answer.body,
        charset: 'utf-8',
        etag: answer.etag ?? null,
        lastModified: null,
      });
    },
    close: () => Promise.resolve(),
  };
}
