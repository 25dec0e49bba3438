import { type EditionContent, type EditionStory, platformCatalog, roundupZone, topicCatalog } from '@regwatch/core';

/** "Week 38". */
export function weekLabel(edition: EditionContent): string {
  const number = /-W(\d{2})$/.exec(edition.week)?.[1];
  return number === undefined ? edition.week : `Week ${Number(number)}`;
}

const dateParts = new Intl.DateTimeFormat('en-GB', {
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  timeZone: roundupZone,
});

function londonDate(iso: string): { day: string; month: string; year: string } {
  const parts = Object.fromEntries(dateParts.formatToParts(new Date(iso)).map((part) => [part.type, part.value]));
  return { day: parts.day ?? '', month: parts.month ?? '', year: parts.year ?? '' };
}

/**
 * "13–20 September 2024" (or "30 August – 6 September 2024", "27 December 2024 – 3 January
 * 2025"): the edition's period in London, from its opening to its closing Friday.
 */
export function periodLabel(edition: EditionContent): string {
  const from = londonDate(edition.since);
  const to = londonDate(edition.until);
  if (from.year !== to.year) return `${from.day} ${from.month} ${from.year} – ${to.day} ${to.month} ${to.year}`;
  if (from.month !== to.month) return `${from.day} ${from.month} – ${to.day} ${to.month} ${to.year}`;
  return `${from.day}–${to.day} ${to.month} ${to.year}`;
}

/** "Week 38 · 13–20 September 2024". */
export function editionHeading(edition: EditionContent): string {
  return `${weekLabel(edition)} · ${periodLabel(edition)}`;
}

const dayMonth = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', timeZone: roundupZone });

/** What a DPO would call the story: a regulator's or court's act by its topic, else news or outreach. */
export function newsKindLabel(story: EditionStory): string {
  if (story.newsKind === 'action') {
    if (story.topics.includes('enforcement')) return 'Fine/decision';
    if (story.topics.includes('litigation')) return 'Court case';
    if (story.topics.includes('legislation')) return 'Law/guidance';
    return 'Regulator action';
  }
  return story.newsKind === 'outreach' ? 'Outreach' : 'News';
}

/** The story's meta line: kind, date, platforms and topics in words ("Fine/decision · 17 Sept · LinkedIn · Children"). */
export function storyMetaLine(story: EditionStory): string {
  const platforms = story.platforms.map((id) => platformCatalog.get(id)?.name ?? id);
  const topics = story.topics.map((id) => topicCatalog.get(id)?.name ?? id);
  return [
    newsKindLabel(story),
    dayMonth.format(new Date(story.firstPublishedAt)),
    platforms.join(', '),
    topics.join(', '),
  ]
    .filter((part) => part !== '')
    .join(' · ');
}

export function plural(count: number, one: string, many: string): string {
  return `${count} ${count === 1 ? one : many}`;
}

/** "12 stories this week from 9 outlets." */
export function countLine(edition: EditionContent): string {
  if (edition.storyCount === 0) return 'No stories this week.';
  const outlets = new Set(
    edition.sections.flatMap((s) => s.stories.flatMap((story) => story.links.map((l) => l.source.id))),
  );
  const leftOut =
    edition.outreachLeftOut > 0
      ? ` ${plural(edition.outreachLeftOut, 'event or campaign', 'events and campaigns')} left out.`
      : '';
  return `${plural(edition.storyCount, 'story', 'stories')} this week from ${plural(outlets.size, 'outlet', 'outlets')}.${leftOut}`;
}
