/**
 * XSLT 1.0 turning our RSS and Atom feeds into a readable page in browsers that still run XSLT
 * (Chromium 156 does, under a deprecation banner; Chrome is removing it). RSS and Atom name it
 * with `<?xml-stylesheet?>`; readers ignore it. No style and no script: the feed's CSP allows neither.
 */
export const feedStylesheetPath = '/feeds/feed.xsl';

export const feedStylesheet = `<?xml version="1.0" encoding="utf-8"?>
<xsl:stylesheet version="1.0"
  xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
  xmlns:atom="http://www.w3.org/2005/Atom"
  exclude-result-prefixes="atom">
  <xsl:output method="html" encoding="utf-8" doctype-system="about:legacy-compat"/>
  <xsl:variable name="title" select="/rss/channel/title | /atom:feed/atom:title"/>
  <xsl:variable name="self" select="/rss/channel/atom:link[@rel='self']/@href | /atom:feed/atom:link[@rel='self']/@href"/>
  <xsl:variable name="home" select="/rss/channel/link | /atom:feed/atom:link[@rel='alternate']/@href"/>
  <xsl:template match="/">
    <html lang="en">
      <head>
        <meta name="viewport" content="width=device-width, initial-scale=1"/>
        <title><xsl:value-of select="$title"/></title>
      </head>
      <body>
        <header><p><a href="/">Regwatch</a></p></header>
        <main>
          <h1><xsl:value-of select="$title"/></h1>
          <p>This is a feed. To follow it, paste its address into a feed reader:</p>
          <p><code><xsl:value-of select="$self"/></code></p>
          <p><a href="{$home}">Read it as a page</a></p>
          <h2>Latest entries</h2>
          <ol>
            <xsl:apply-templates select="/rss/channel/item | /atom:feed/atom:entry"/>
          </ol>
        </main>
      </body>
    </html>
  </xsl:template>
  <xsl:template match="item">
    <li><a href="{link}"><xsl:value-of select="title"/></a> (<xsl:value-of select="pubDate"/>)</li>
  </xsl:template>
  <xsl:template match="atom:entry">
    <li><a href="{atom:link[@rel='alternate']/@href}"><xsl:value-of select="atom:title"/></a> (<xsl:value-of select="substring(atom:updated, 1, 10)"/>)</li>
  </xsl:template>
</xsl:stylesheet>
`;
