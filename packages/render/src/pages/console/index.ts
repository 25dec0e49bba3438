export {
  type ConsolePageContext,
  type ConsoleSection,
  consoleForm,
  consoleSections,
  csrfField,
  renderConsoleLoginPage,
  renderConsolePage,
} from './layout.ts';
export { consoleStyleSource } from './style.ts';
