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

/** A route to emphasise: its roles in order, from the starting role to the goal. */
export interface RoleGraphRoute {
  roleIds: readonly string[];
}

type RoleNodeData = {
  title: string;
  level: number;
  trackName: string;
  color: string;
  href: string;
  /** "Start" or "Step n" on a highlighted route; undefined off it (or when no route is shown). */
  routeLabel?: string;
  dimmed: boolean;
};
type RoleNode = Node<RoleNodeData, 'role'>;

function RoleNodeView({ data }: NodeProps<RoleNode>) {
  const className = [classes.node, data.routeLabel ? classes.onRoute : '', data.dimmed ? classes.offRoute : ''].join(' ').trim();
  return (
    <div className={className} style={{ '--node-color': data.color } as CSSProperties}>
      {data.routeLabel ? <span className={classes.routeBadge}>{data.routeLabel}</span> : null}
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

/** Route emphasis: moves on the route are drawn thick, the rest faded (the steps list and node badges carry it in text). */
type Emphasis = 'normal' | 'onRoute' | 'offRoute';

function edgeStyle(kind: TransitionKind, emphasis: Emphasis = 'normal'): Pick<Edge, 'style' | 'markerEnd'> {
  const color = moveColor[kind];
  const width = emphasis === 'onRoute' ? 5 : 2;
  return {
    style: {
      stroke: color,
      strokeWidth: width,
      strokeDasharray: kind === 'LATERAL' ? '6 4' : undefined,
      opacity: emphasis === 'offRoute' ? 0.25 : undefined,
    },
    markerEnd: { type: MarkerType.ArrowClosed, color, width: emphasis === 'onRoute' ? 12 : 18, height: emphasis === 'onRoute' ? 12 : 18 },
  };
}

function routeLabels(route: RoleGraphRoute | undefined): Map<string, string> {
  return new Map((route?.roleIds ?? []).map((id, index) => [id, index === 0 ? 'Start' : `Step ${index}`]));
}

function routeMoveKeys(route: RoleGraphRoute | undefined): Set<string> {
  const ids = route?.roleIds ?? [];
  return new Set(ids.slice(1).map((id, index) => `${ids[index]}>${id}`));
}

/**
 * Roles and the moves between them, laid out by dagre. Each node is a real link to its role page; the graph never
 * takes keyboard focus itself (no focusable nodes or edges, no scroll capture), and the moves table next to it is
 * its text alternative. With a `route`, its roles carry a "Start"/"Step n" badge and its moves are drawn thick,
 * everything else faded; the page lists the same steps as text.
 */
export default function RoleGraph({
  roles,
  moves,
  route,
}: {
  roles: RoleGraphRole[];
  moves: RoleGraphMove[];
  route?: RoleGraphRoute;
}) {
  const { nodes, edges } = useMemo(() => {
    const byId = new Map(roles.map((role) => [role.id, role]));
    const labels = routeLabels(route);
    const routeMoves = routeMoveKeys(route);
    const emphasis = (onRoute: boolean): Emphasis => (!route ? 'normal' : onRoute ? 'onRoute' : 'offRoute');
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
          ...(labels.has(role.id) ? { routeLabel: labels.get(role.id) } : {}),
          dimmed: emphasis(labels.has(role.id)) === 'offRoute',
        },
        draggable: false,
        connectable: false,
        selectable: false,
        focusable: false,
      };
    });
    const edges: Edge[] = moves
      .filter((move) => byId.has(move.fromId) && byId.has(move.toId))
      .map((move) => {
        const onRoute = routeMoves.has(`${move.fromId}>${move.toId}`);
        return {
          id: move.id,
          source: move.fromId,
          target: move.toId,
          type: 'default',
          focusable: false,
          selectable: false,
          zIndex: onRoute ? 1 : 0,
          ariaLabel: `${onRoute ? 'On the route: ' : ''}${transitionKindLabel[move.kind]}: ${move.fromTitle} to ${move.toTitle}`,
          ...edgeStyle(move.kind, emphasis(onRoute)),
        };
      });
    return { nodes, edges };
  }, [roles, moves, route]);

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
