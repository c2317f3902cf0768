import {
  Background,
  Controls,
  Handle,
  MarkerType,
  Position,
  ReactFlow,
  type Edge,
  type Node,
  type NodeProps,
} from '@xyflow/react';
import '@xyflow/react/dist/style.css';
import { useLayoutEffect, useMemo, useRef, type CSSProperties } from 'react';
import { Link } from 'react-router';
import type { TransitionKind } from '../../gql/graphql';
import { moveColor, transitionKindLabel } from '../../lib/labels';
import { layoutRoleGraph, type GraphMove } from './roleGraphLayout';
import classes from './RoleGraph.module.css';

export interface RoleGraphRole {
  id: string;
  title: string;
  level: number;
  trackId: string;
  trackName: string;
  color: string;
}

export interface RoleGraphMove extends GraphMove {
  fromTitle: string;
  toTitle: string;
}

type RoleNodeData = { title: string; level: number; trackName: string; color: string; href: string };
type RoleNode = Node<RoleNodeData, 'role'>;

function RoleNodeView({ data }: NodeProps<RoleNode>) {
  return (
    <div className={classes.node} style={{ '--node-color': data.color } as CSSProperties}>
      <Handle type="target" position={Position.Bottom} isConnectable={false} className={classes.handle} />
      <Link to={data.href} className={classes.nodeLink} draggable={false}>
        {data.title}
      </Link>
      <span className={classes.nodeMeta}>
        Level {data.level} · {data.trackName}
      </span>
      <Handle type="source" position={Position.Top} isConnectable={false} className={classes.handle} />
    </div>
  );
}

const nodeTypes = { role: RoleNodeView };

function edgeStyle(kind: TransitionKind): Pick<Edge, 'style' | 'markerEnd'> {
  const color = moveColor[kind];
  return {
    style: { stroke: color, strokeWidth: 2, strokeDasharray: kind === 'LATERAL' ? '6 4' : undefined },
    markerEnd: { type: MarkerType.ArrowClosed, color, width: 18, height: 18 },
  };
}

/**
 * Roles and the moves between them, laid out by dagre. Each node is a real link to its role page; the graph never
 * takes keyboard focus itself (no focusable nodes or edges, no scroll capture), and the moves table next to it is
 * its text alternative.
 */
export default function RoleGraph({ roles, moves }: { roles: RoleGraphRole[]; moves: RoleGraphMove[] }) {
  const { nodes, edges } = useMemo(() => {
    const byId = new Map(roles.map((role) => [role.id, role]));
    const positioned = layoutRoleGraph(roles, moves);
    const nodes: RoleNode[] = positioned.map((role) => {
      const info = byId.get(role.id);
      return {
        id: role.id,
        type: 'role',
        position: { x: role.x, y: role.y },
        data: {
          title: role.title,
          level: role.level,
          trackName: info?.trackName ?? '',
          color: info?.color ?? '#495057',
          href: `/roles/${role.id}`,
        },
        draggable: false,
        connectable: false,
        selectable: false,
        focusable: false,
      };
    });
    const edges: Edge[] = moves
      .filter((move) => byId.has(move.fromId) && byId.has(move.toId))
      .map((move) => ({
        id: move.id,
        source: move.fromId,
        target: move.toId,
        type: 'default',
        focusable: false,
        selectable: false,
        ariaLabel: `${transitionKindLabel[move.kind]}: ${move.fromTitle} to ${move.toTitle}`,
        ...edgeStyle(move.kind),
      }));
    return { nodes, edges };
  }, [roles, moves]);

  // React Flow hard-codes role="application" on its wrapper, which would switch screen readers out of browse mode
  // for what is here a read-only picture with links. A plain group is the honest role.
  const canvasRef = useRef<HTMLDivElement>(null);
  useLayoutEffect(() => {
    canvasRef.current?.querySelector('.react-flow[role="application"]')?.setAttribute('role', 'group');
  }, []);

  return (
    <div className={classes.canvas} data-testid="role-graph" ref={canvasRef}>
      <ReactFlow
        nodes={nodes}
        edges={edges}
        nodeTypes={nodeTypes}
        colorMode="light"
        fitView
        fitViewOptions={{ padding: 0.08 }}
        minZoom={0.2}
        maxZoom={1.5}
        nodesDraggable={false}
        nodesConnectable={false}
        nodesFocusable={false}
        edgesFocusable={false}
        elementsSelectable={false}
        disableKeyboardA11y
        zoomOnScroll={false}
        zoomOnDoubleClick={false}
        panOnScroll={false}
        preventScrolling={false}
      >
        <Background gap={24} size={1} />
        <Controls showInteractive={false} position="bottom-right" />
      </ReactFlow>
    </div>
  );
}
