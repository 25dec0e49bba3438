export {
  type ConsolePageContext,
  type ConsoleSection,
  consoleForm,
  consoleSections,
  csrfField,
  renderConsoleLoginPage,
  renderConsolePage,
} from './layout.ts';
export { renderConsoleStory } from './story-page.ts';
export type { ConsoleFormContext, ConsoleStoryItem, ConsoleStoryView } from './story-view.ts';
export { consoleStyleSource } from './style.ts';
