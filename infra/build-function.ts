/**
 * `tsx infra/build-function.ts <function> <folder>`: writes the function's bundle with its
 * texts split by language (infra/function-bundle.ts) into the folder. NodejsFunction runs it
 * after its own esbuild step (`commandHooks.afterBundling`, infra/constructs/lambda-function.ts),
 * so the asset holds index.mjs and i18n-<lang>.cjs built together.
 */
import { buildFunctionBundle } from './function-bundle.ts';

const [name, outdir] = process.argv.slice(2);
if (!name || !outdir) {
  console.error('usage: tsx infra/build-function.ts <function> <folder>');
  process.exit(2);
}
await buildFunctionBundle(name, outdir, { write: true });
