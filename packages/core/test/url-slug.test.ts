import { describe, expect, it } from 'vitest';
import { urlSlugText } from '../src/index.ts';

describe('urlSlugText', () => {
  it('reads the headline words of a slug, ids and extensions dropped', () => {
    expect(
      urlSlugText(
        'http://www.kmov.com/news/technology/Reading-app-helps-readers-to-read-600-words-per-minute-248986891.html',
      ),
    ).toBe('Reading app helps readers to read 600 words per minute');
    expect(urlSlugText('http://www.nasdaq.com/article/us-futures-mixed-to-lower-chinese-data-weighs-cm333648')).toBe(
      'us futures mixed to lower chinese data weighs',
    );
  });

  it('prefers the segment with the most words and skips sections, dates and ids', () => {
    expect(urlSlugText('https://www.priv.gc.ca/en/opc-news/news-and-announcements/2023/an_230223/')).toBe(
      'news and announcements',
    );
    expect(urlSlugText('http://technology.canoe.ca/News/2014/03/10/21524161.html')).toBe('');
    expect(urlSlugText('http://in.reuters.com/article/2014/03/10/us-ecb-refi-poll-idINBREA290VH20140310')).toBe(
      'us ecb refi poll',
    );
  });

  it('returns nothing for a missing or unreadable URL', () => {
    expect(urlSlugText(null)).toBe('');
    expect(urlSlugText('not a url')).toBe('');
  });
});
