// Prints the README's table of catalog sources, and with --write replaces it in README.md.
import { readFileSync, writeFileSync } from 'node:fs';
import { sourceCatalog } from '@regwatch/sources';

const rows = sourceCatalog.map(
  (source) =>
    `| \`${source.id}\` | [${source.name}](${source.homepage}) | ${source.kind} | ${source.format} | ` +
    `${source.jurisdictions.join(', ') || '—'} | ${source.language} |`,
);
const table = ['| id | source | kind | format | jurisdictions | language |', '|---|---|---|---|---|---|', ...rows].join(
  '\n',
);

if (process.argv.includes('--write')) {
  const readme = new URL('../README.md', import.meta.url);
  const text = readFileSync(readme, 'utf8');
  const updated = text.replace(
    /<!-- sources-table:start -->[\s\S]*<!-- sources-table:end -->/,
    `<!-- sources-table:start -->\n${table}\n<!-- sources-table:end -->`,
  );
  writeFileSync(readme, updated);
} else {
  process.stdout.write(`${table}\n`);
}
