export { renderConfirmedPage, renderConfirmPage } from './confirm-page.ts';
export type { EditionPreview } from './edition-preview.ts';
export { pageStyleSource } from './layout.ts';
export { renderManagePage } from './manage-page.ts';
export { renderNoticePage } from './notice-page.ts';
export { preferencesInWords } from './preferences-fields.ts';
export { renderRoundupsPage } from './roundups-page.ts';
export { renderCheckInboxPage, renderSubscribePage } from './subscribe-page.ts';
export { renderUnsubscribedPage, renderUnsubscribePage } from './unsubscribe-page.ts';
