// Turning response bytes into text: media type and charset from the header, else sniffed from the body.
import { TextDecoder } from 'node:util';
import { getEncoding } from 'encoding-sniffer';

/** The parts of a Content-Type header the fetcher uses. */
export interface ContentType {
  /** Lower case, without parameters (`text/html`); empty when absent. */
  readonly mediaType: string;
  /** The `charset` parameter as sent (unvalidated), or `null`. */
  readonly charset: string | null;
}

/** Splits a Content-Type header (`text/html; charset="ISO-8859-1"`) into media type and charset. */
export function parseContentType(header: string | undefined): ContentType {
  if (header === undefined) return { mediaType: '', charset: null };
  const [type = '', ...parameters] = header.split(';');
  let charset: string | null = null;
  for (const parameter of parameters) {
    const separator = parameter.indexOf('=');
    if (separator === -1 || parameter.slice(0, separator).trim().toLowerCase() !== 'charset') continue;
    charset =
      parameter
        .slice(separator + 1)
        .trim()
        .replace(/^"(.*)"$/, '$1') || null;
  }
  return { mediaType: type.trim().toLowerCase(), charset };
}

/**
 * Picks the encoding of `body`, returned as its WHATWG name in lower case (`utf-8`, `windows-1252`). Order: a
 * byte-order mark, then the header's charset, then a `<meta>` charset or the XML prolog's `encoding` in the first
 * 1 KiB, else UTF-8. The BOM goes first as in browsers (WHATWG "decode"): a BOM cannot lie, a header can.
 * Labels follow the Encoding Standard, so `ISO-8859-1` and `latin1` decode as its superset `windows-1252`; unknown
 * labels are skipped. Unlabeled bodies default to UTF-8, not the HTML default windows-1252: today's pages and
 * feeds without a label are nearly all UTF-8.
 */
export function detectCharset(body: Uint8Array, headerCharset: string | null): string {
  const encoding = getEncoding(body, {
    defaultEncoding: 'utf-8',
    ...(headerCharset === null ? {} : { transportLayerEncodingLabel: headerCharset }),
  });
  return encoding.toLowerCase();
}

const decoders = new Map<string, TextDecoder>();

/** Decodes `body` as `charset` (a name from `detectCharset`), falling back to UTF-8 if the runtime lacks it. */
export function decodeText(body: Uint8Array, charset: string): { text: string; charset: string } {
  const decoder = decoderFor(charset);
  if (decoder !== undefined) {
    const text = decoder.decode(body);
    return { text: charset === 'windows-1252' ? fixWindows1252(text) : text, charset };
  }
  return { text: decodeText(body, 'utf-8').text, charset: 'utf-8' };
}

function decoderFor(charset: string): TextDecoder | undefined {
  let decoder = decoders.get(charset);
  if (decoder === undefined) {
    try {
      decoder = new TextDecoder(charset);
    } catch {
      return undefined;
    }
    decoders.set(charset, decoder);
  }
  return decoder;
}

/** Windows-1252 characters for bytes 0x80–0x9F; the five unassigned ones stay as they are. */
export const WINDOWS_1252_C1 = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ';

/**
 * Node 20's TextDecoder decodes `windows-1252` as ISO-8859-1, so „ “ … – € come out as C1 control characters
 * (U+0080–U+009F), which no real text contains. Mapping them is right on either runtime: a fixed decoder leaves
 * no C1 characters to map.
 */
function fixWindows1252(text: string): string {
  return text.replace(/[\u0080-\u009f]/g, (char) => WINDOWS_1252_C1.charAt(char.charCodeAt(0) - 0x80));
}
