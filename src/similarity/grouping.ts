/** Union-find over dense integer ids, with path halving. */
export class UnionFind {
  private readonly parent: Int32Array;
  constructor(size: number) {
    this.parent = new Int32Array(size);
    for (let i = 0; i < size; i++) this.parent[i] = i;
  }
  find(x: number): number {
    let node = x;
    while (this.parent[node] !== node) {
      const up = this.parent[this.parent[node] as number] as number;
      this.parent[node] = up;
      node = up;
    }
    return node;
  }
  union(a: number, b: number): number {
    const ra = this.find(a);
    const rb = this.find(b);
    if (ra === rb) return ra;
    const [keep, drop] = ra < rb ? [ra, rb] : [rb, ra];
    this.parent[drop] = keep;
    return keep;
  }
}

export interface Edge {
  a: number;
  b: number;
  similarity: number;
}

export interface CohesiveGroup {
  /** Node ids, ascending. */
  nodes: number[];
  /** The weakest accepted edge inside the group. */
  similarity: number;
}

/**
 * Groups nodes joined by verified edges, strongest edges first. Two groups merge only when at least
 * `cohesion` of the possible links between them are edges, so a chain A–B–C where A and C share nothing
 * stays together only while it is mostly connected, and one bridge pair between two unrelated families of
 * copies does not merge them. Nodes carry a weight (an exact-copy class counts as its members).
 */
export function cohesiveGroups(nodeCount: number, edges: Edge[], cohesion: number): CohesiveGroup[] {
  const sorted = [...edges].sort((x, y) => y.similarity - x.similarity || x.a - y.a || x.b - y.b);
  const neighbours = new Map<number, number[]>();
  for (const { a, b } of sorted) {
    (neighbours.get(a) ?? neighbours.set(a, []).get(a))?.push(b);
    (neighbours.get(b) ?? neighbours.set(b, []).get(b))?.push(a);
  }
  const groups = new UnionFind(nodeCount);
  const members = new Map<number, number[]>();
  const weakest = new Map<number, number>();
  const membersOf = (root: number) => members.get(root) ?? [root];
  for (const { a, b, similarity } of sorted) {
    const ra = groups.find(a);
    const rb = groups.find(b);
    if (ra === rb) {
      weakest.set(ra, Math.min(weakest.get(ra) ?? 1, similarity));
      continue;
    }
    const left = membersOf(ra);
    const right = membersOf(rb);
    const [small, other] = left.length <= right.length ? [left, rb] : [right, ra];
    let links = 0;
    for (const node of small) {
      for (const next of neighbours.get(node) ?? []) if (groups.find(next) === other) links++;
    }
    if (links < cohesion * left.length * right.length) continue;
    const root = groups.union(ra, rb);
    members.delete(ra);
    members.delete(rb);
    members.set(root, [...left, ...right]);
    weakest.set(root, Math.min(weakest.get(ra) ?? 1, weakest.get(rb) ?? 1, similarity));
  }
  return [...members.entries()]
    .map(([root, nodes]) => ({ nodes: nodes.sort((x, y) => x - y), similarity: weakest.get(root) ?? 1 }))
    .sort((x, y) => (x.nodes[0] as number) - (y.nodes[0] as number));
}
