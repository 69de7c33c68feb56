/** The OpenAPI 3.1 document, generated from the route table and its zod schemas. */
import * as z from 'zod';
import { ROUTES, splitRouteKey, type RouteKey } from '../routes.ts';

const ErrorBody = z.object({
  error: z.object({ code: z.string(), message: z.string(), field: z.string().optional() }),
});

const ERRORS: Record<string, string> = {
  '400': 'malformed request: bad JSON, a field missing, of the wrong type or breaking its rule (the field is named)',
  '401': 'no or invalid bearer token',
  '403': 'the caller’s role may not do this, or the record is outside the caller’s office',
  '404': 'unknown id',
  '409': 'the record is not in a state that allows this (the message names what is missing), or a concurrent change',
  '413': 'request body too large',
  '422': 'a value breaks a business rule (the field is named)',
  '503': 'the database is unreachable; nothing was changed, retry',
};

const jsonSchema = (schema: z.ZodType, io: 'input' | 'output') => z.toJSONSchema(schema, { io, unrepresentable: 'any', target: 'draft-2020-12' });

let cached: Record<string, unknown> | undefined;

export function openApiDocument(): Record<string, unknown> {
  if (cached) return cached;
  const paths: Record<string, Record<string, unknown>> = {};
  for (const key of Object.keys(ROUTES) as RouteKey[]) {
    const spec = ROUTES[key] as (typeof ROUTES)[RouteKey] & { body?: z.ZodType; query?: z.ZodType; roles?: readonly string[]; idempotencyKey?: string; status?: number };
    const { method, path } = splitRouteKey(key);
    const parameters: unknown[] = [...path.matchAll(/\{(\w+)\}/g)].map((m) => ({ name: m[1], in: 'path', required: true, schema: { type: 'string' } }));
    if (spec.query) {
      const props = (jsonSchema(spec.query, 'input') as { properties?: Record<string, unknown> }).properties ?? {};
      for (const [name, schema] of Object.entries(props)) parameters.push({ name, in: 'query', required: false, schema });
    }
    if (spec.idempotencyKey)
      parameters.push({ name: 'Idempotency-Key', in: 'header', required: spec.idempotencyKey === 'required', schema: { type: 'string', minLength: 8, maxLength: 128 }, description: 'the same key again returns the first result; nothing is done twice' });
    const errors = Object.fromEntries(
      Object.entries(ERRORS)
        .filter(([code]) => spec.roles || code === '503')
        .map(([code, description]) => [code, { description, content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } } }]),
    );
    paths[path] ??= {};
    paths[path][method.toLowerCase()] = {
      summary: spec.summary,
      operationId: `${method.toLowerCase()}${path.replace(/\{(\w+)\}/g, 'By_$1').replace(/[^A-Za-z0-9]+(.)?/g, (_, c: string | undefined) => (c ? c.toUpperCase() : ''))}`,
      tags: [spec.fn],
      ...(spec.roles ? { security: [{ bearer: [] }], 'x-roles': spec.roles } : { security: [] }),
      ...(parameters.length ? { parameters } : {}),
      ...(spec.body ? { requestBody: { required: true, content: { 'application/json': { schema: jsonSchema(spec.body, 'input') } } } } : {}),
      responses: { [String(spec.status ?? 200)]: { description: 'success', content: { 'application/json': { schema: { type: 'object' } } } }, ...errors },
    };
  }
  cached = {
    openapi: '3.1.0',
    info: {
      title: 'Happiness Project loan system (幸福工程)',
      version: '1.0.0',
      description: 'Interest-free loans to poor mothers: rounds, applications, screening, loans, evaluations and repayments. Money is integer fen (fields ending Fen); dates are YYYY-MM-DD.',
    },
    components: {
      securitySchemes: { bearer: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT', description: 'Cognito ID token; groups give the role, custom:office the office' } },
      schemas: { Error: jsonSchema(ErrorBody, 'output') },
    },
    paths,
  };
  return cached;
}
