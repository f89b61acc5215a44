import { Kind, parse, type FieldNode, type FragmentDefinitionNode, type OperationDefinitionNode } from 'graphql';
import { describe, expect, it } from 'vitest';
import { connectionNodeFields } from '../../src/graphql/lookahead.ts';

/** The resolve info of the first top-level field of a document's operation. */
function infoOf(document: string) {
  const doc = parse(document);
  const operation = doc.definitions.find((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION)!;
  const fragments = Object.fromEntries(
    doc.definitions.filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION).map((d) => [d.name.value, d]),
  );
  return { fieldNodes: [operation.selectionSet.selections[0] as FieldNode], fragments };
}

describe('connectionNodeFields', () => {
  it('lists the fields under edges { node }', () => {
    expect(connectionNodeFields(infoOf('{ grants { totalCount edges { cursor node { externalId account { slackId } } } } }'))).toEqual(new Set(['externalId', 'account']));
  });

  it('lists the fields under nodes, and merges both', () => {
    expect(connectionNodeFields(infoOf('{ grants { nodes { entitlement { id } } edges { node { account { id } } } } }'))).toEqual(new Set(['entitlement', 'account']));
  });

  it('looks through named and inline fragments at every level', () => {
    const info = infoOf(`
      query { grants { ...Page } }
      fragment Page on GrantConnection { edges { ... on GrantEdge { node { ...Shown } } } }
      fragment Shown on Grant { externalId ... on Grant { entitlement { id } } }`);
    expect(connectionNodeFields(info)).toEqual(new Set(['externalId', 'entitlement']));
  });

  it('does not confuse a nested field of the same name with a node field', () => {
    expect(connectionNodeFields(infoOf('{ grants { edges { node { entitlement { grants { edges { node { account { id } } } } } } } } }'))).toEqual(new Set(['entitlement']));
  });

  it('is empty when nodes are not asked for', () => {
    expect(connectionNodeFields(infoOf('{ grants { totalCount pageInfo { hasNextPage } } }')).size).toBe(0);
  });
});
