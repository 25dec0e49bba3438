import type { SourceKind, SourceLabels } from '../types.ts';

/** What the taggers read of an item. Text is plain (HTML already turned into text). */
export interface TagInput {
  title: string;
  /** The summary or lead; its first characters weigh more than the body. */
  summary?: string | undefined;
  /** The full text, when the source gives it; it may repeat the summary. */
  content?: string | undefined;
  /** The source's own jurisdiction codes (an ICO notice: `GB`); empty for the press. */
  sourceJurisdictions?: readonly string[] | undefined;
  /**
   * A regulator's jurisdiction always applies to its notices; for the press and incident
   * registers the source's jurisdiction applies only when the text names none.
   */
  sourceKind?: SourceKind | undefined;
  /** The source's own labels (AIAAIC's deployer, developer, jurisdiction, categories). */
  labels?: SourceLabels | undefined;
}

/** Where a piece of evidence was found. */
export type EvidenceField =
  /** The item's title. */
  | 'title'
  /** The start of the summary (or of the content when there is no summary). */
  | 'lead'
  /** The rest of the text, after boilerplate is stripped. */
  | 'body'
  /** The source's own settings (its default jurisdictions). */
  | 'source'
  /** The source's labels for the entry (`SourceLabels`). */
  | 'labels';

/**
 * Why a tag was given. `rule` is one of:
 * - platforms: `name` (the organisation's name or an alias), `product`, `parent-of:<child id>`,
 *   `source-label`;
 * - jurisdictions: `place`, `demonym`, `authority:<authority id>`, `law:<law id>`,
 *   `within:<subdivision code>` (a state or province tagged), `source-default`, `source-label`;
 * - topics: `term`, `source-label`.
 * `phrase` is the text as written in the item (or the label, or the code for `source-default`).
 */
export interface TagEvidence {
  rule: string;
  phrase: string;
  field: EvidenceField;
}

/** One tag: a platform id, a jurisdiction code or a topic id, with its evidence (never empty). */
export interface Tag {
  id: string;
  evidence: TagEvidence[];
}

/** Every dimension's tags, each list sorted by id. */
export interface ItemTags {
  platforms: Tag[];
  jurisdictions: Tag[];
  topics: Tag[];
}
