/**
 * The web hosting sends the build's Brotli copies: a browser that accepts `br` gets
 * `/assets/x.js.br` (uploaded with `Content-Encoding: br` and the script's type) for
 * `/assets/x.js`; one that does not gets the plain file (compressed by CloudFront).
 */
import { App } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BROTLI_FUNCTION, WEB_DIST } from '../../infra/constructs/web.ts';
import { LoanSystemStack } from '../../infra/stack.ts';

type Request = { uri: string; headers: Record<string, { value: string }> };
const viewerRequest = new Function(`${BROTLI_FUNCTION}; return handler;`)() as (event: { request: Request }) => Request;
const uriFor = (uri: string, acceptEncoding?: string) => viewerRequest({ request: { uri, headers: acceptEncoding ? { 'accept-encoding': { value: acceptEncoding } } : {} } }).uri;

describe('the Brotli copies of the web app', () => {
  it('are asked of the bucket for a browser that accepts br, for built scripts and style sheets only', () => {
    expect(uriFor('/assets/index-Cud3ascC.js', 'gzip, deflate, br, zstd')).toBe('/assets/index-Cud3ascC.js.br');
    expect(uriFor('/assets/index-B1.css', 'br')).toBe('/assets/index-B1.css.br');
    expect(uriFor('/assets/index-Cud3ascC.js', 'gzip, deflate')).toBe('/assets/index-Cud3ascC.js');
    expect(uriFor('/assets/index-Cud3ascC.js')).toBe('/assets/index-Cud3ascC.js');
    expect(uriFor('/index.html', 'br')).toBe('/index.html'); // index.html and sw.js: no-cache, CloudFront compresses them
    expect(uriFor('/assets/noto-serif-tibetan.woff2', 'br')).toBe('/assets/noto-serif-tibetan.woff2');
  });

  it('exist in the build for every script and style sheet the bucket receives', () => {
    if (!existsSync(join(WEB_DIST, 'assets'))) return; // no build: nothing is deployed either (npm test builds first)
    const assets = readdirSync(join(WEB_DIST, 'assets'));
    const missing = assets.filter((f) => /\.(js|css)$/.test(f) && !assets.includes(`${f}.br`));
    expect(missing).toEqual([]);
  });

  it('are deployed with Content-Encoding br and their type, and the distribution runs the function on viewer requests', () => {
    const app = new App({ context: { 'aws:cdk:bundling-stacks': [], alarmEmail: 'none' } });
    const template = Template.fromStack(new LoanSystemStack(app, 'Brotli'));
    template.hasResourceProperties('AWS::CloudFront::Function', { FunctionConfig: Match.objectLike({ Runtime: 'cloudfront-js-2.0' }), FunctionCode: BROTLI_FUNCTION });
    template.hasResourceProperties('AWS::CloudFront::Distribution', {
      DistributionConfig: Match.objectLike({ DefaultCacheBehavior: Match.objectLike({ Compress: true, FunctionAssociations: [Match.objectLike({ EventType: 'viewer-request' })] }) }),
    });
    if (!existsSync(WEB_DIST)) return;
    const site = Object.values(template.findResources('Custom::CDKBucketDeployment')).map((d) => JSON.stringify(d));
    expect(site.filter((d) => d.includes('"content-encoding":"br"') && d.includes('"content-type":"text/javascript; charset=utf-8"'))).toHaveLength(1);
    expect(site.filter((d) => d.includes('"content-encoding":"br"') && d.includes('"content-type":"text/css; charset=utf-8"'))).toHaveLength(1);
    expect(site.filter((d) => !d.includes('"content-encoding"') && d.includes('*.br'))).toHaveLength(1); // the site itself leaves them out
  });
});
