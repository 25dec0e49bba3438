import authorities from '../../lexicons/authorities.json' with { type: 'json' };
import laws from '../../lexicons/laws.json' with { type: 'json' };
import places from '../../lexicons/places.json' with { type: 'json' };
import platforms from '../../lexicons/platforms.json' with { type: 'json' };
import topics from '../../lexicons/topics.json' with { type: 'json' };
import type { Lexicons } from './lexicon-types.ts';
import { validateLexicons } from './validate-lexicons.ts';

/**
 * The lexicons shipped in packages/core/lexicons/, validated once when the module loads: a
 * broken edit fails every import (and the lexicon test) with a message naming the entry.
 */
export const builtinLexicons: Lexicons = validateLexicons({ platforms, authorities, laws, places, topics });
