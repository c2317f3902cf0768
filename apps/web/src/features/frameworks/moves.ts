import type { TransitionKind } from '../../gql/graphql';

export interface MoveRole {
  id: string;
  title: string;
}

export interface Move {
  id: string;
  kind: TransitionKind;
  typicalMonths?: number | null;
  guidance?: string | null;
  from: MoveRole;
  to: MoveRole;
}

/** Orders moves by where they start (the given role order), promotions before lateral moves, then by destination. */
export function sortMoves<T extends Move>(moves: readonly T[], roleOrder: readonly string[]): T[] {
  const rank = new Map(roleOrder.map((id, index) => [id, index]));
  const position = (id: string) => rank.get(id) ?? Number.MAX_SAFE_INTEGER;
  return [...moves].sort(
    (a, b) =>
      position(a.from.id) - position(b.from.id) ||
      (a.kind === b.kind ? 0 : a.kind === 'PROMOTION' ? -1 : 1) ||
      position(a.to.id) - position(b.to.id) ||
      a.to.title.localeCompare(b.to.title),
  );
}
