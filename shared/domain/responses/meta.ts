/** Answers of the meta routes (health, the OpenAPI document). (Part of `../response-schemas.ts`; a function's route table imports only its own parts.) */
import * as z from 'zod/mini';
import { instant } from './common.ts';

export const Health = z.object({ status: z.literal('ok'), database: z.literal('reachable'), time: instant });

export const OpenApiDocument = z.looseObject({
  openapi: z.literal('3.1.0'),
  info: z.object({ title: z.string(), version: z.string(), description: z.string() }),
  components: z.record(z.string(), z.record(z.string(), z.unknown())),
  paths: z.record(z.string(), z.record(z.string(), z.unknown())),
});
