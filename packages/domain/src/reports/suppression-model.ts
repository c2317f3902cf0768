import type { CountedCell, SuppressionDimension } from './suppression.js';

/**
 * The internal model of suppression: dimensions with their node ids (real nodes, then the virtual own
 * parts and complements), and one problem's cube of cells keyed by coordinates. See suppression.ts.
 */

export class InconsistentCountsError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'InconsistentCountsError';
  }
}

export const EPSILON = 1e-9;

export interface Dim {
  name: string;
  /** Node names by id: the real nodes first, then virtual ones (own parts, complements). */
  names: string[];
  ids: Map<string, number>;
  realCount: number;
  parent: number[];
  children: number[][];
  depth: number[];
  /** Real node id → its own-part node id (only for nodes with children). */
  own: Map<number, number>;
  complements: boolean;
  /**
   * Real node id → [descendant, "node without descendant", the child on the way to it][] (only when
   * complements are built).
   */
  without: Map<number, [number, number, number][]>;
  hierarchical: boolean;
}

export function buildDim(spec: SuppressionDimension, index: number, used: ReadonlySet<string>): Dim {
  const name = spec.name ?? `dimension ${index + 1}`;
  const parentName = new Map<string, string | null>();
  if (spec.parents) {
    const entries = spec.parents instanceof Map ? [...spec.parents.entries()] : Object.entries(spec.parents);
    for (const [node, p] of entries) parentName.set(node, (p as string | null | undefined) ?? null);
  }
  for (const node of used) if (!parentName.has(node)) parentName.set(node, null);
  for (const p of [...parentName.values()]) if (p !== null && !parentName.has(p)) parentName.set(p, null);
  const names = [...parentName.keys()];
  const ids = new Map(names.map((node, i) => [node, i]));
  const parent = names.map((node) => {
    const p = parentName.get(node) ?? null;
    return p === null ? -1 : (ids.get(p) as number);
  });
  // Only nodes that have cells matter: a node without cells has nobody anywhere.
  const children: number[][] = names.map(() => []);
  parent.forEach((p, i) => {
    if (p >= 0 && used.has(names[i] as string)) (children[p] as number[]).push(i);
  });
  const depth: number[] = new Array(names.length).fill(-1);
  for (let start = 0; start < names.length; start++) {
    const path: number[] = [];
    let current = start;
    let base = -1;
    while (current >= 0) {
      if ((depth[current] as number) >= 0) {
        base = depth[current] as number;
        break;
      }
      if (path.includes(current)) throw new RangeError(`${name} has a loop of parents at "${names[current]}"`);
      path.push(current);
      current = parent[current] as number;
    }
    for (let i = path.length - 1; i >= 0; i--) depth[path[i] as number] = ++base;
  }
  return {
    name,
    names,
    ids,
    realCount: names.length,
    parent,
    children,
    depth,
    own: new Map(),
    complements: spec.complements ?? true,
    without: new Map(),
    hierarchical: children.some((list) => list.length > 0),
  };
}

function addVirtual(dim: Dim, name: string, depth: number): number {
  const id = dim.names.length;
  dim.names.push(name);
  dim.parent.push(-1);
  dim.children.push([]);
  dim.depth.push(depth);
  return id;
}

/** Own parts and "without one child" nodes, made once for every problem. */
export function prepareVirtualNodes(dims: Dim[], hierarchical: number[]): void {
  for (const d of hierarchical) {
    const dim = dims[d] as Dim;
    for (let node = 0; node < dim.realCount; node++) {
      const kids = dim.children[node] as number[];
      if (kids.length === 0) continue;
      const depth = (dim.depth[node] as number) + 1;
      dim.own.set(node, addVirtual(dim, `${dim.names[node]} (own people)`, depth));
      if (!dim.complements) continue;
      // Every descendant, not just the children: "everyone but one role" crosses two levels.
      const entries: [number, number, number][] = [];
      for (const kid of kids) {
        const below = [kid];
        for (let i = 0; i < below.length; i++) below.push(...(dim.children[below[i] as number] as number[]));
        for (const d of below) entries.push([d, addVirtual(dim, `${dim.names[node]} without ${dim.names[d]}`, depth), kid]);
      }
      dim.without.set(node, entries);
    }
  }
}

/** The cells of one problem, keyed by their hierarchical coordinates. */
export class Cube {
  readonly coords: number[][] = [];
  readonly counts: number[] = [];
  /** The input cell a cube cell is (-1 for a virtual group). */
  readonly input: number[] = [];
  /** Cell by key: a direct table when the key space is small enough, a map otherwise. */
  private readonly table: Int32Array | null;
  private readonly map = new Map<number, number>();
  private readonly strides: number[] = [];

  constructor(
    readonly dims: Dim[],
    readonly hierarchical: number[],
    cells: readonly CountedCell[],
    members: number[],
  ) {
    let stride = 1;
    for (const d of hierarchical) {
      this.strides.push(stride);
      stride *= (dims[d] as Dim).names.length;
    }
    if (stride > Number.MAX_SAFE_INTEGER) throw new RangeError('the cube has too many coordinates to index');
    this.table = stride <= 1 << 24 ? new Int32Array(stride).fill(-1) : null;
    for (const i of members) {
      const cell = cells[i] as CountedCell;
      const c = hierarchical.map((d) => (dims[d] as Dim).ids.get(cell.coords[d] as string) as number);
      if (this.at(c) !== undefined) throw new RangeError(`two cells have the same coordinates (${cell.coords.join(', ')})`);
      this.add(c, cell.count, i);
    }
  }

  add(c: number[], count: number, input: number): number {
    if (this.table) this.table[this.key(c)] = this.coords.length;
    else this.map.set(this.key(c), this.coords.length);
    this.coords.push(c);
    this.counts.push(count);
    this.input.push(input);
    return this.coords.length - 1;
  }

  key(c: readonly number[]): number {
    let key = 0;
    for (let h = 0; h < c.length; h++) key += (c[h] as number) * (this.strides[h] as number);
    return key;
  }

  at(c: readonly number[]): number | undefined {
    return this.lookup(this.key(c));
  }

  private lookup(key: number): number | undefined {
    if (!this.table) return this.map.get(key);
    const j = this.table[key] as number;
    return j < 0 ? undefined : j;
  }

  /** The cell with one coordinate replaced. */
  moved(j: number, h: number, node: number): number | undefined {
    const c = this.coords[j] as number[];
    return this.lookup(this.key(c) + (node - (c[h] as number)) * (this.strides[h] as number));
  }

  countMoved(j: number, h: number, node: number): number {
    const m = this.moved(j, h, node);
    return m === undefined ? 0 : (this.counts[m] as number);
  }

  describe(c: readonly number[]): string {
    return c.map((node, h) => (this.dims[this.hierarchical[h] as number] as Dim).names[node]).join(', ');
  }

  /** Every cell with people needs its parent cell along each hierarchy. */
  checkParents(): void {
    for (let j = 0; j < this.coords.length; j++) {
      if ((this.counts[j] as number) === 0) continue;
      this.hierarchical.forEach((d, h) => {
        const p = (this.dims[d] as Dim).parent[(this.coords[j] as number[])[h] as number] as number;
        if (p >= 0 && this.moved(j, h, p) === undefined) {
          const up = [...(this.coords[j] as number[])];
          up[h] = p;
          throw new InconsistentCountsError(
            `cell (${this.describe(this.coords[j] as number[])}) has people but its parent (${this.describe(up)}) is missing`,
          );
        }
      });
    }
  }

  /** Along hierarchy h: the count of cell j minus its children's (throws when negative). */
  ownCount(j: number, h: number): number {
    const dim = this.dims[this.hierarchical[h] as number] as Dim;
    const node = (this.coords[j] as number[])[h] as number;
    let sum = 0;
    for (const kid of dim.children[node] as number[]) sum += this.countMoved(j, h, kid);
    const own = (this.counts[j] as number) - sum;
    if (own < -EPSILON) {
      throw new InconsistentCountsError(
        `cell (${this.describe(this.coords[j] as number[])}) has ${this.counts[j]} people but its parts along ${dim.name} have ${sum}`,
      );
    }
    return own;
  }
}

