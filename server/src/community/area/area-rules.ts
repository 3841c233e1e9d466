/** Pure rules of 圏域 configuration. */

/** Would making `parentId` the parent of `areaId` close a loop (an area inside itself)? */
export function makesCycle(links: ReadonlyMap<string, string | null>, areaId: string, parentId: string): boolean {
  const seen = new Set<string>();
  for (let cur: string | null | undefined = parentId; cur; cur = links.get(cur)) {
    if (cur === areaId) return true;
    if (seen.has(cur)) return true;
    seen.add(cur);
  }
  return false;
}
