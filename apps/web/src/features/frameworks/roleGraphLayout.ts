import dagre from '@dagrejs/dagre';
import type { TransitionKind } from '../../gql/graphql';

export const ROLE_NODE_WIDTH = 196;
export const ROLE_NODE_HEIGHT = 62;

export interface GraphRole {
  id: string;
  title: string;
  level: number;
  trackId: string;
}

export interface GraphMove {
  id: string;
  kind: TransitionKind;
  fromId: string;
  toId: string;
}

export interface PositionedRole extends GraphRole {
  /** Top-left corner, as React Flow expects. */
  x: number;
  y: number;
}

/**
 * Lays roles out with dagre, bottom to top, so promotions climb like a ladder.
 * Promotions weigh more than lateral moves, which keeps each track's rungs in a straight column where possible.
 */
export function layoutRoleGraph(roles: readonly GraphRole[], moves: readonly GraphMove[]): PositionedRole[] {
  const graph = new dagre.graphlib.Graph<object, { width: number; height: number; x?: number; y?: number }>();
  graph.setGraph({ rankdir: 'BT', nodesep: 28, ranksep: 56, marginx: 16, marginy: 16 });
  graph.setDefaultEdgeLabel(() => ({}));

  const known = new Set<string>();
  for (const role of roles) {
    known.add(role.id);
    graph.setNode(role.id, { width: ROLE_NODE_WIDTH, height: ROLE_NODE_HEIGHT });
  }
  for (const move of moves) {
    if (!known.has(move.fromId) || !known.has(move.toId) || move.fromId === move.toId) continue;
    graph.setEdge(move.fromId, move.toId, { weight: move.kind === 'PROMOTION' ? 4 : 1, minlen: 1 });
  }

  dagre.layout(graph);

  return roles.map((role) => {
    const node = graph.node(role.id);
    const cx = node?.x ?? 0;
    const cy = node?.y ?? 0;
    return { ...role, x: cx - ROLE_NODE_WIDTH / 2, y: cy - ROLE_NODE_HEIGHT / 2 };
  });
}
