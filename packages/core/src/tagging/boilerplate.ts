import { foldSameLength } from './tokens.ts';

/**
 * Text around an article that is not about its subject: "related reading" lines, author
 * biographies, site footers, newsletter blurbs, feed footers, regulators' "notes to editors".
 * Names in them are not evidence ("lives in Berlin, Germany" does not make a story German), so
 * they are cut before tagging. Pure and conservative: a paragraph goes only when a rule says
 * what it is, and every cut is reported.
 */

export interface RemovedText {
  /** `section`, `related-reading`, `author-bio`, `footer`, `newsletter`, `feed-footer`, `social`. */
  rule: string;
  text: string;
}

export interface StrippedText {
  text: string;
  removed: RemovedText[];
}

/** A short line that heads a trailing section: it and everything after it go. */
const sectionHeading =
  /^(?:related(?: articles?| stories| reading| posts| content| coverage| news| links)?|read (?:more|next|also)|more (?:from|on|stories|news|like this|reading)\b.*|see also|further reading|recommended(?: for you| reading| articles?| stories)?|you (?:may|might) also (?:like|enjoy|be interested in)|most (?:read|popular|viewed)|popular (?:now|stories|articles)|trending(?: now| stories)?|notes? (?:to|for) editors?|editor'?s notes?|about the authors?|about (?:the )?writers?|lire aussi|a lire aussi|voir aussi|sur le meme sujet|dans la meme rubrique|lesen sie auch|mehr zum thema|weitere artikel|das konnte sie auch interessieren|lees ook|ook interessant|meer over)\s*:?$/;

/** A paragraph starting like this is a pointer to another article. */
const relatedLead =
  /^(?:related(?: reading| articles?| stories| coverage)?|read (?:more|also|next)|also read|see also|further reading|recommended(?: reading)?|more on this(?: story)?|you (?:may|might) also like|lire aussi|a lire aussi|voir aussi|lesen sie auch|mehr dazu|lees ook|ook interessant)\s*[:|»›>–-]/;

const footer =
  /(?:^|\s)(?:©|\(c\)\s*\d{4}|copyright\s+(?:©\s*)?(?:\d{4}|the)|all rights reserved|registered office\s*:|registered in (?:england|scotland|northern ireland|ireland)(?: and wales)?(?: with)? (?:company )?(?:number|no\b)|company (?:number|registration number|reg\.? no|no)\.?\s*:?\s*\d|vat (?:number|no|registration)\.?\s*:?\s*\d|privacy policy\s*[|·•]|terms (?:of (?:use|service)|and conditions)\s*[|·•]|^unsubscribe\b|click here to unsubscribe|unsubscribe from (?:this|these|our) (?:emails?|list|mailing list|newsletters?)|you (?:are receiving|received) this (?:email|newsletter|message)|this (?:email|message|newsletter) was sent to|manage (?:your )?(?:email )?(?:preferences|subscription)|view (?:this email )?in (?:your )?browser)/;

const newsletter =
  /(?:sign up (?:for|to) (?:our|the|my)\b[^.]{0,60}\bnewsletters?|subscribe (?:to|for) (?:our|the|my)\b[^.]{0,60}\b(?:newsletters?|podcast|briefing|digest)|(?:delivered|straight|direct) (?:straight |directly )?to your inbox|get (?:the|our)\b[^.]{0,60}\b(?:newsletter|in your inbox)|this (?:article|story|piece|item) (?:first |originally )?(?:appeared|was published|was first published) in (?:our|the)\b[^.]{0,60}\bnewsletter|inscrivez-vous a (?:notre|la) newsletter|abonnez-vous a (?:notre|la) newsletter|newsletter abonnieren)/;

const feedFooter =
  /(?:the post .{1,300}? appeared first on .{1,120}?(?:\.|$)|(?:continue|keep) reading(?: on [^.]{1,80}| the (?:full )?(?:story|article))?\s*(?:\.{3}|…|→|»|\.)?\s*$|read the (?:full|rest of the|original) (?:story|article|post)\b[^.]*\.?\s*$|\[(?:…|\.\.\.)\]\s*$)/;

const social =
  /^(?:follow (?:us|me|him|her|them) on\b|share (?:this|on)\b|(?:like|follow) us\b|click here to (?:subscribe|share|follow))/;

/** A person's role as writers describe themselves. */
const writerRole =
  /\b(?:journalist|reporter|correspondent|writer|editor|columnist|contributor|freelancer|freelance|author|blogger|podcaster|staff writer|senior writer|contributing writer)\b/;

/** A biography's self-description. */
const bioShape =
  /\b(?:is|was|has been|works as)\s+(?:an?|the)\s+(?:[\p{L}-]+\s+){0,4}(?:journalist|reporter|correspondent|writer|editor|columnist|contributor|freelancer|author|blogger|podcaster)\b|\b(?:lives|is based|lives and works|divides (?:his|her|their) time)\s+(?:in|between)\b|\bcovers?\s+(?:[\p{L}-]+\s+){0,4}for\b|\b(?:follow|reach|contact) (?:him|her|them) (?:on|at)\b|\bwrites about\b|\breports on\b/u;

const maxBioChars = 600;

/** A biography starts with its subject: `About the author`, or a name and a verb (`Jane Doe is`, `Kim covers`). */
const bioStart =
  /^(?:about the authors?\b|(?:[\p{Lu}][\p{L}'’.-]*\s+){1,4}(?:is|was|has been|writes|covers|reports|works)\b)/u;

function isAuthorBio(original: string, folded: string): boolean {
  return folded.length <= maxBioChars && bioStart.test(original) && writerRole.test(folded) && bioShape.test(folded);
}

/** The rule a whole paragraph falls under, if any. */
function paragraphRule(original: string, folded: string): string | null {
  if (relatedLead.test(folded)) return 'related-reading';
  if (social.test(folded)) return 'social';
  if (isAuthorBio(original, folded)) return 'author-bio';
  if (folded.length <= 400 && footer.test(folded)) return 'footer';
  if (folded.length <= 400 && newsletter.test(folded)) return 'newsletter';
  return null;
}

/** The rule a sentence falls under (in paragraphs that are otherwise kept), if any. */
function sentenceRule(folded: string): string | null {
  if (feedFooter.test(folded)) return 'feed-footer';
  if (relatedLead.test(folded)) return 'related-reading';
  if (newsletter.test(folded)) return 'newsletter';
  if (footer.test(folded) && folded.length <= 200) return 'footer';
  if (writerRole.test(folded) && bioShape.test(folded) && folded.length <= 300) return 'author-bio';
  return null;
}

const sentenceBreak = /(?<=[.!?…])\s+(?=["“'(\p{Lu}\p{N}])/gu;

/** Offsets where a paragraph's sentences end. */
function sentenceEnds(paragraph: string): number[] {
  return [...paragraph.matchAll(sentenceBreak)].map((match) => match.index);
}

export function stripBoilerplate(text: string): StrippedText {
  const removed: RemovedText[] = [];
  const kept: string[] = [];
  const paragraphs = text.split(/\n+/);
  for (let index = 0; index < paragraphs.length; index += 1) {
    const paragraph = (paragraphs[index] ?? '').trim();
    if (!paragraph) continue;
    const folded = foldSameLength(paragraph);
    if (folded.length <= 60 && sectionHeading.test(folded.replace(/[.:]+$/, ''))) {
      removed.push({ rule: 'section', text: paragraphs.slice(index).join('\n').trim() });
      break;
    }
    const rule = paragraphRule(paragraph, folded);
    if (rule) {
      removed.push({ rule, text: paragraph });
      continue;
    }
    // Folding keeps offsets, so a sentence's folded text is the same slice of the folded paragraph.
    const keptSentences: string[] = [];
    let from = 0;
    for (const end of [...sentenceEnds(paragraph), paragraph.length]) {
      const sentence = paragraph.slice(from, end).trim();
      const sentenceRuleName = sentence ? sentenceRule(folded.slice(from, end).trim()) : null;
      if (sentenceRuleName) removed.push({ rule: sentenceRuleName, text: sentence });
      else if (sentence) keptSentences.push(sentence);
      from = end;
    }
    if (keptSentences.length > 0) kept.push(keptSentences.join(' '));
  }
  return { text: kept.join('\n'), removed };
}
