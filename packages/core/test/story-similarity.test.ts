import { describe, expect, it } from 'vitest';
import {
  addToStoryProfile,
  assignStory,
  mergeStoryProfiles,
  type StoryCandidate,
  type StoryFeatures,
  type StoryInput,
  type StoryProfile,
  storyDefaults,
  storyFeatures,
  storyProfileOf,
  storyScore,
} from '../src/index.ts';

// Issue 4: different articles about one event, across outlets and languages, share a story.

// Document frequencies as a database would count them over a background of unrelated news, so
// IDF is realistic: common words weigh little, names and rare words much.
const background = [
  'Government announces new data strategy for public services',
  'Company reports record profits as users grow',
  'Regulator opens consultation on online safety rules',
  'Court rules on data protection complaint against bank',
  'Hospital says patient records were not affected by outage',
  'Minister says privacy law reform will come next year',
  'Tech firm fined over advertising practices in Europe',
  'Police investigate cyber attack on city council',
];
const counted = background.map((title) => storyFeatures({ title, publishedAt: 0 }, () => 0, 0));
const documentFrequency = new Map<string, number>();
for (const features of counted)
  for (const term of features.terms) documentFrequency.set(term, (documentFrequency.get(term) ?? 0) + 1);
const df = (term: string) => documentFrequency.get(term) ?? 0;
const features = (input: StoryInput) => storyFeatures(input, df, background.length);
const story = (storyId: string, ...members: StoryFeatures[]): StoryCandidate => ({
  storyId,
  features: members,
  profile: storyProfileOf(members),
});

const tiktokPress = features({
  title: 'Ireland’s DPC hits TikTok with €530 million fine over data transfers to China',
  summary:
    'The Data Protection Commission said TikTok failed to guarantee that European users’ data sent to China was protected.',
  publishedAt: '2025-05-02T08:00:00Z',
});
const tiktokNotice = features({
  title: 'DPC announces €530 million fine of TikTok',
  summary:
    'The Data Protection Commission has fined TikTok Technology Limited €530 million over transfers of EEA users’ personal data to China.',
  publishedAt: '2025-05-02T10:00:00Z',
});
const cnilGoogle = features({
  title: 'CNIL fines Google €325 million over Gmail ads and cookies',
  summary: 'The French regulator said Google showed ads between emails without consent and placed cookies at sign-up.',
  publishedAt: '2025-09-03T08:00:00Z',
});
const ransomware = features({
  title: 'Hospital ransomware attack exposes patient records',
  summary: 'Patients were notified after criminals encrypted servers at the regional hospital.',
  publishedAt: '2025-09-03T09:00:00Z',
});

describe('assignStory', () => {
  it('puts two articles about one event in one story', () => {
    const decision = assignStory(tiktokNotice, [story('tiktok', tiktokPress)]);
    expect(decision.storyId).toBe('tiktok');
    expect(decision.score).toBeGreaterThanOrEqual(storyDefaults.threshold);
  });

  it('keeps two different events apart', () => {
    expect(assignStory(ransomware, [story('cnil', cnilGoogle)]).storyId).toBeNull();
    expect(assignStory(cnilGoogle, [story('tiktok', tiktokPress, tiktokNotice)]).storyId).toBeNull();
  });

  it('picks the story the item matches best', () => {
    const decision = assignStory(tiktokNotice, [story('cnil', cnilGoogle), story('tiktok', tiktokPress)]);
    expect(decision).toMatchObject({ storyId: 'tiktok', alsoMatched: [] });
  });

  it('ignores members outside the time window, and a story with none inside it', () => {
    const fourDaysLater = { ...tiktokNotice, publishedAt: tiktokPress.publishedAt + 4 * 24 * 60 * 60 * 1000 };
    expect(storyScore(fourDaysLater, story('tiktok', tiktokPress))).toBe(0);
    expect(assignStory(fourDaysLater, [story('tiktok', tiktokPress)]).storyId).toBeNull();
    const twoDaysLater = { ...tiktokNotice, publishedAt: tiktokPress.publishedAt + 2 * 24 * 60 * 60 * 1000 };
    expect(assignStory(twoDaysLater, [story('tiktok', tiktokPress)]).storyId).toBe('tiktok');
  });

  it('does not join on one shared word', () => {
    const loans = features({ title: 'Bad loans weigh on euro zone banks', publishedAt: '2014-03-10T10:00:00Z' });
    const review = features({ title: 'Cosmically bad', publishedAt: '2014-03-10T11:00:00Z' });
    expect(assignStory(review, [story('loans', loans)]).storyId).toBeNull();
  });

  it('breaks ties the same way whatever order the candidates come in (smaller story id)', () => {
    const twin = { ...tiktokPress };
    const forward = assignStory(tiktokNotice, [story('b', tiktokPress), story('a', twin)]);
    const backward = assignStory(tiktokNotice, [story('a', twin), story('b', tiktokPress)]);
    expect(forward.storyId).toBe('a');
    expect(backward).toEqual(forward);
  });

  it('merges two fragments of one event that an item matches both', () => {
    // Early reports of one event, with one name in common: too little to join each other.
    const fine = features({ title: 'Kettleworks fined by ICO', publishedAt: '2026-03-01T08:00:00Z' });
    const leak = features({ title: 'Kettleworks app leak', publishedAt: '2026-03-01T08:30:00Z' });
    expect(assignStory(leak, [story('s1', fine)]).storyId).toBeNull();
    const bridge = features({ title: 'ICO fines Kettleworks after app leak', publishedAt: '2026-03-01T12:00:00Z' });
    const decision = assignStory(bridge, [story('s1', fine), story('s2', leak)]);
    expect(decision.storyId).not.toBeNull();
    expect([decision.storyId, ...decision.alsoMatched].sort()).toEqual(['s1', 's2']);
  });

  it('does not weld two events together because one roundup item mentions both', () => {
    const kettles = features({
      title: 'Alpha Widgets recalls smart kettles',
      summary: 'Alpha Widgets recalls smart kettles.',
      publishedAt: '2026-03-01T08:00:00Z',
    });
    const doorbells = features({
      title: 'Beta Gadgets sued over doorbell cameras',
      summary: 'Beta Gadgets sued over doorbell cameras.',
      publishedAt: '2026-03-01T09:00:00Z',
    });
    const roundup = features({
      title: 'Alpha Widgets recalls smart kettles as Beta Gadgets sued over doorbell cameras',
      summary: 'Alpha Widgets recalls smart kettles; Beta Gadgets sued over doorbell cameras.',
      publishedAt: '2026-03-01T10:00:00Z',
    });
    const decision = assignStory(roundup, [story('kettles', kettles), story('doorbells', doorbells)]);
    expect(decision.storyId).not.toBeNull();
    expect(decision.alsoMatched).toEqual([]);
  });
});

describe('English and French notices of one event', () => {
  // The Canadian OPC publishes each announcement in both languages on the same day.
  const englishTitle = 'Privacy Commissioner of Canada launches investigation into TikTok';
  const frenchTitle = 'Le Commissaire à la protection de la vie privée du Canada lance une enquête sur TikTok';
  const english = features({
    title: englishTitle,
    summary:
      'The Office of the Privacy Commissioner of Canada, together with the privacy authorities of Quebec, British ' +
      'Columbia and Alberta, has launched a joint investigation into the social media platform TikTok. The ' +
      'investigation will examine whether the company obtains valid consent from young users for the collection ' +
      'and use of their personal information.',
    url: 'https://www.priv.gc.ca/en/opc-news/news-and-announcements/2023/an_230223/',
    publishedAt: '2023-02-23T15:00:00Z',
    language: 'en',
  });
  const french = features({
    title: frenchTitle,
    summary:
      'Le Commissariat à la protection de la vie privée du Canada, de concert avec les autorités de protection de ' +
      'la vie privée du Québec, de la Colombie-Britannique et de l’Alberta, a lancé une enquête conjointe sur la ' +
      'plateforme de médias sociaux TikTok. L’enquête permettra de déterminer si l’entreprise obtient un ' +
      'consentement valable des jeunes utilisateurs pour la collecte et l’utilisation de leurs renseignements ' +
      'personnels.',
    url: 'https://www.priv.gc.ca/fr/nouvelles-du-commissariat/nouvelles-et-annonces/2023/an_230223/',
    publishedAt: '2023-02-23T15:00:00Z',
    language: 'fr',
  });
  const frenchOtherEvent = features({
    title: 'La CNIL inflige une amende de 40 millions d’euros à Criteo',
    summary:
      'La formation restreinte de la CNIL a sanctionné la société Criteo d’une amende de 40 millions d’euros, ' +
      'notamment pour ne pas avoir vérifié que les personnes avaient donné leur consentement au traitement de ' +
      'leurs données à des fins de publicité ciblée.',
    publishedAt: '2023-02-23T10:00:00Z',
    language: 'fr',
  });

  it('share the names and, through the French–English table, the vocabulary', () => {
    for (const term of ['tiktok', 'canada', 'quebec', 'alberta', 'privaci', 'investigation', 'commissioner', 'joint']) {
      expect(french.terms).toContain(term);
      expect(english.terms).toContain(term);
    }
  });

  it('match on their headlines alone far more closely than shared names would make them', () => {
    const englishHeadline = features({ title: englishTitle, publishedAt: '2023-02-23T15:00:00Z' });
    const frenchHeadline = features({ title: frenchTitle, publishedAt: '2023-02-23T15:00:00Z' });
    // Without the table only `canada` and `tiktok` are shared, and the score is about half this.
    expect(assignStory(frenchHeadline, [story('opc', englishHeadline)]).score).toBeGreaterThan(0.7);
  });

  it('join one story, while a French notice about another event does not', () => {
    expect(assignStory(french, [story('opc', english)]).storyId).toBe('opc');
    expect(assignStory(english, [story('opc-fr', french)]).storyId).toBe('opc-fr');
    expect(assignStory(frenchOtherEvent, [story('opc', english, french)]).storyId).toBeNull();
  });
});

describe('story profiles', () => {
  it('count each term once per item and keep only the most used terms, the same way every time', () => {
    let profile: StoryProfile | null = null;
    for (const item of [tiktokPress, tiktokNotice]) profile = addToStoryProfile(profile, item, 6);
    expect(profile?.items).toBe(2);
    expect(profile?.terms).toHaveLength(6);
    expect(profile?.terms).toEqual([...(profile?.terms ?? [])].sort());
    const tiktok = profile?.terms.indexOf('tiktok') ?? -1;
    expect(profile?.counts[tiktok]).toBe(2);
    expect(addToStoryProfile(addToStoryProfile(null, tiktokPress, 6), tiktokNotice, 6)).toEqual(profile);
  });

  it('merge by adding counts and spans, and stay plain JSON', () => {
    const a = storyProfileOf([tiktokPress]) as StoryProfile;
    const b = storyProfileOf([tiktokNotice]) as StoryProfile;
    const merged = mergeStoryProfiles(a, b);
    expect(merged).toEqual(storyProfileOf([tiktokPress, tiktokNotice]));
    expect(merged.firstPublishedAt).toBe(tiktokPress.publishedAt);
    expect(merged.lastPublishedAt).toBe(tiktokNotice.publishedAt);
    expect(JSON.parse(JSON.stringify(merged))).toEqual(merged);
  });
});

describe('storyFeatures', () => {
  it('reads the words of the article URL’s slug, not its ids', () => {
    const withSlug = features({
      title: 'Cosmically bad',
      url: 'http://www.example.com/blogs/2014/03/10/cosmos-reboot-fox-review-1540338494',
      publishedAt: '2014-03-10T10:00:00Z',
    });
    expect(withSlug.terms).toEqual(expect.arrayContaining(['cosmo', 'reboot', 'fox', 'review']));
    expect(withSlug.terms.some((term) => /^\d+$/.test(term))).toBe(false);
  });
});
