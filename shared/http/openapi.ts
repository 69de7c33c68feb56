/**
 * The OpenAPI 3.1 document, generated from the route table and its zod schemas: the
 * requests (path, query, header, body) and the answers (the success status with its
 * response schema, CSV where a report offers it, and the error body of every 4xx and 5xx).
 */
import * as z from 'zod/mini';
import * as Responses from '../domain/response-schemas.ts';
import { ROUTES, splitRouteKey, type RouteKey, type RouteSpec } from '../routes.ts';

const ERRORS: Record<string, string> = {
  '400': 'malformed request: bad JSON, a field missing, of the wrong type or breaking its rule (the field is named)',
  '401': 'no or invalid bearer token',
  '403': 'the caller’s role may not do this, or the record is outside the caller’s office',
  '404': 'unknown id',
  '409': 'the record is not in a state that allows this (the message names what is missing), or a concurrent change',
  '413': 'request body too large',
  '422': 'a value breaks a business rule (the field is named)',
  '500': 'an unexpected error; the answer says nothing about internals and the request may be retried',
  '503': 'the database is unreachable; nothing was changed, retry',
};

const jsonSchema = (schema: z.ZodMiniType, io: 'input' | 'output') => {
  const { $schema: _, ...rest } = z.toJSONSchema(schema, { io, unrepresentable: 'any', target: 'draft-2020-12' });
  return rest;
};

/**
 * Every named response schema becomes a component (`#/components/schemas/<name>`); the
 * records inside them (Actor, Loan, Repayment, …) are referenced, not repeated.
 */
function responseComponents(): { schemas: Record<string, unknown>; names: Map<z.ZodMiniType, string> } {
  const registry = z.registry<{ id: string }>();
  const names = new Map<z.ZodMiniType, string>();
  // by name, as Node's module namespace lists them (vitest's module runner lists them in export order): the same document however it was loaded
  const byName = Object.entries(Responses).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  for (const [name, schema] of byName) {
    if (!(schema instanceof z.ZodMiniType)) continue;
    registry.add(schema, { id: name });
    names.set(schema, name);
  }
  const { schemas } = z.toJSONSchema(registry, { io: 'output', unrepresentable: 'any', target: 'draft-2020-12', uri: (id) => `#/components/schemas/${id}` });
  const plain = Object.fromEntries(Object.entries(schemas).map(([name, { $schema: _, $id: __, ...rest }]) => [name, rest]));
  return { schemas: plain, names };
}

/** Routes whose query takes `format=csv` answer a CSV file (UTF-8 with BOM) instead of JSON. */
const offersCsv = (spec: RouteSpec): boolean => {
  const format = spec.query ? (jsonSchema(spec.query, 'input') as { properties?: Record<string, { enum?: unknown[] }> }).properties?.format : undefined;
  return format?.enum?.includes('csv') ?? false;
};

function successOf(spec: RouteSpec, names: Map<z.ZodMiniType, string>): Record<string, unknown> {
  const name = spec.response && names.get(spec.response);
  const schema = name ? { $ref: `#/components/schemas/${name}` } : spec.response ? jsonSchema(spec.response, 'output') : { type: 'object' };
  const content: Record<string, unknown> = { 'application/json': { schema } };
  if (offersCsv(spec))
    content['text/csv'] = { schema: { type: 'string', description: 'with ?format=csv: the same rows as CSV (UTF-8 with BOM; headers in the Accept-Language language, Chinese by default)' } };
  return { [String(spec.status ?? 200)]: { description: 'success', content } };
}

let cached: z.output<typeof Responses.OpenApiDocument> | undefined;

export function openApiDocument(): z.output<typeof Responses.OpenApiDocument> {
  if (cached) return cached;
  const components = responseComponents();
  const paths: Record<string, Record<string, unknown>> = {};
  for (const key of Object.keys(ROUTES) as RouteKey[]) {
    const spec: RouteSpec = ROUTES[key];
    const { method, path } = splitRouteKey(key);
    const parameters: unknown[] = [...path.matchAll(/\{(\w+)\}/g)].map((m) => ({ name: m[1], in: 'path', required: true, schema: { type: 'string' } }));
    if (spec.query) {
      const props = (jsonSchema(spec.query, 'input') as { properties?: Record<string, unknown> }).properties ?? {};
      for (const [name, schema] of Object.entries(props)) parameters.push({ name, in: 'query', required: false, schema });
    }
    if (spec.idempotencyKey)
      parameters.push({
        name: 'Idempotency-Key',
        in: 'header',
        required: spec.idempotencyKey === 'required',
        schema: { type: 'string', minLength: 8, maxLength: 128 },
        description: 'the same key again returns the first result; nothing is done twice',
      });
    const errors = Object.fromEntries(
      Object.entries(ERRORS)
        .filter(([code]) => spec.roles || code >= '500')
        .map(([code, description]) => [code, { description, content: { 'application/json': { schema: { $ref: '#/components/schemas/ErrorBody' } } } }]),
    );
    paths[path] ??= {};
    paths[path][method.toLowerCase()] = {
      summary: spec.summary,
      operationId: `${method.toLowerCase()}${path.replace(/\{(\w+)\}/g, 'By_$1').replace(/[^A-Za-z0-9]+(.)?/g, (_, c: string | undefined) => (c ? c.toUpperCase() : ''))}`,
      tags: [spec.fn],
      ...(spec.roles ? { security: [{ bearer: [] }], 'x-roles': spec.roles } : { security: [] }),
      ...(parameters.length ? { parameters } : {}),
      ...(spec.body ? { requestBody: { required: true, content: { 'application/json': { schema: jsonSchema(spec.body, 'input') } } } } : {}),
      responses: { ...successOf(spec, components.names), ...errors },
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
      schemas: components.schemas,
    },
    paths,
  };
  return cached;
}
