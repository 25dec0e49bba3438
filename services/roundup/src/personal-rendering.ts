import {
  type EditionContent,
  editionFor,
  type RoundupPreferences,
  roundupFilter,
  roundupPreferencesKey,
} from '@regwatch/core';
import { type RenderedEmail, renderRoundupEmail } from '@regwatch/render';
import { editionUrl, publicBase } from './roundup-links.ts';

// Stand-ins for a subscriber's links in a shared rendering: absolute http(s) URLs (the renderer
// links nothing else) of letters only, so no renderer escapes or rewrites them.
const manageMark = 'https://regwatch-mark.invalid/RWXMANAGEURLXRW';
const unsubscribeMark = 'https://regwatch-mark.invalid/RWXUNSUBSCRIBEURLXRW';

/** A subscriber's part of an edition, rendered: null when nothing of it matches their preferences. */
export type PersonalEdition = { storyCount: number; email: RenderedEmail } | null;

/**
 * Renders an edition once per distinct set of preferences: subscribers who chose alike share one
 * rendering, and their own links are put in its place-holders by string replacement.
 */
export class PersonalRenderings {
  readonly #content: EditionContent;
  readonly #publicUrl: string;
  readonly #shared = new Map<string, { storyCount: number; email: RenderedEmail; marked: boolean } | null>();
  /** Preferences as stored (JSON) → their normalised key: normalising is dearer than the lookup. */
  readonly #keys = new Map<string, string>();
  renders = 0;

  constructor(content: EditionContent, publicUrl: string) {
    this.#content = content;
    this.#publicUrl = publicUrl;
  }

  for(preferences: RoundupPreferences, links: { manageUrl: string; unsubscribeUrl: string }): PersonalEdition {
    const stored = JSON.stringify(preferences);
    let key = this.#keys.get(stored);
    if (key === undefined) {
      key = roundupPreferencesKey(preferences);
      this.#keys.set(stored, key);
    }
    let shared = this.#shared.get(key);
    if (shared === undefined) {
      const part = editionFor(this.#content, roundupFilter(preferences));
      if (part === null) shared = null;
      else {
        this.renders += 1;
        const email = this.#render(part, { manageUrl: manageMark, unsubscribeUrl: unsubscribeMark });
        // A renderer that changed the marks (encoded, shortened) gets a rendering per subscriber instead.
        const marked = [email.html, email.text].every((body) => body.includes(unsubscribeMark));
        shared = { storyCount: part.storyCount, email, marked };
      }
      this.#shared.set(key, shared);
    }
    if (shared === null) return null;
    if (!shared.marked) {
      const part = editionFor(this.#content, roundupFilter(preferences));
      if (part === null) return null;
      this.renders += 1;
      return { storyCount: part.storyCount, email: this.#render(part, links) };
    }
    const fill = (body: string) =>
      body.split(manageMark).join(links.manageUrl).split(unsubscribeMark).join(links.unsubscribeUrl);
    return {
      storyCount: shared.storyCount,
      email: { subject: shared.email.subject, html: fill(shared.email.html), text: fill(shared.email.text) },
    };
  }

  #render(part: EditionContent, links: { manageUrl: string; unsubscribeUrl: string }): RenderedEmail {
    return renderRoundupEmail(part, {
      editionUrl: editionUrl(this.#publicUrl, part.week),
      subscribeUrl: `${publicBase(this.#publicUrl)}/subscribe`,
      ...links,
    });
  }
}
