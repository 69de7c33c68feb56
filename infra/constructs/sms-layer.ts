/**
 * The SMS providers' SDKs as a Lambda layer (`/opt/nodejs/node_modules`), so the sender's
 * bundle holds only the project's code: Alibaba's Dysmsapi client and Tencent's SMS client
 * with what they need at run time are 1.7 MB, more than all the other functions together,
 * and they change only when package.json pins new versions. The layer is built from the
 * packages npm installed (the same versions the tests ran), without TypeScript declarations,
 * sources, maps or @types; its asset hash is the list of name@version, so a synth rebuilds it
 * only when a version changes. The sender imports them by name (LAYERED_MODULES in
 * lambda-function.ts leaves those imports to the runtime; Lambda resolves ES module imports
 * from a layer's nodejs/node_modules since Node 18).
 */
import { AssetHashType, DockerImage } from 'aws-cdk-lib';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import { Construct } from 'constructs';
import { cpSync, existsSync, readFileSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';

const ROOT = join(import.meta.dirname, '..', '..');
/** The packages the sender imports (shared/sms/aliyun.ts, shared/sms/tencent.ts). */
export const SMS_SDK_PACKAGES = ['@alicloud/dysmsapi20170525', '@alicloud/openapi-core', 'tencentcloud-sdk-nodejs-sms'];

/** Where Node would find `name` from `from` (a package folder or the project), or undefined. */
function locate(name: string, from: string): string | undefined {
  for (let dir = from; ; dir = dirname(dir)) {
    const candidate = join(dir, 'node_modules', name);
    if (existsSync(join(candidate, 'package.json'))) return candidate;
    if (dir === ROOT || dirname(dir) === dir) return undefined;
  }
}

/** The package folders the SDKs need at run time: their dependencies, transitively (never @types: declarations only). */
export function sdkClosure(roots: readonly string[] = SMS_SDK_PACKAGES): { dir: string; name: string; version: string }[] {
  const found = new Map<string, { dir: string; name: string; version: string }>();
  const queue = roots.map((name) => {
    const dir = locate(name, ROOT);
    if (!dir) throw new Error(`${name} is not installed: run npm ci`);
    return dir;
  });
  while (queue.length) {
    const dir = queue.pop()!;
    if (found.has(dir)) continue;
    const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { name: string; version: string; dependencies?: Record<string, string>; optionalDependencies?: Record<string, string> };
    found.set(dir, { dir, name: pkg.name, version: pkg.version });
    for (const dep of Object.keys({ ...pkg.dependencies, ...pkg.optionalDependencies })) {
      if (dep.startsWith('@types/')) continue;
      const at = locate(dep, dir);
      if (at) queue.push(at);
      else if (!pkg.optionalDependencies?.[dep]) throw new Error(`${pkg.name} needs ${dep}, which is not installed`);
    }
  }
  return [...found.values()].sort((a, b) => a.dir.localeCompare(b.dir));
}

/** Files a layer does not need: declarations, TypeScript sources, source maps, documents. */
const SKIPPED = /(\.d\.ts|\.d\.mts|\.d\.cts|\.ts|\.map|\.md|\.markdown)$/i;

/** Copies the closure into `outputDir/nodejs/node_modules`, each package at the path npm installed it. */
export function writeSdkLayer(outputDir: string, closure = sdkClosure()): void {
  const modules = join(ROOT, 'node_modules');
  for (const { dir } of closure) {
    cpSync(dir, join(outputDir, 'nodejs', 'node_modules', relative(modules, dir)), {
      recursive: true,
      dereference: true,
      // nested node_modules are packages of their own: copied when the closure holds them
      filter: (src) => !SKIPPED.test(src) && !relative(dir, src).split(sep).includes('node_modules'),
    });
  }
}

export class SmsSdkLayer extends Construct {
  readonly layer: lambda.LayerVersion;

  constructor(scope: Construct, id: string) {
    super(scope, id);
    const closure = sdkClosure();
    this.layer = new lambda.LayerVersion(this, 'Layer', {
      description: `SMS providers' SDKs: ${SMS_SDK_PACKAGES.map((n) => `${n}@${closure.find((c) => c.name === n)!.version}`).join(', ')}`,
      compatibleRuntimes: [lambda.Runtime.NODEJS_24_X],
      compatibleArchitectures: [lambda.Architecture.ARM_64],
      code: lambda.Code.fromAsset(join(ROOT, 'shared', 'sms'), {
        assetHashType: AssetHashType.CUSTOM,
        assetHash: closure.map((c) => `${relative(ROOT, c.dir)}@${c.version}`).join('\n'),
        bundling: {
          // used only when local bundling is impossible; the packages are pure JavaScript
          image: DockerImage.fromRegistry('public.ecr.aws/sam/build-nodejs24.x'),
          local: {
            tryBundle(outputDir) {
              writeSdkLayer(outputDir, closure);
              return true;
            },
          },
        },
      }),
    });
  }
}
