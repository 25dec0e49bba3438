export { catalogRow } from './catalog-rows.ts';
export { type Part, type Running, startParts } from './commands/start.ts';
export { main } from './main.ts';
