export { renderAtom } from './atom.ts';
export {
  type ConditionalHeaders,
  type CurrentRepresentation,
  entityTag,
  isNotModified,
  lastModified,
} from './conditional-get.ts';
export { renderConfirmationEmail } from './email/confirmation-email.ts';
export { renderRoundupEmail, renderRoundupText, roundupSubject } from './email/roundup-email.ts';
export type { ConfirmationEmailInput, RenderedEmail, RoundupEmailLinks } from './email/types.ts';
export { maxStoryOutlets, newestEntryDate } from './entries.ts';
export { renderFeedPage } from './feed-page.ts';
export { feedStylesheet, feedStylesheetPath } from './feed-stylesheet.ts';
export { html, type SafeHtml, textToHtml } from './html.ts';
export { renderJsonFeed } from './json-feed.ts';
export { feedMediaTypes } from './media-types.ts';
export { renderOpml } from './opml.ts';
export {
  type AddSourceForm,
  type ConsoleAuditRow,
  type ConsoleFormContext,
  type ConsolePageContext,
  type ConsoleSection,
  type ConsoleSourceRow,
  type ConsoleStoryItem,
  type ConsoleStoryView,
  consoleAuditBody,
  consoleForm,
  consoleRoundupBody,
  consoleSections,
  consoleSourcesBody,
  consoleStyleSource,
  csrfField,
  renderConsoleLoginPage,
  renderConsolePage,
  renderConsoleStory,
  sourceAlertsSection,
} from './pages/console/index.ts';
export {
  type EditionPreview,
  type FilterChoice,
  type NewsfeedFilter,
  type NewsfeedPage,
  type PageStory,
  type PageStoryItem,
  pageStyleSource,
  preferencesInWords,
  renderCheckInboxPage,
  renderConfirmedPage,
  renderConfirmPage,
  renderFeedViewPage,
  renderManagePage,
  renderNewsfeedPage,
  renderNoticePage,
  renderRoundupsPage,
  renderSourcesPage,
  renderStoryPage,
  renderSubscribePage,
  renderUnsubscribedPage,
  renderUnsubscribePage,
  type SourcesPageRow,
  type StoryPageInput,
  storyPageItemLimit,
} from './pages/index.ts';
export { renderRss } from './rss.ts';
export { linkTarget, sanitiseHtml } from './sanitise.ts';
export type {
  Entry,
  FeedAlternate,
  FeedDocument,
  FeedGenerator,
  ItemEntry,
  OpmlDocument,
  OpmlFeed,
  OpmlFolder,
  StoryEntry,
  StoryEntryItem,
} from './types.ts';
export { type WebhookPayload, webhookPayload } from './webhooks/webhook-payload.ts';
