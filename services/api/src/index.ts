export { buildApp } from './app.ts';
export { type ApiServer, startApiServer } from './server.ts';
export type { AppDeps, Lifecycle } from './types.ts';
