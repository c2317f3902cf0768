import type { FrameworkBrowserQuery } from '../../gql/graphql';
import { trackColor } from '../../lib/labels';
import { sortMoves } from './moves';
import type { RoleGraphMove, RoleGraphRole } from './RoleGraph';
import { byLevel } from './TrackLadders';

export type BrowsedVersion = NonNullable<NonNullable<FrameworkBrowserQuery['framework']>['currentVersion']>;

/** A version arranged for display: tracks with colours and ordered rungs, ordered moves, and the graph's nodes and edges. */
export function buildFrameworkView(version: BrowsedVersion) {
  const tracks = version.tracks.map((track, index) => ({
    ...track,
    color: trackColor(index),
    roles: [...track.roles].sort(byLevel),
  }));
  // A role shared by several tracks is on each of their ladders, but is one node of the graph (on its own track).
  const ownRoles = (track: (typeof tracks)[number]) => track.roles.filter((role) => !role.track || role.track.id === track.id);
  const roleOrder = tracks.flatMap((track) => ownRoles(track).map((role) => role.id));
  const moves = sortMoves(version.transitions, roleOrder);
  const graphRoles: RoleGraphRole[] = tracks.flatMap((track) =>
    ownRoles(track).map((role) => ({
      id: role.id,
      title: role.title,
      level: role.level,
      trackId: track.id,
      trackName: track.name,
      color: track.color,
    })),
  );
  const graphMoves: RoleGraphMove[] = moves.map((move) => ({
    id: move.id,
    kind: move.kind,
    fromId: move.from.id,
    toId: move.to.id,
    fromTitle: move.from.title,
    toTitle: move.to.title,
  }));
  return { tracks, moves, graphRoles, graphMoves };
}

export type FrameworkView = ReturnType<typeof buildFrameworkView>;
