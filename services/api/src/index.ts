export { buildApp } from './app.ts';
export { type ApiMainDeps, type ApiParts, main } from './main.ts';
export { type ApiServer, startApiServer } from './server.ts';
export type { AppDeps, Lifecycle } from './types.ts';
