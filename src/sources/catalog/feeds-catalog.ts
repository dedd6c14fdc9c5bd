import type { SourceDeclaration } from '../../domain/source.ts';

interface FeedEntry {
  readonly outlet: string;
  readonly name: string;
  readonly title: string;
  readonly url: string;
  readonly language: 'en' | 'de';
}

/** AI news: the vendors' own feeds, major outlets' AI sections, and German tech press. */
const FEEDS: readonly FeedEntry[] = [
  { outlet: 'openai', name: 'news', title: 'OpenAI News', url: 'https://openai.com/news/rss.xml', language: 'en' },
  {
    outlet: 'google',
    name: 'deepmind-blog',
    title: 'Google DeepMind Blog',
    url: 'https://deepmind.google/blog/rss.xml',
    language: 'en',
  },
  {
    outlet: 'google',
    name: 'ai-blog',
    title: 'Google: AI',
    url: 'https://blog.google/technology/ai/rss/',
    language: 'en',
  },
  {
    outlet: 'microsoft',
    name: 'ai-blog',
    title: 'Microsoft AI Blog',
    url: 'https://blogs.microsoft.com/ai/feed/',
    language: 'en',
  },
  {
    outlet: 'huggingface',
    name: 'blog',
    title: 'Hugging Face Blog',
    url: 'https://huggingface.co/blog/feed.xml',
    language: 'en',
  },
  {
    outlet: 'github',
    name: 'changelog-copilot',
    title: 'GitHub Changelog: Copilot',
    url: 'https://github.blog/changelog/label/copilot/feed/',
    language: 'en',
  },
  {
    outlet: 'theverge',
    name: 'ai',
    title: 'The Verge: AI',
    url: 'https://www.theverge.com/rss/ai-artificial-intelligence/index.xml',
    language: 'en',
  },
  {
    outlet: 'techcrunch',
    name: 'ai',
    title: 'TechCrunch: AI',
    url: 'https://techcrunch.com/category/artificial-intelligence/feed/',
    language: 'en',
  },
  {
    outlet: 'arstechnica',
    name: 'ai',
    title: 'Ars Technica: AI',
    url: 'https://arstechnica.com/ai/feed/',
    language: 'en',
  },
  {
    outlet: 'venturebeat',
    name: 'ai',
    title: 'VentureBeat: AI',
    url: 'https://venturebeat.com/category/ai/feed/',
    language: 'en',
  },
  {
    outlet: 'technologyreview',
    name: 'ai',
    title: 'MIT Technology Review: AI',
    url: 'https://www.technologyreview.com/topic/artificial-intelligence/feed',
    language: 'en',
  },
  {
    outlet: 'wired',
    name: 'ai',
    title: 'WIRED: AI',
    url: 'https://www.wired.com/feed/tag/ai/latest/rss',
    language: 'en',
  },
  {
    outlet: 'heise',
    name: 'news',
    title: 'heise online',
    url: 'https://www.heise.de/rss/heise-atom.xml',
    language: 'de',
  },
  {
    outlet: 'golem',
    name: 'news',
    title: 'Golem.de',
    url: 'https://rss.golem.de/rss.php?feed=ATOM1.0',
    language: 'de',
  },
  {
    outlet: 't3n',
    name: 'ki',
    title: 't3n: Künstliche Intelligenz',
    url: 'https://t3n.de/tag/kuenstliche-intelligenz/rss.xml',
    language: 'de',
  },
  { outlet: 'the-decoder', name: 'news', title: 'THE DECODER', url: 'https://the-decoder.de/feed/', language: 'de' },
  {
    outlet: 'netzpolitik',
    name: 'news',
    title: 'netzpolitik.org',
    url: 'https://netzpolitik.org/feed/',
    language: 'de',
  },
];

export const feedsCatalog: readonly SourceDeclaration[] = FEEDS.map((entry) => ({
  id: `${entry.outlet}/${entry.name}`,
  kind: 'feed',
  vendor: entry.outlet,
  title: entry.title,
  url: entry.url,
  select: [],
  remove: [],
  language: entry.language,
}));
