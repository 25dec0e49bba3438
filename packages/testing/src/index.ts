export {
  type AccessibilityViolation,
  chromiumPath,
  launchBrowser,
  seriousAccessibilityViolations,
} from './browser.ts';
export { corpusDir, corpusPath, corpusProblem } from './corpus.ts';
export { testEnv } from './env.ts';
export { type FeedparserEntry, type FeedparserReport, readWithFeedparser } from './feedparser.ts';
export { feedItemTitle, rssFeed } from './feeds.ts';
export { freePort } from './free-port.ts';
export { type FixtureServer, feedHandler, type Handler, startFixtureServer } from './http-server.ts';
export {
  createTestDatabase,
  dropDatabase,
  ensureTemplate,
  freshDatabaseName,
  migrationsFolder,
  type TestDatabase,
  testServerUrl,
} from './postgres.ts';
export { type PrivatePostgres, startPrivatePostgres } from './private-postgres.ts';
export { type PrivateRedis, startPrivateRedis } from './private-redis.ts';
export { deletePrefix, testRedisUrl, uniquePrefix } from './redis.ts';
export {
  type ReceivedMessage,
  type SmtpReceiver,
  type SmtpReceiverOptions,
  type SmtpRefusal,
  startSmtpReceiver,
} from './smtp-receiver.ts';
export { testSource } from './sources.ts';
export { waitFor } from './wait.ts';
