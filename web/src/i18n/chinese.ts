/**
 * The Chinese words loaded so far, as a leaf: the app's own part (added by `catalogue.ts`), then
 * each part of the catalogue (`zh-CN.<area>.ts`) as its pages load. The parts import `addChinese`
 * from here, never from the module that reads the words, so no part imports it back in a cycle.
 */
export const loadedChinese: Record<string, string> = {};

/** Called by a part of the Chinese catalogue when it loads. */
export function addChinese(part: Readonly<Record<string, string>>): void {
  Object.assign(loadedChinese, part);
}
