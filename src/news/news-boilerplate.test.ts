// Boilerplate removal's own cases live in summarize-news.test.ts; this proves the shortcut for unmarked text
// (one literal pass instead of four expressions) changes nothing.
import { describe, expect, it } from 'vitest';
import { removeBoilerplate, removeBoilerplateFully } from './news-boilerplate.ts';
import { seededRandom } from './test-strings.ts';

const PIECES = [
  ...['The post', 'Der Beitrag', 'appeared first on', 'erschien zuerst auf', 'Example', 'Read more', 'Read More'],
  ...['Weiterlesen', 'mehr', 'Mehr', '…', '...', '[…]', '(mehr…)', '(more)', '» mehr', '› mehr', 'Continue reading'],
  ...['Lire la suite', 'Zum Artikel', 'Lesen Sie weiter', '(Bild: heise online)', '[Photo: Reuters]', 'Photo:'],
  ...['Getty Images', 'By Jane Doe |', 'Von Max Mustermann –', 'Advertisement', 'Anzeige', 'Share this:'],
  ...['Image credit: AFP', 'Updated on 12 May 2025', 'Listen to this article', '(', ')', '[', ']', '|', ':'],
  ...['Anthropic', 'cuts', 'prices', 'Die Änderung gilt', 'ab Montag', 'first', 'on', 'Keep', 'reading'],
];
const SEPARATORS = [' ', ' ', ' ', '. ', ', ', '\n', '\r\n', '\r', '  ', '\t', '', ' - '];

describe('removeBoilerplate', () => {
  it('equals running every expression, on random teasers with and without markers', () => {
    const random = seededRandom(53);
    const pick = (list: readonly string[]): string => list[Math.floor(random() * list.length)] ?? '';
    let unmarked = 0;
    for (let round = 0; round < 4000; round++) {
      const text = Array.from({ length: Math.floor(random() * 14) }, () => pick(PIECES) + pick(SEPARATORS)).join('');
      expect(removeBoilerplate(text), JSON.stringify(text)).toEqual(removeBoilerplateFully(text));
      if (!/[\n\r([]|mehr|Read |first on|zuerst auf/.test(text)) unmarked++;
    }
    expect(unmarked).toBeGreaterThan(200);
  });
});
