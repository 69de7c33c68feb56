/**
 * A schema's description for the OpenAPI document, as zod's classic `.meta()` gave it: a copy
 * of the schema (its checks unchanged) with the metadata in the global registry. zod/mini's own
 * `z.meta()` is a check, and an object schema with a check can no longer be picked, extended
 * or made partial.
 */
import * as z from 'zod/mini';

export function withMeta<T extends z.ZodMiniType>(schema: T, meta: z.core.GlobalMeta): T {
  const copy = schema.clone();
  z.globalRegistry.add(copy, meta);
  return copy;
}
