// How deep a page nests its elements, estimated in one linear pass before a real HTML parser sees it. Both of
// cheerio's parsers slow down quadratically on unclosed nesting (parse5 takes ~3 s for 20,000 open <div>s), and
// browsers stop building the tree at depth 512 anyway, so a page nested thousands deep is hostile or broken.

/** Elements without content. */
const VOID = new Set(
  'area base br col embed hr img input link meta param source track wbr keygen basefont bgsound frame'.split(' '),
);
/** Elements whose end tag may be left out (the parser closes them): counting them would overestimate. */
const OPTIONAL_END = new Set(
  'p li dt dd option optgroup tr td th tbody thead tfoot colgroup caption rb rt rp rtc html head body'.split(' '),
);
/** Elements whose content is text, not markup: a "<div" inside a script is no element. */
const RAW_TEXT = new Set(['script', 'style', 'textarea', 'title', 'xmp', 'noscript', 'template']);

const TAG_NAME = /<(\/?)([A-Za-z][A-Za-z0-9-]*)/y;

/**
 * The deepest nesting of elements in `html`, counting start tags against end tags; elements that close themselves
 * (void, optional end tags, `/>`) do not count. An estimate from above for sloppy real pages, exact enough to tell a
 * page nested a few dozen deep from one nested thousands deep. Stops counting once `limit` is passed.
 */
export function estimateNestingDepth(html: string, limit: number): number {
  let depth = 0;
  let deepest = 0;
  let lower: string | undefined;
  for (let at = html.indexOf('<'); at !== -1 && deepest <= limit; at = html.indexOf('<', at + 1)) {
    TAG_NAME.lastIndex = at;
    const match = TAG_NAME.exec(html);
    if (match === null) continue;
    const end = html.indexOf('>', TAG_NAME.lastIndex);
    if (end === -1) break;
    const name = (match[2] ?? '').toLowerCase();
    if (match[1] === '/') {
      if (!OPTIONAL_END.has(name) && !VOID.has(name)) depth = Math.max(0, depth - 1);
    } else if (RAW_TEXT.has(name)) {
      lower ??= html.toLowerCase();
      const close = lower.indexOf(`</${name}`, end);
      if (close === -1) break;
      at = close;
      continue;
    } else if (!VOID.has(name) && !OPTIONAL_END.has(name) && html.charAt(end - 1) !== '/') {
      deepest = Math.max(deepest, ++depth);
    }
    at = end;
  }
  return deepest;
}
