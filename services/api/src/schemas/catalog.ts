import Type from 'typebox';
import { Nullable } from './common.ts';

const counts = {
  itemCount: Type.Integer({ minimum: 0, description: 'Items carrying this value' }),
  storyCount: Type.Integer({ minimum: 0, description: 'Stories carrying this value (through any of their items)' }),
};

export const PlatformList = Type.Object({
  data: Type.Array(
    Type.Object({
      id: Type.String({ description: 'Platform id, the value of the `platform` filter' }),
      name: Type.String(),
      kind: Type.String({ description: 'What kind of organisation: big-tech, social, ai, adtech, data-broker, …' }),
      parent: Nullable(
        Type.String({ description: 'The organisation that owns it; filtering by the parent includes it' }),
      ),
      ...counts,
    }),
  ),
});

export const JurisdictionList = Type.Object({
  data: Type.Array(
    Type.Object({
      code: Type.String({
        description: 'ISO 3166-1 or 3166-2 code, EU or EEA: the value of the `jurisdiction` filter',
      }),
      name: Type.String(),
      members: Type.Array(Type.String(), {
        description: 'For a bloc: the member states `expand=true` adds to it; empty otherwise',
      }),
      ...counts,
    }),
  ),
});

export const TopicList = Type.Object({
  data: Type.Array(
    Type.Object({
      id: Type.String({ description: 'Topic id, the value of the `topic` filter' }),
      name: Type.String(),
      definition: Type.String({ description: 'What belongs in the topic' }),
      ...counts,
    }),
  ),
});
