import { xmlSafeCharacters } from './characters.ts';

/**
 * A tiny XML writer: documents are built as trees of elements and text, and serialising escapes
 * every text and attribute value, so no value ever reaches the output unescaped.
 */

/** Text content, or nothing (skipped, so optional children can be written inline). */
export type XmlChild = XmlElement | string | null | undefined | false;

export interface XmlElement {
  readonly name: string;
  /** Written in insertion order (output is deterministic); undefined values are left out. */
  readonly attributes: Readonly<Record<string, string | undefined>>;
  readonly children: readonly XmlChild[];
}

/** XML names as our own code writes them: ASCII letters, digits, `_`, `-`, `.`, one namespace colon. */
const xmlName = /^[A-Za-z_][A-Za-z0-9_.-]*(?::[A-Za-z_][A-Za-z0-9_.-]*)?$/;

export function element(
  name: string,
  attributes: Readonly<Record<string, string | undefined>> = {},
  ...children: readonly (XmlChild | readonly XmlChild[])[]
): XmlElement {
  return { name, attributes, children: children.flat() };
}

/** Escapes character data: `>` too, so `]]>` can never appear. */
export function escapeXmlText(text: string): string {
  return xmlSafeCharacters(text)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/\r/g, '&#xD;');
}

/** Escapes an attribute value; tab, newline and carriage return as references, or parsers would normalise them to spaces. */
export function escapeXmlAttribute(value: string): string {
  return escapeXmlText(value).replace(/"/g, '&quot;').replace(/\t/g, '&#x9;').replace(/\n/g, '&#xA;');
}

function checkName(name: string): string {
  if (!xmlName.test(name)) throw new TypeError(`not an XML name: ${JSON.stringify(name)}`);
  return name;
}

function startTag(node: XmlElement, selfClosing: boolean): string {
  const attributes = Object.entries(node.attributes)
    .filter((entry): entry is [string, string] => entry[1] !== undefined)
    .map(([name, value]) => ` ${checkName(name)}="${escapeXmlAttribute(value)}"`)
    .join('');
  return `<${checkName(node.name)}${attributes}${selfClosing ? '/>' : '>'}`;
}

/** The element on one line, with no whitespace added anywhere (used inside text, where whitespace would change it). */
function writeCompact(node: XmlElement): string {
  const children = presentChildren(node);
  if (children.length === 0) return startTag(node, true);
  const inner = children.map((child) => (typeof child === 'string' ? escapeXmlText(child) : writeCompact(child)));
  return `${startTag(node, false)}${inner.join('')}</${node.name}>`;
}

/** Elements holding only elements are indented, one child per line; an element holding any text is written compactly. */
function writeIndented(node: XmlElement, indent: string, out: string[]): void {
  const children = presentChildren(node);
  if (children.length === 0 || children.some((child) => typeof child === 'string')) {
    out.push(`${indent}${writeCompact(node)}`);
    return;
  }
  out.push(`${indent}${startTag(node, false)}`);
  for (const child of children) writeIndented(child as XmlElement, `${indent}  `, out);
  out.push(`${indent}</${node.name}>`);
}

function presentChildren(node: XmlElement): (XmlElement | string)[] {
  return node.children.filter((child): child is XmlElement | string => child != null && child !== false);
}

/**
 * The document as UTF-8 XML text: declaration, an `xml-stylesheet` processing instruction when
 * given one (an XSLT's URL, for browsers), root element, final newline.
 */
export function serialiseXml(root: XmlElement, options: { xslStylesheet?: string | undefined } = {}): string {
  const out = ['<?xml version="1.0" encoding="utf-8"?>'];
  if (options.xslStylesheet !== undefined) {
    out.push(`<?xml-stylesheet type="text/xsl" href="${escapeXmlAttribute(options.xslStylesheet)}"?>`);
  }
  writeIndented(root, '', out);
  return `${out.join('\n')}\n`;
}
