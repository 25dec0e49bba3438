"""Reads feed files the way a feed reader would, for the render tests.

Usage: /usr/bin/python3 read_feeds.py FILE... -> one JSON report per file, as a JSON list.
Each XML file is parsed first with the standard library's expat parser (strict about
well-formedness: forbidden characters, unescaped markup), then with feedparser.
"""

import json
import sys
import time
import xml.etree.ElementTree as ElementTree

try:
    import feedparser
except ImportError:
    sys.stderr.write("feedparser-missing\n")
    sys.exit(3)


def iso(parsed):
    return None if parsed is None else time.strftime("%Y-%m-%dT%H:%M:%SZ", parsed)


def entry_report(entry):
    content = entry.get("content") or []
    return {
        "id": entry.get("id"),
        "title": entry.get("title"),
        "title_type": (entry.get("title_detail") or {}).get("type"),
        "link": entry.get("link"),
        "links": [{"rel": link.get("rel"), "href": link.get("href")} for link in entry.get("links", [])],
        "published": iso(entry.get("published_parsed")),
        "updated": iso(entry.get("updated_parsed")),
        "authors": [author.get("name") for author in entry.get("authors", [])],
        "tags": [{"term": tag.get("term"), "scheme": tag.get("scheme")} for tag in entry.get("tags", [])],
        "summary": entry.get("summary"),
        "content": content[0].get("value") if content else None,
        # RSS: the item's dc:language; Atom: the xml:lang in scope for its title (its own or the feed's).
        "language": entry.get("language") or (entry.get("title_detail") or {}).get("language"),
    }


def report(path):
    xml_error = None
    try:
        ElementTree.parse(path)
    except ElementTree.ParseError as error:
        xml_error = str(error)
    parsed = feedparser.parse(path)
    feed = parsed.get("feed", {})
    return {
        "path": path,
        "xml_error": xml_error,
        "bozo": bool(parsed.get("bozo")),
        "bozo_exception": str(parsed.get("bozo_exception")) if parsed.get("bozo") else None,
        "version": parsed.get("version"),
        "feed": {
            "title": feed.get("title"),
            "id": feed.get("id"),
            "link": feed.get("link"),
            "links": [{"rel": link.get("rel"), "href": link.get("href")} for link in feed.get("links", [])],
            "updated": iso(feed.get("updated_parsed")),
            "language": feed.get("language"),
        },
        "entries": [entry_report(entry) for entry in parsed.get("entries", [])],
    }


print(json.dumps([report(path) for path in sys.argv[1:]]))
