export { renderConsoleStory } from './story-page.ts';
export type { ConsoleFormContext, ConsoleStoryItem, ConsoleStoryView } from './story-view.ts';
