import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * An independent reader for our feeds: Python's feedparser as Debian packages it (what many
 * readers and aggregators are built on), with expat checking well-formedness first. Debian's
 * /usr/bin/python3 on purpose: the python3 first on PATH may be another install without it.
 */
const python = '/usr/bin/python3';
const script = fileURLToPath(new URL('./read_feeds.py', import.meta.url));
const installHint = 'install it with: apt-get install -y python3-feedparser';

export interface FeedparserEntry {
  id: string | null;
  title: string | null;
  title_type: string | null;
  link: string | null;
  links: { rel: string | null; href: string | null }[];
  published: string | null;
  updated: string | null;
  authors: (string | null)[];
  tags: { term: string | null; scheme: string | null }[];
  summary: string | null;
  content: string | null;
  /** RSS: the item's dc:language; Atom: the xml:lang in scope (the entry's, else the feed's). */
  language: string | null;
}

export interface FeedparserReport {
  path: string;
  /** expat's complaint, or null when the file is well-formed XML. */
  xml_error: string | null;
  bozo: boolean;
  bozo_exception: string | null;
  version: string | null;
  feed: {
    title: string | null;
    id: string | null;
    link: string | null;
    links: { rel: string | null; href: string | null }[];
    updated: string | null;
    language: string | null;
  };
  entries: FeedparserEntry[];
}

/**
 * Writes each document to a temporary file and reads them all with feedparser in one Python
 * process. Throws, naming the install command, when feedparser is missing: the tests must fail
 * then, not skip. `pythonFlags` lets a test hide site packages (`-S`) to prove it.
 */
export function readWithFeedparser(
  documents: Record<string, string>,
  pythonFlags: readonly string[] = [],
): Record<string, FeedparserReport> {
  if (!existsSync(python)) {
    throw new Error(`${python} is missing: the feed tests need Debian's Python with feedparser; ${installHint}`);
  }
  const dir = mkdtempSync(join(tmpdir(), 'regwatch-feeds-'));
  try {
    const names = Object.keys(documents);
    const paths = names.map((name) => {
      const path = join(dir, name);
      writeFileSync(path, documents[name] ?? '');
      return path;
    });
    const run = spawnSync(python, [...pythonFlags, script, ...paths], {
      encoding: 'utf8',
      maxBuffer: 64 * 1024 * 1024,
    });
    if (run.status === 3 && run.stderr.includes('feedparser-missing')) {
      throw new Error(`Python's feedparser is not installed for ${python}; ${installHint}`);
    }
    if (run.status !== 0) throw new Error(`${python} ${script} failed (${run.status}): ${run.stderr}`);
    const reports = JSON.parse(run.stdout) as FeedparserReport[];
    return Object.fromEntries(names.map((name, index) => [name, reports[index] as FeedparserReport]));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
