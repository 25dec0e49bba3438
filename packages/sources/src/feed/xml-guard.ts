import { RegwatchError } from '@regwatch/core';

/**
 * Limits no real feed comes near. Past them sax/xml2js get slow and memory-hungry rather than
 * fail (bench/xml-hazards.ts measures it), so documents beyond them are refused before parsing.
 */
export const xmlLimits = {
  /**
   * Element nesting depth. libxml2 stops at 256 by default; 512 leaves room for deep XHTML content
   * and keeps the recursive xml2js builder (rss-parser's `getContent`, which overflowed the default
   * stack at about 4,000 levels here) far from the stack limit.
   */
  maxDepth: 512,
  /**
   * Length of one tag, comment, processing instruction or DOCTYPE, and of one entity reference.
   * sax grows these buffers a character at a time (about 40 bytes of heap per byte of input).
   */
  maxMarkupLength: 1 << 20,
} as const;

const lt = 0x3c;
const gt = 0x3e;
const slash = 0x2f;
const quote = 0x22;
const apostrophe = 0x27;
const openBracket = 0x5b;
const closeBracket = 0x5d;

/** Characters that end an entity reference: `;` properly, whitespace, markup or another `&` when malformed. */
function endsReference(c: number): boolean {
  return c === 0x3b || c === 0x26 || c === lt || c === gt || c === quote || c === apostrophe || c <= 0x20;
}

function malformed(message: string): RegwatchError {
  return new RegwatchError('parse_malformed', `feed is not well-formed XML: ${message}`);
}

function unsupported(message: string): RegwatchError {
  return new RegwatchError('parse_unsupported', message);
}

/** Index just past the `>` closing the tag opened at `start`; `>` inside quoted attribute values does not count. */
function tagEnd(xml: string, start: number): number {
  let inQuote = 0;
  for (let i = start + 1; i < xml.length; i++) {
    const c = xml.charCodeAt(i);
    if (inQuote !== 0) {
      if (c === inQuote) inQuote = 0;
    } else if (c === quote || c === apostrophe) {
      inQuote = c;
    } else if (c === gt) {
      return i + 1;
    }
  }
  return -1;
}

/** Index just past a DOCTYPE, whose internal subset `[…]` holds declarations with their own `>`. */
function doctypeEnd(xml: string, start: number): number {
  let inQuote = 0;
  let inSubset = false;
  for (let i = start + 2; i < xml.length; i++) {
    const c = xml.charCodeAt(i);
    if (inQuote !== 0) {
      if (c === inQuote) inQuote = 0;
    } else if (c === quote || c === apostrophe) {
      inQuote = c;
    } else if (inSubset && c === lt && xml.startsWith('<!--', i)) {
      // Comments in the subset may hold a lone apostrophe that is not a quote.
      const close = xml.indexOf('-->', i + 4);
      if (close === -1) return -1;
      i = close + 2;
    } else if (c === openBracket) {
      inSubset = true;
    } else if (c === closeBracket) {
      inSubset = false;
    } else if (c === gt && !inSubset) {
      return i + 1;
    }
  }
  return -1;
}

/** Index just past `terminator`, searched from `from`; -1 when the document ends first. */
function endOf(xml: string, from: number, terminator: string): number {
  const at = xml.indexOf(terminator, from);
  return at === -1 ? -1 : at + terminator.length;
}

/** Refuses an entity reference (`&name;`) longer than the limit: sax buffers it like markup. */
function checkEntityReferences(xml: string): void {
  for (let amp = xml.indexOf('&'); amp !== -1; ) {
    let i = amp + 1;
    while (i < xml.length && !endsReference(xml.charCodeAt(i))) {
      i++;
      if (i - amp > xmlLimits.maxMarkupLength) {
        throw malformed(
          `an entity reference at offset ${amp} runs on for more than ${xmlLimits.maxMarkupLength} characters`,
        );
      }
    }
    amp = xml.indexOf('&', i);
  }
}

/**
 * A linear pre-scan that refuses what would make the XML stack crash, hang or balloon, before it
 * sees the document: DTD entity declarations (XXE, billion laughs), nesting deeper than
 * `xmlLimits.maxDepth`, and single tags, comments or references longer than
 * `xmlLimits.maxMarkupLength` (or left open at the end of the document). It is not a validator:
 * anything else, well-formed or not, is left to the parser to judge.
 */
export function checkXmlHazards(xml: string): void {
  let depth = 0;
  for (let start = xml.indexOf('<'); start !== -1; ) {
    let end: number;
    let what: string;
    if (xml.startsWith('<!--', start)) {
      what = 'comment';
      end = endOf(xml, start + 4, '-->');
    } else if (xml.startsWith('<![CDATA[', start)) {
      // sax reads CDATA in slices, cheaply, so its length is not limited.
      end = endOf(xml, start + 9, ']]>');
      if (end === -1) throw malformed(`the CDATA section at offset ${start} is never closed`);
      start = xml.indexOf('<', end);
      continue;
    } else if (xml.startsWith('<?', start)) {
      what = 'processing instruction';
      end = endOf(xml, start + 2, '?>');
    } else if (xml.startsWith('<!', start)) {
      const doctype = /^<!DOCTYPE/i.test(xml.slice(start, start + 9));
      what = doctype ? 'DOCTYPE' : 'declaration';
      end = doctype ? doctypeEnd(xml, start) : tagEnd(xml, start);
      if (doctype && end !== -1 && end - start <= xmlLimits.maxMarkupLength) {
        // sax never expands entities, but refusing their declarations keeps that true whatever parses
        // the document next: no external entity (XXE) is read and no entity bomb goes off.
        if (/<!ENTITY/i.test(xml.slice(start, end))) {
          throw unsupported('feed declares DTD entities (<!ENTITY>), which Regwatch does not expand');
        }
      }
    } else if (xml.charCodeAt(start + 1) === slash) {
      what = 'closing tag';
      end = tagEnd(xml, start);
      depth--;
    } else {
      what = 'tag';
      end = tagEnd(xml, start);
      if (end !== -1 && xml.charCodeAt(end - 2) !== slash && ++depth > xmlLimits.maxDepth) {
        throw unsupported(`feed nests elements more than ${xmlLimits.maxDepth} deep`);
      }
    }
    if (end === -1) throw malformed(`the ${what} at offset ${start} is never closed`);
    if (end - start > xmlLimits.maxMarkupLength) {
      throw unsupported(`feed has a ${what} longer than ${xmlLimits.maxMarkupLength} characters (offset ${start})`);
    }
    start = xml.indexOf('<', end);
  }
  checkEntityReferences(xml);
}
