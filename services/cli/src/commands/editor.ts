import { parseArgs } from 'node:util';
import { commonFields, loadConfig } from '@regwatch/config';
import { hashPassword, passwordProblem, RegwatchError } from '@regwatch/core';
import { type Database, deleteEditor, insertEditor, listEditors, recordAudit, setEditorPassword } from '@regwatch/db';
import { type Io, UsageError } from '../io.ts';
import { readNewPassword } from '../password-input.ts';
import { createLogger, withDatabase } from '../runtime.ts';

const cli = { kind: 'cli' } as const;

/** `regwatch editor add|list|remove|password`: the console's accounts (audited, actor `cli`). */
export async function editorCommand(args: string[], env: NodeJS.ProcessEnv, io: Io): Promise<number> {
  const [action, ...rest] = args;
  switch (action) {
    case 'add':
      return addEditor(rest, env, io);
    case 'list':
      return listEditorsCommand(rest, env, io);
    case 'remove':
      return removeEditor(rest, env, io);
    case 'password':
      return changePassword(rest, env, io);
    default:
      throw new UsageError(
        action ? `unknown editor command "${action}"` : 'editor needs a command: add, list, remove or password',
      );
  }
}

function withEditorsDatabase<T>(env: NodeJS.ProcessEnv, work: (database: Database) => Promise<T>): Promise<T> {
  const config = loadConfig(commonFields, env);
  return withDatabase(config.DATABASE_URL, 'regwatch-cli', createLogger('warn'), work);
}

/** The EMAIL argument and `--password-stdin`, checked. */
function parseAccountArgs(args: string[], withPassword: boolean): { email: string; passwordStdin: boolean } {
  const { values, positionals } = parseArgs({
    args,
    options: withPassword ? { 'password-stdin': { type: 'boolean', default: false } } : {},
    strict: true,
    allowPositionals: true,
  });
  const [email, extra] = positionals;
  if (!email) throw new UsageError('give the editor’s email address');
  if (extra !== undefined) throw new UsageError(`unexpected argument "${extra}"`);
  if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email) || email.length > 254) {
    throw new UsageError(`"${email}" is not an email address`);
  }
  return { email, passwordStdin: (values as { 'password-stdin'?: boolean })['password-stdin'] === true };
}

async function newPasswordHash(passwordStdin: boolean): Promise<string> {
  const password = await readNewPassword(passwordStdin);
  const problem = passwordProblem(password);
  if (problem) throw new UsageError(problem);
  return hashPassword(password);
}

async function addEditor(args: string[], env: NodeJS.ProcessEnv, io: Io): Promise<number> {
  const { email, passwordStdin } = parseAccountArgs(args, true);
  const passwordHash = await newPasswordHash(passwordStdin);
  const editor = await withEditorsDatabase(env, (database) =>
    database.db.transaction(async (tx) => {
      const added = await insertEditor(tx, { email, passwordHash });
      if (added) {
        await recordAudit(tx, {
          actor: cli,
          action: 'editor.add',
          subject: `editor:${added.id}`,
          after: { email: added.email },
        });
      }
      return added;
    }),
  );
  if (!editor) throw new RegwatchError('conflict', `an editor with the address ${email} exists already`);
  io.out(`added editor ${editor.email}: they can sign in at /console/login`);
  return 0;
}

async function listEditorsCommand(args: string[], env: NodeJS.ProcessEnv, io: Io): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    options: { json: { type: 'boolean', default: false } },
    strict: true,
    allowPositionals: true,
  });
  if (positionals.length > 0) throw new UsageError(`unexpected argument "${positionals[0]}"`);
  const editors = await withEditorsDatabase(env, (database) => listEditors(database.db));
  if (values.json) {
    io.out(JSON.stringify(editors, null, 2));
    return 0;
  }
  if (editors.length === 0) {
    io.out('no editors yet: add one with `regwatch editor add EMAIL`');
    return 0;
  }
  for (const editor of editors) {
    io.out(`${editor.email}\tadded ${editor.createdAt.toISOString()}${editor.disabledAt ? '\tdisabled' : ''}`);
  }
  return 0;
}

async function removeEditor(args: string[], env: NodeJS.ProcessEnv, io: Io): Promise<number> {
  const { email } = parseAccountArgs(args, false);
  const removed = await withEditorsDatabase(env, (database) =>
    database.db.transaction(async (tx) => {
      const editor = await deleteEditor(tx, email);
      if (editor) {
        await recordAudit(tx, {
          actor: cli,
          action: 'editor.remove',
          subject: `editor:${editor.id}`,
          before: { email: editor.email },
        });
      }
      return editor;
    }),
  );
  if (!removed) throw new RegwatchError('not_found', `no editor with the address ${email}`);
  io.out(`removed editor ${removed.email}: their sessions have ended`);
  return 0;
}

async function changePassword(args: string[], env: NodeJS.ProcessEnv, io: Io): Promise<number> {
  const { email, passwordStdin } = parseAccountArgs(args, true);
  const passwordHash = await newPasswordHash(passwordStdin);
  const changed = await withEditorsDatabase(env, (database) =>
    database.db.transaction(async (tx) => {
      const editor = await setEditorPassword(tx, email, passwordHash);
      if (editor) {
        await recordAudit(tx, {
          actor: cli,
          action: 'editor.password',
          subject: `editor:${editor.id}`,
          after: { sessionsValidAfter: editor.sessionsValidAfter.toISOString() },
        });
      }
      return editor;
    }),
  );
  if (!changed) throw new RegwatchError('not_found', `no editor with the address ${email}`);
  io.out(`new password set for ${changed.email}: their other sessions have ended`);
  return 0;
}
