import { articlePageModes, checkJurisdiction, isRegwatchError, isSlug, sourceKinds } from '@regwatch/core';
import { adapterFor } from './registry.ts';
import type { SourceDefinition } from './types.ts';

function isHttpsUrl(value: string): boolean {
  try {
    return new URL(value).protocol === 'https:';
  } catch {
    return false;
  }
}

/**
 * Every problem with a catalog source's definition, each naming the source and the field (empty
 * when it is sound): the one check of a definition, run by the catalog's test on every source.
 */
export function definitionProblems(source: SourceDefinition): string[] {
  const problems: string[] = [];
  const problem = (field: string, message: string) => problems.push(`${source.id}: ${field} ${message}`);
  if (!isSlug(source.id)) problem('id', 'must be a lower-case slug');
  if (!sourceKinds.includes(source.kind)) problem('kind', `must be one of ${sourceKinds.join(', ')}`);
  try {
    adapterFor(source.format).checkOptions?.(source.options ?? {});
  } catch (error) {
    problem(isRegwatchError(error) && error.code === 'parse_unsupported' ? 'format' : 'options', String(error));
  }
  for (const code of source.jurisdictions) {
    const checked = checkJurisdiction(code);
    if (!checked.ok || checked.code !== code) problem('jurisdictions', `"${code}" is not a jurisdiction code`);
  }
  if (!isHttpsUrl(source.url)) problem('url', 'must be an https URL');
  if (!isHttpsUrl(source.homepage)) problem('homepage', 'must be an https URL');
  if (!Number.isInteger(source.pollIntervalSeconds) || source.pollIntervalSeconds < 300)
    problem('pollIntervalSeconds', 'must be a whole number of seconds, at least 300');
  if (source.kind === 'press' && source.relevance !== 'privacy')
    problem('relevance', "must be 'privacy' for the press");
  if (source.fetchArticlePages !== undefined && !articlePageModes.includes(source.fetchArticlePages))
    problem('fetchArticlePages', `must be one of ${articlePageModes.join(', ')}`);
  if (source.publisher !== undefined && !isSlug(source.publisher)) problem('publisher', 'must be a lower-case slug');
  return problems;
}
