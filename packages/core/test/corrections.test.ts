import { describe, expect, it } from 'vitest';
import { automaticMerges, correctedTags, correctionValidator, type EditorTag, withEditorTag } from '../src/index.ts';

// Issue 14: the rules of applying editors' corrections, pure.
const tag = (id: string, change: 'add' | 'remove', at = '2026-01-01T00:00:00.000Z'): EditorTag => ({
  dimension: 'platforms',
  id,
  change,
  editor: 'editor:ed@example.org',
  at,
});

describe('issue 14: correction rules', () => {
  it('validates corrections against the one schema, by kind', () => {
    expect(correctionValidator.Check({ kind: 'merge-stories', storyId: '1', intoStoryId: '2' })).toBe(true);
    expect(correctionValidator.Check({ kind: 'move-item', itemId: '7' })).toBe(true);
    expect(
      correctionValidator.Check({
        kind: 'change-tag',
        storyId: '3',
        dimension: 'platforms',
        tag: 'meta',
        change: 'add',
      }),
    ).toBe(true);
    expect(correctionValidator.Check({ kind: 'merge-stories', storyId: '01', intoStoryId: '2' })).toBe(false);
    expect(correctionValidator.Check({ kind: 'take-down-item', itemId: '7', extra: true })).toBe(false);
    expect(
      correctionValidator.Check({ kind: 'change-tag', storyId: '3', dimension: 'colour', tag: 'x', change: 'add' }),
    ).toBe(false);
  });

  it('applies editors’ tags over the items’ union: added kept, removed never re-added', () => {
    const editorTags = [tag('linkedin', 'add'), tag('tiktok', 'remove')];
    expect(correctedTags(['tiktok', 'meta'], editorTags, 'platforms')).toEqual(['linkedin', 'meta']);
    expect(correctedTags(['GB'], editorTags, 'jurisdictions')).toEqual(['GB']);
  });

  it('keeps the latest word per tag, so a tag removed can be added back', () => {
    const once = withEditorTag([], tag('tiktok', 'remove'));
    const again = withEditorTag(once, tag('tiktok', 'add', '2026-01-02T00:00:00.000Z'));
    expect(again).toEqual([tag('tiktok', 'add', '2026-01-02T00:00:00.000Z')]);
    expect(correctedTags([], again, 'platforms')).toEqual(['tiktok']);
  });

  it('never merges a story an editor arranged, either way, and never absorbs one an editor edited', () => {
    const marks = new Map([
      ['2', { placed: true, edited: false }],
      ['4', { placed: false, edited: true }],
    ]);
    const marksOf = (id: string) => marks.get(id) ?? { placed: false, edited: false };
    expect(automaticMerges('1', ['2', '3', '4'], marksOf)).toEqual(['3']);
    expect(automaticMerges('2', ['1', '3'], marksOf)).toEqual([]);
    expect(automaticMerges('4', ['1', '3'], marksOf)).toEqual(['1', '3']);
  });
});
