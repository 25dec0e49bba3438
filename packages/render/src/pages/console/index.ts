export { type ConsoleAuditRow, consoleAuditBody } from './audit-page.ts';
export {
  type ConsolePageContext,
  type ConsoleSection,
  consoleForm,
  consoleSections,
  csrfField,
  renderConsoleLoginPage,
  renderConsolePage,
} from './layout.ts';
export { consoleRoundupBody } from './roundup-page.ts';
export {
  type AddSourceForm,
  type ConsoleSourceRow,
  consoleSourcesBody,
  sourceAlertsSection,
} from './sources-page.ts';
export { renderConsoleStory } from './story-page.ts';
export type { ConsoleFormContext, ConsoleStoryItem, ConsoleStoryView } from './story-view.ts';
export { consoleStyleSource } from './style.ts';
