import { writeFileSync } from 'node:fs';
import { openApiDocument } from '../shared/http/openapi.ts';
writeFileSync('.scratch/openapi.json', JSON.stringify(openApiDocument(), null, 1));
