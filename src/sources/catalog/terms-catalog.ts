import type { BrowserMode, SourceDeclaration } from '../../domain/source.ts';

interface TermsEntry {
  readonly vendor: string;
  readonly document: string;
  readonly title: string;
  readonly url: string;
  readonly select: readonly string[];
  readonly remove?: readonly string[];
  /** `always` where public trackers mark the page as rendering only with scripts; else the configured default. */
  readonly browser?: BrowserMode;
}

const OPENAI_REMOVE = ['select[name="Locale Select"]', 'main .sr-only'];
const XAI_SELECT = ['body > header + section'];
const XAI_REMOVE = ['[href="/legal"]:first-child'];

/**
 * The terms documents that matter most to teams building on AI vendors: one declaration per document.
 * URLs and body selectors follow the declarations public terms trackers maintain (Open Terms Archive).
 */
const TERMS: readonly TermsEntry[] = [
  {
    vendor: 'anthropic',
    document: 'consumer-terms',
    title: 'Consumer Terms of Service',
    url: 'https://www.anthropic.com/legal/consumer-terms',
    select: ['main'],
  },
  {
    vendor: 'anthropic',
    document: 'commercial-terms',
    title: 'Commercial Terms of Service',
    url: 'https://www.anthropic.com/legal/commercial-terms',
    select: ['main'],
  },
  {
    vendor: 'anthropic',
    document: 'usage-policy',
    title: 'Usage Policy',
    url: 'https://www.anthropic.com/legal/aup',
    select: ['main'],
  },
  {
    vendor: 'anthropic',
    document: 'privacy-policy',
    title: 'Privacy Policy',
    url: 'https://www.anthropic.com/legal/privacy',
    select: ['main'],
  },
  {
    vendor: 'openai',
    document: 'terms-of-use',
    title: 'Terms of Use',
    url: 'https://openai.com/policies/row-terms-of-use/',
    select: ['main'],
    remove: OPENAI_REMOVE,
    browser: 'always',
  },
  {
    vendor: 'openai',
    document: 'eu-terms-of-use',
    title: 'EU Terms of Use',
    url: 'https://openai.com/policies/eu-terms-of-use/',
    select: ['main'],
    remove: OPENAI_REMOVE,
    browser: 'always',
  },
  {
    vendor: 'openai',
    document: 'usage-policies',
    title: 'Usage Policies',
    url: 'https://openai.com/policies/usage-policies/',
    select: ['main'],
    remove: OPENAI_REMOVE,
    browser: 'always',
  },
  {
    vendor: 'openai',
    document: 'services-agreement',
    title: 'Services Agreement',
    url: 'https://openai.com/policies/services-agreement/',
    select: ['main'],
    remove: OPENAI_REMOVE,
    browser: 'always',
  },
  {
    vendor: 'openai',
    document: 'service-terms',
    title: 'Service Terms',
    url: 'https://openai.com/policies/service-terms/',
    select: ['main'],
    remove: OPENAI_REMOVE,
    browser: 'always',
  },
  {
    vendor: 'google',
    document: 'gemini-api-terms',
    title: 'Gemini API Additional Terms of Service',
    url: 'https://ai.google.dev/gemini-api/terms',
    select: ['.devsite-article-body'],
  },
  {
    vendor: 'google',
    document: 'generative-ai-terms',
    title: 'Generative AI Additional Terms of Service',
    url: 'https://policies.google.com/terms/generative-ai?hl=en-GB&gl=IE',
    select: ['[role="article"]'],
    remove: ["img[src$='.svg']"],
  },
  {
    vendor: 'google',
    document: 'generative-ai-use-policy',
    title: 'Generative AI Prohibited Use Policy',
    url: 'https://policies.google.com/terms/generative-ai/use-policy?hl=en-GB&gl=IE',
    select: ['[role="article"]'],
  },
  {
    vendor: 'xai',
    document: 'terms-of-service',
    title: 'Terms of Service (Consumer)',
    url: 'https://x.ai/legal/terms-of-service',
    select: XAI_SELECT,
    remove: XAI_REMOVE,
  },
  {
    vendor: 'xai',
    document: 'enterprise-terms',
    title: 'Terms of Service (Enterprise)',
    url: 'https://x.ai/legal/terms-of-service-enterprise',
    select: XAI_SELECT,
    remove: XAI_REMOVE,
  },
  {
    vendor: 'xai',
    document: 'acceptable-use-policy',
    title: 'Acceptable Use Policy',
    url: 'https://x.ai/legal/acceptable-use-policy',
    select: XAI_SELECT,
    remove: XAI_REMOVE,
  },
  {
    vendor: 'mistral',
    document: 'terms-of-service',
    title: 'Terms of Service',
    url: 'https://mistral.ai/terms/',
    select: [
      '#terms-of-service',
      '#additional-terms-for-consumers',
      '#additional-product-terms',
      '#additional-terms-for-ai-laws-responsibilities',
    ],
  },
  {
    vendor: 'mistral',
    document: 'partner-deployment-terms',
    title: 'Partner-Served Deployment Terms',
    url: 'https://mistral.ai/terms/',
    select: ['#partner-served-deployment-terms'],
  },
  {
    vendor: 'meta',
    document: 'llama-license',
    title: 'Llama 4 Community License Agreement',
    url: 'https://www.llama.com/llama4/license/',
    select: ['main'],
  },
  {
    vendor: 'meta',
    document: 'llama-acceptable-use-policy',
    title: 'Llama 4 Acceptable Use Policy',
    url: 'https://www.llama.com/llama4/use-policy/',
    select: ['main'],
  },
  {
    vendor: 'meta',
    document: 'llama-api-terms',
    title: 'Llama API Terms of Service',
    url: 'https://llama.developer.meta.com/legal/terms-of-service',
    select: ['[data-pagelet="LLMDCPageMainContent"]'],
    browser: 'always',
  },
  {
    vendor: 'cursor',
    document: 'terms-of-service',
    title: 'Terms of Service',
    url: 'https://cursor.com/terms-of-service',
    select: ['.page'],
    browser: 'always',
  },
  {
    vendor: 'cursor',
    document: 'privacy-policy',
    title: 'Privacy Policy',
    url: 'https://cursor.com/privacy',
    select: ['.page'],
    browser: 'always',
  },
  {
    vendor: 'windsurf',
    document: 'terms-of-service',
    title: 'Terms of Service (Individual)',
    url: 'https://windsurf.com/terms-of-service-individual',
    select: ['article'],
    browser: 'always',
  },
  {
    vendor: 'windsurf',
    document: 'enterprise-terms',
    title: 'Enterprise Terms of Service',
    url: 'https://windsurf.com/terms-of-service-enterprise',
    select: ['article'],
    browser: 'always',
  },
  {
    vendor: 'github',
    document: 'copilot-terms',
    title: 'Terms for Additional Products and Features (Copilot)',
    url: 'https://docs.github.com/en/site-policy/github-terms/github-terms-for-additional-products-and-features',
    select: ['#title-h1', '.markdown-body'],
  },
  {
    vendor: 'github',
    document: 'terms-of-service',
    title: 'GitHub Terms of Service',
    url: 'https://docs.github.com/en/site-policy/github-terms/github-terms-of-service',
    select: ['#title-h1', '.markdown-body'],
  },
  {
    vendor: 'deepseek',
    document: 'terms-of-use',
    title: 'Terms of Use',
    url: 'https://cdn.deepseek.com/policies/en-US/deepseek-terms-of-use.html',
    select: ['#write'],
    browser: 'always',
  },
  {
    vendor: 'deepseek',
    document: 'open-platform-terms',
    title: 'Open Platform Terms of Service',
    url: 'https://cdn.deepseek.com/policies/en-US/deepseek-open-platform-terms-of-service.html',
    select: ['#write'],
    browser: 'always',
  },
  {
    vendor: 'perplexity',
    document: 'api-terms',
    title: 'API Terms of Service',
    url: 'https://www.perplexity.ai/hub/legal/perplexity-api-terms-of-service',
    select: ['[data-framer-name=Post]'],
    browser: 'always',
  },
];

export const termsCatalog: readonly SourceDeclaration[] = TERMS.map((entry) => ({
  id: `${entry.vendor}/${entry.document}`,
  kind: 'terms',
  vendor: entry.vendor,
  title: entry.title,
  url: entry.url,
  select: entry.select,
  remove: entry.remove ?? [],
  language: 'en',
  ...(entry.browser === undefined ? {} : { browser: entry.browser }),
}));
