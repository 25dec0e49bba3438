export {
  apiKeyPrefix,
  apiKeyRandomBytes,
  type Credential,
  type GeneratedApiKey,
  generateApiKey,
  hashApiKey,
  isApiKeyPrefix,
  parseAuthorization,
} from './auth/api-key.ts';
export {
  type ConsoleSession,
  decodeConsoleSession,
  encodeConsoleSession,
  sessionRefusal,
} from './auth/console-session.ts';
export { hashPassword, minimumPasswordLength, passwordProblem, verifyPassword } from './auth/password.ts';
export {
  automaticMerges,
  Correction,
  type CorrectionKind,
  correctedTags,
  correctionValidator,
  type EditorMarks,
  type EditorTag,
  type TagDimension,
  tagDimensions,
  withEditorTag,
} from './corrections/index.ts';
export { decodeCursor, encodeCursor, type KeysetPosition } from './cursor.ts';
export {
  actionTopics,
  type NewsKind,
  type NewsKindInput,
  type NewsKindVerdict,
  newsKind,
} from './digest/news-kind.ts';
export {
  compareDigestEntries,
  type DigestCandidate,
  type DigestRanking,
  type RankedDigestEntry,
  rankDigest,
} from './digest/rank-digest.ts';
export { type ErrorCode, errorCodes, isRegwatchError, RegwatchError } from './errors.ts';
export { type NewsFilter, type NewsFilterQuery, newsFilter } from './filter/news-filter.ts';
export { sha256Hex } from './hash.ts';
export { isRetryableArticleFailure, needsArticlePage, withArticleText } from './item/article-page.ts';
export {
  itemDedupKey,
  itemLimits,
  type NormaliseContext,
  type NormaliseResult,
  normaliseEntry,
  primaryLanguage,
} from './item/normalise.ts';
export { isSameText, sameTextKey, type TextOfItem } from './item/same-text-key.ts';
export { eeaMembers, euMembers, expandJurisdictions } from './jurisdiction/blocs.ts';
export { blocCodes, checkJurisdiction, countryCodes, type JurisdictionCheck } from './jurisdiction/codes.ts';
export { jurisdictionName } from './jurisdiction/names.ts';
export {
  type AddressVerdict,
  blockedRange,
  type Cidr,
  checkAddress,
  cidrContains,
  formatCidr,
  formatIp,
  type IpAddress,
  parseCidr,
  parseIp,
} from './net/ip-ranges.ts';
export {
  type NewsPageInput,
  type NewsPageVerdict,
  type NonNewsReason,
  newsPageVerdict,
} from './relevance/news-page.ts';
export { type PrivacyRelevance, type PrivacyRelevanceInput, privacyRelevance } from './relevance/privacy-relevance.ts';
export {
  composeEdition,
  type EditionContent,
  type EditionLink,
  type EditionSection,
  type EditionStory,
  type EditionStoryInput,
  editionFor,
  editionSectionOf,
  editionSections,
  editionStoryMatches,
} from './roundup/edition.ts';
export {
  currentEditionWeek,
  type EditionWeek,
  editionBuildAt,
  editionPeriod,
  isoWeekPeriod,
  lastCompleteWeek,
  nextEditionBuildAt,
  nextEditionWeek,
  parseEditionWeek,
  previousEditionWeek,
  roundupCron,
  roundupHour,
  roundupWeekday,
  roundupZone,
  weekOf,
} from './roundup/edition-week.ts';
export { emailDomain, maxEmailLength, normaliseEmailAddress } from './roundup/email-address.ts';
export {
  normaliseRoundupPreferences,
  type RoundupPreferences,
  roundupFilter,
  roundupPreferenceKeys,
  roundupPreferencesKey,
} from './roundup/preferences.ts';
export {
  confirmTokenLifetimeMs,
  isRoundupTokenCurrent,
  type RoundupToken,
  signRoundupToken,
  type TokenPurpose,
  tokenPurposes,
  verifyRoundupToken,
} from './roundup/tokens.ts';
export { isSlug, slugPattern } from './slug.ts';
export {
  checkNewSource,
  type NewSourceDefinition,
  type NewSourceInput,
} from './source/new-source.ts';
export {
  alertWeeks,
  describeSourceAlert,
  type SourceAlert,
  type SourceHealthFacts,
  silentWeeks,
  sourceAlerts,
  usualWeeks,
} from './source-health/alerts.ts';
export { amountKeys, amountsAgree, amountValue } from './story/amounts.ts';
export {
  type BatchEntry,
  type BatchSnapshot,
  type CandidateItem,
  type EntryResult,
  type KnownEntry,
  lookupId,
  type PrimaryOfStory,
  perKeyLimit,
  type SameTextItem,
  type StoryState,
  sameTextLimit,
  type TagColumns,
} from './story/batch/batch-snapshot.ts';
export {
  type BatchDecision,
  type BatchWrites,
  decideBatch,
  type EntryUpdate,
  type NewItem,
} from './story/batch/decide-batch.ts';
export {
  type ClusterPlan,
  candidateWindow,
  lookupKeys,
  type PlannedItem,
  planWith,
  prepareFeatures,
  replanWith,
  serialisingKeys,
  textIndexKey,
} from './story/batch/entry-plan.ts';
export { choosePrimary, type PrimaryCandidate } from './story/choose-primary.ts';
export { frenchPhrases, frenchWords, translatePhrases } from './story/cross-language.ts';
export {
  type CopyCandidate,
  distinctNumbers,
  estimatedContainment,
  estimatedJaccard,
  isCopyOf,
  isNearDuplicate,
  type NearDuplicateOptions,
  type NearDuplicateSignature,
  nearDuplicateDefaults,
  nearDuplicateScore,
  nearDuplicateSignature,
  nearDuplicateText,
  shingleHashes,
} from './story/near-duplicate.ts';
export { distinctHeadlineEntities, sharedAmount } from './story/story-evidence.ts';
export {
  idf,
  type PreparedStoryFeatures,
  prepareStoryFeatures,
  type StoryFeatures,
  type StoryInput,
  storyFeatures,
} from './story/story-features.ts';
export { type StoryOptions, storyDefaults } from './story/story-options.ts';
export { addToStoryProfile, mergeStoryProfiles, type StoryProfile, storyProfileOf } from './story/story-profile.ts';
export {
  assignStory,
  profileSimilarity,
  requiredScore,
  type StoryAssignment,
  type StoryCandidate,
  storyScore,
  storySimilarity,
} from './story/story-similarity.ts';
export {
  contentTerms,
  entityTerms,
  foldText,
  stem,
  stripHeadlineDecorations,
  stripWireMarkers,
  wordTokens,
} from './story/tokenise.ts';
export { urlSlugText } from './story/url-slug.ts';
export { type RemovedText, type StrippedText, stripBoilerplate } from './tagging/boilerplate.ts';
export { builtinLexicons } from './tagging/builtin-lexicons.ts';
export {
  type CatalogEntry,
  jurisdictionNames,
  type PlatformCatalogEntry,
  platformCatalog,
  type TopicCatalogEntry,
  topicCatalog,
} from './tagging/catalog.ts';
export {
  jurisdictionCodesForLabel,
  platformAncestors,
  platformIdsForLabel,
  tagItem,
  tagJurisdictions,
  tagPlatforms,
  tagTopics,
} from './tagging/index.ts';
export {
  type AliasRule,
  type AliasSpec,
  type AuthorityEntry,
  type AuthorityKind,
  authorityKinds,
  type LawEntry,
  type LexiconFiles,
  type Lexicons,
  type PlaceEntry,
  type PlacesFile,
  type PlatformEntry,
  type PlatformKind,
  platformKinds,
  type TopicEntry,
} from './tagging/lexicon-types.ts';
export { rollUpTags } from './tagging/roll-up.ts';
export { countryOf } from './tagging/tag-jurisdictions.ts';
export { createTagger, type Tagger } from './tagging/tagger.ts';
export type { EvidenceField, ItemTags, Tag, TagEvidence, TagInput } from './tagging/types.ts';
export { validateLexicons } from './tagging/validate-lexicons.ts';
export { cleanText, htmlToText, singleLine, truncate } from './text/clean.ts';
export { fragmentBreak, markedToHtml, matchEnd, matchStart } from './text/marked-to-html.ts';
export { formatDuration, formatProgress, type Progress, redrawThrottle } from './text/progress-line.ts';
export { endsAsSentence, sentenceEnds, splitSentences } from './text/sentences.ts';
export { decodeLeftoverEntities, type SummaryOptions, summarise, summaryDefaults } from './text/summary.ts';
export { standaloneTitle, type TitleInput } from './text/title.ts';
export { anyMonth, type MonthLanguage, monthIn, monthLanguages, monthNames } from './time/month-names.ts';
export {
  type DatePrecision,
  datePrecisions,
  type PublishedDate,
  parseDate,
  parsePublished,
} from './time/parse-date.ts';
export {
  nextCheckAfterFailure,
  pollPolicy,
  type SourceHealthStatus,
  scheduleOffsetMs,
  sourceHealthStatus,
} from './time/poll-schedule.ts';
export {
  type DatedAt,
  type DateOrigin,
  dateFromUrl,
  dateOrigins,
  isCoarserThanDay,
  isPlausiblePublication,
  type PublicationEvidence,
  publicationDate,
} from './time/published-date.ts';
export {
  type ArticlePageMode,
  articlePageModes,
  type FeedEntry,
  type ItemView,
  type NormalisedItem,
  type ParsedFeed,
  type SourceKind,
  type SourceLabels,
  type StoreOutcome,
  sourceKinds,
} from './types.ts';
export { absoluteHttpUrl, canonicalUrl } from './url/canonical.ts';
export {
  type AttemptVerdict,
  attemptVerdict,
  maxRetryDelayMs,
  parseWebhookUrl,
  type WebhookEventType,
  webhookEventTypes,
  webhookRetryDelayMs,
  webhookSecret,
  webhookSecretBytes,
} from './webhooks/webhook-delivery.ts';
export {
  checkWebhookFilter,
  type WebhookFilter,
  webhookFilterKeys,
  webhookNewsFilter,
} from './webhooks/webhook-filter.ts';
