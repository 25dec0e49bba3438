export {
  buildEdition,
  composeStoredStories,
  composeWeek,
  editionStoryLimit,
  renderPublished,
} from './build-edition.ts';
export { canMail, defaultRetryBaseMs, directContext, type RoundupContext } from './context.ts';
export { createMailer, type MailConfig, type Mailer, type OutgoingMessage } from './mail-transport.ts';
export { main, type RoundupMainDeps, type RoundupParts } from './main.ts';
export { PersonalRenderings } from './personal-rendering.ts';
export { editionUrl, publicBase, roundupMessageId, subscriberLink } from './roundup-links.ts';
export { addSendJob, buildTask, checkTask, confirmTask, sendTask } from './roundup-tasks.ts';
export { roundupWorkers } from './roundup-workers.ts';
export { buildSchedulerId, checkSchedulerId, upsertRoundupSchedules } from './schedules.ts';
export { maxInPlaceWaitMs, type SendResult, sendEdition } from './send-edition.ts';
export { classifySmtpFailure, maxDeliveryAttempts, retryDelayMs, type SmtpOutcome } from './smtp-outcome.ts';
export { type Roundup, startRoundup } from './start-roundup.ts';
