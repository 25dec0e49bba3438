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
export { decodeCursor, encodeCursor, type KeysetPosition } from './cursor.ts';
export { type ErrorCode, errorCodes, isRegwatchError, RegwatchError } from './errors.ts';
export { sha256Hex } from './hash.ts';
export {
  itemDedupKey,
  itemLimits,
  type NormaliseContext,
  type NormaliseResult,
  normaliseEntry,
  primaryLanguage,
} from './item/normalise.ts';
export { sameTextKey } from './item/same-text-key.ts';
export { blocCodes, checkJurisdiction, countryCodes, type JurisdictionCheck } from './jurisdiction/codes.ts';
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
export { type PrivacyRelevance, type PrivacyRelevanceInput, privacyRelevance } from './relevance/privacy-relevance.ts';
export { isSlug, slugPattern } from './slug.ts';
export { choosePrimary, type PrimaryCandidate } from './story/choose-primary.ts';
export {
  estimatedContainment,
  estimatedJaccard,
  isNearDuplicate,
  type NearDuplicateOptions,
  type NearDuplicateSignature,
  nearDuplicateDefaults,
  nearDuplicateScore,
  nearDuplicateSignature,
  nearDuplicateText,
  shingleHashes,
} from './story/near-duplicate.ts';
export {
  assignStory,
  idf,
  type StoryAssignment,
  type StoryCandidate,
  type StoryFeatures,
  type StoryInput,
  type StoryOptions,
  storyDefaults,
  storyFeatures,
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
export { cleanText, htmlToText, singleLine, truncate } from './text/clean.ts';
export { parseDate } from './time/parse-date.ts';
export {
  nextCheckAfterFailure,
  pollPolicy,
  type SourceHealthStatus,
  scheduleOffsetMs,
  sourceHealthStatus,
} from './time/poll-schedule.ts';
export {
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
