export {
  Correction,
  type CorrectionKind,
  correctionValidator,
  type TagDimension,
  tagDimensions,
} from './correction.ts';
export { correctedTags, type EditorTag, withEditorTag } from './editor-tags.ts';
export { automaticMerges, type EditorMarks } from './placement.ts';
