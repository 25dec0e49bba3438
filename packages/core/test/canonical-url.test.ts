import { describe, expect, it } from 'vitest';
import { absoluteHttpUrl, canonicalUrl } from '../src/index.ts';

describe('canonicalUrl', () => {
  it('folds cosmetic and tracking variants of one article into one key', () => {
    const variants = [
      'https://www.example.com/news/story/',
      'http://example.com/news/story',
      'https://EXAMPLE.com/news/story?utm_source=rss&utm_medium=feed',
      'https://example.com/news/story#comments',
      'https://m.example.com/news/story?fbclid=abc',
      'https://example.com/news/story/amp/',
      'https://amp.example.com/news/story',
      'https://example.com:443/news//story',
    ];
    const keys = new Set(variants.map((url) => canonicalUrl(url)));
    expect([...keys]).toEqual(['example.com/news/story']);
  });

  it('keeps parameters that identify the document, sorted', () => {
    expect(canonicalUrl('https://example.com/view?b=2&id=7&utm_campaign=x&a=1')).toBe('example.com/view?a=1&b=2&id=7');
  });

  it('keeps distinct documents distinct', () => {
    expect(canonicalUrl('https://example.com/a')).not.toBe(canonicalUrl('https://example.com/b'));
    expect(canonicalUrl('https://example.com/view?id=1')).not.toBe(canonicalUrl('https://example.com/view?id=2'));
    expect(canonicalUrl('https://example.com:8443/a')).toBe('example.com:8443/a');
  });

  it('resolves relative links against the feed URL', () => {
    expect(canonicalUrl('/en/news/2026/notice/', 'https://www.priv.gc.ca/en/rss/pipeda/')).toBe(
      'priv.gc.ca/en/news/2026/notice',
    );
  });

  it('refuses what is not an http(s) URL', () => {
    for (const bad of [
      'javascript:alert(1)',
      'mailto:a@b.c',
      'ftp://example.com/x',
      'not a url',
      '',
      undefined,
      null,
    ]) {
      expect(canonicalUrl(bad)).toBeNull();
    }
  });
});

describe('absoluteHttpUrl', () => {
  it('resolves relative links, drops credentials and keeps the fragment', () => {
    expect(absoluteHttpUrl('/a#b', 'https://x.org/feed')).toBe('https://x.org/a#b');
    expect(absoluteHttpUrl('https://user:pw@x.org/a')).toBe('https://x.org/a');
    expect(absoluteHttpUrl('javascript:void(0)', 'https://x.org/')).toBeNull();
  });
});
