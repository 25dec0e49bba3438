import { describe, expect, it } from 'vitest';
import { type ItemTags, rollUpTags, type Tag, tagItem, tagTopics } from '../src/index.ts';

const ids = (tags: readonly Tag[]) => tags.map((tag) => tag.id);

describe('tagTopics', () => {
  it.each([
    ['Police use live facial recognition at festival', ['biometrics', 'surveillance']],
    ['CNIL fines publisher over cookie banners without a reject button', ['cookies-adtech', 'enforcement']],
    ['Hackers leak patient records from NHS supplier', ['data-breaches', 'health-data', 'security']],
    ['EDPB issues guidance on standard contractual clauses', ['international-transfers', 'legislation']],
    ['Age verification for porn sites under the Online Safety Act', ['children', 'online-safety']],
    ['Data broker sold location data of abortion clinic visitors', ['data-brokers', 'health-data', 'location-data']],
    ['Employer used keystroke monitoring software on remote workers', ['employment', 'surveillance']],
    ['Chatbot trained on users’ messages without consent', ['ai', 'consent-transparency']],
    ['Council ignored subject access requests for two years', ['data-subject-rights', 'public-sector']],
    ['Class action says bank shared customers’ credit card data', ['financial-data', 'litigation']],
    ['Firm fined for 2m nuisance calls', ['enforcement', 'marketing']],
  ])('%s', (title, expected) => {
    expect(ids(tagTopics({ title }))).toEqual(expected);
  });

  it('does not read cookies in the kitchen', () => {
    expect(ids(tagTopics({ title: 'Best chocolate chip cookies to bake this weekend' }))).toEqual([]);
  });

  it('adds the source’s categories that map to a topic', () => {
    const tags = tagTopics({
      title: 'Shop cameras flag innocent customer',
      labels: { categories: ['Facial recognition'] },
    });
    expect(tags.find((tag) => tag.id === 'biometrics')?.evidence).toEqual([
      { rule: 'source-label', phrase: 'Facial recognition', field: 'labels' },
    ]);
  });
});

describe('tagItem', () => {
  const item = {
    title: 'Irish DPC fines Meta’s Instagram €405m over children’s data',
    summary: 'The Data Protection Commission found that Instagram exposed teenagers’ contact details.',
    content:
      'The Data Protection Commission found that Instagram exposed teenagers’ contact details.\n' +
      'Meta said it would appeal.\n' +
      'Related: TikTok fined €345m by the DPC\n' +
      'Jane Doe is a reporter who lives in Paris, France.',
  };

  it('tags every dimension, each tag with evidence, ids sorted', () => {
    const tags = tagItem(item);
    expect(ids(tags.platforms)).toEqual(['instagram', 'meta']);
    expect(ids(tags.jurisdictions)).toEqual(['IE']);
    expect(ids(tags.topics)).toEqual(['children', 'data-breaches', 'enforcement']);
    for (const tag of [...tags.platforms, ...tags.jurisdictions, ...tags.topics]) {
      expect(tag.evidence.length, tag.id).toBeGreaterThan(0);
      expect(tag.evidence.length, tag.id).toBeLessThanOrEqual(5);
    }
    expect(tags.jurisdictions[0]?.evidence).toEqual([
      { rule: 'authority:ie-dpc', phrase: 'Irish DPC', field: 'title' },
      { rule: 'authority:ie-dpc', phrase: 'Data Protection Commission', field: 'lead' },
    ]);
  });

  it('gives the same answer for the same input, and is JSON', () => {
    const tags = tagItem(item);
    expect(tagItem(item)).toEqual(tags);
    expect(JSON.parse(JSON.stringify(tags))).toEqual(tags);
  });
});

describe('rollUpTags', () => {
  it('gives a story the union of its items’ tags, the primary item’s evidence first', () => {
    const primary: ItemTags = tagItem({ title: 'ICO fines TikTok £12.7m over children’s data' });
    const other: ItemTags = tagItem({ title: 'TikTok to appeal UK fine, says Bytedance' });
    const story = rollUpTags([primary, other]);
    expect(ids(story.platforms)).toEqual(['bytedance', 'tiktok']);
    expect(ids(story.jurisdictions)).toEqual(['GB']);
    expect(story.jurisdictions[0]?.evidence[0]).toEqual({ rule: 'authority:ico', phrase: 'ICO', field: 'title' });
    expect(story.platforms.find((tag) => tag.id === 'bytedance')?.evidence).toEqual([
      { rule: 'parent-of:tiktok', phrase: 'TikTok', field: 'title' },
      { rule: 'name', phrase: 'Bytedance', field: 'title' },
    ]);
  });
});
