/** The field paths of a route's request (its body's and query's object keys, nested by dots), read from its zod/mini schemas. */
import type * as z from 'zod/mini';
import type { RouteSpec } from '../../shared/routes/spec.ts';

interface Def {
  type: string;
  shape?: Record<string, z.ZodMiniType>;
  element?: z.ZodMiniType;
  innerType?: z.ZodMiniType;
  in?: z.ZodMiniType;
  out?: z.ZodMiniType;
  options?: z.ZodMiniType[];
  left?: z.ZodMiniType;
  right?: z.ZodMiniType;
  getter?: () => z.ZodMiniType;
}

function walk(schema: z.ZodMiniType | undefined, prefix: string[], out: Set<string>, depth: number): void {
  if (!schema || depth > 12) return;
  const d = schema._zod.def as unknown as Def;
  const sub = (s: z.ZodMiniType | undefined, p = prefix) => walk(s, p, out, depth + 1);
  switch (d.type) {
    case 'object':
      for (const [k, v] of Object.entries(d.shape ?? {})) {
        out.add([...prefix, k].join('.'));
        sub(v, [...prefix, k]);
      }
      break;
    case 'array':
      sub(d.element);
      break;
    case 'pipe':
      sub(d.in);
      sub(d.out);
      break;
    case 'union':
      for (const o of d.options ?? []) sub(o);
      break;
    case 'intersection':
      sub(d.left);
      sub(d.right);
      break;
    case 'lazy':
      sub(d.getter?.());
      break;
    default:
      sub(d.innerType);
  }
}

export function fieldPaths(spec: Pick<RouteSpec, 'body' | 'query'>): Set<string> {
  const out = new Set<string>();
  walk(spec.body, [], out, 0);
  walk(spec.query, [], out, 0);
  return out;
}
