/** A tree to draw: each node knows its own height (its lines of text); every node is `width` wide. */
export type LayoutInput<T> = Readonly<{ value: T; height: number; children: readonly LayoutInput<T>[] }>;

export type Placed<T> = Readonly<{ value: T; x: number; y: number; width: number; height: number; depth: number; parent: Placed<T> | null }>;

export type Layout<T> = Readonly<{ nodes: readonly Placed<T>[]; width: number; height: number }>;

export type Spacing = Readonly<{ width: number; gapX: number; gapY: number; margin: number }>;

/**
 * A tidy tree, simply: leaves take consecutive columns left to right, a parent sits centred over
 * its first and last child, and each depth is a row as tall as its tallest node. Subtrees never
 * overlap because each owns a contiguous run of columns; the drawing is as wide as there are
 * leaves, which for a fund flow (payments at the bottom) is what a reader scrolls through anyway.
 */
export function layoutTree<T>(root: LayoutInput<T>, s: Spacing): Layout<T> {
  const rowHeights: number[] = [];
  const measure = (n: LayoutInput<T>, depth: number) => {
    rowHeights[depth] = Math.max(rowHeights[depth] ?? 0, n.height);
    for (const c of n.children) measure(c, depth + 1);
  };
  measure(root, 0);
  const rowTop: number[] = [];
  let top = s.margin;
  for (const h of rowHeights) {
    rowTop.push(top);
    top += h + s.gapY;
  }

  const nodes: Placed<T>[] = [];
  let column = 0;
  const place = (n: LayoutInput<T>, depth: number, parent: Placed<T> | null): Placed<T> => {
    // The node is created before its children (they point to it), then centred once they are placed.
    const placed = { value: n.value, x: 0, y: rowTop[depth]!, width: s.width, height: n.height, depth, parent } as {
      -readonly [K in keyof Placed<T>]: Placed<T>[K];
    };
    nodes.push(placed);
    if (n.children.length === 0) {
      placed.x = s.margin + column * (s.width + s.gapX);
      column += 1;
    } else {
      const kids = n.children.map((c) => place(c, depth + 1, placed));
      placed.x = (kids[0]!.x + kids[kids.length - 1]!.x) / 2;
    }
    return placed;
  };
  place(root, 0, null);
  return {
    nodes,
    width: 2 * s.margin + column * s.width + Math.max(0, column - 1) * s.gapX,
    height: top - s.gapY + s.margin,
  };
}
