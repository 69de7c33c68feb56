import { openApiDocument } from '../shared/http/openapi.ts';
const d = openApiDocument();
const s = JSON.stringify(d);
console.log(s.length);
console.log(JSON.stringify((d.paths as any)['/loans/{id}'].get.responses));
console.log(JSON.stringify((d.paths as any)['/reports/fund'].get.responses['200']));
// every $ref resolves
const refs = [...s.matchAll(/"\$ref":"#\/components\/schemas\/(\w+)"/g)].map(m=>m[1]);
const missing = refs.filter(r => !(r in (d.components as any).schemas));
console.log('refs', refs.length, 'missing', missing);
