import { defineConfig } from 'vitest/config';

/**
 * Four layers, each a vitest project (`npm test` runs them all; `--project <name>` one):
 * - unit: pure rules, no Java, no CDK synth (`npm run test:unit`, seconds);
 * - integration: use cases and handlers against DynamoDB Local (started once by the global setup);
 * - infra: CDK assertion and cdk-nag tests (synthesize the stack);
 * - browser: Chromium against the dev server's front door over DynamoDB Local;
 * - artifacts: the bundles CDK builds, run on Node 24 as Lambda runs them, against DynamoDB Local
 *   (`npm run test:artifacts`; see test/artifacts/).
 */
/**
 * RESPONSE_CONTRACT=strict: the local API checks every answer against its route's response schema (dev/local-api.ts).
 * MOTHER_KEY: the mothers' HMAC key of the test runs (in AWS: a Secrets Manager secret; locally: .local/mother-key).
 */
const env = {
  MOTHER_KEY: 'test-mother-key-of-this-test-run',
  AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
  POWERTOOLS_LOG_LEVEL: 'ERROR',
  LOG_LEVEL: 'ERROR',
  RESPONSE_CONTRACT: 'strict',
  // the mothers' text messages go to the local provider's inboxes (shared/sms/local.ts)
  SMS_PROVIDER: 'local',
};
const withDatabase = { globalSetup: ['test/support/global-setup.ts'], setupFiles: ['test/support/setup-env.ts'] };

export default defineConfig({
  test: {
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
    env,
    projects: [
      { extends: true, test: { name: 'unit', include: ['test/unit/**/*.test.ts'] } },
      // speed is measured by `npm run bench`, not by timeouts: a loaded machine may take minutes where an idle one takes seconds
      { extends: true, test: { name: 'integration', include: ['test/integration/**/*.test.ts'], ...withDatabase, testTimeout: 120_000 } },
      // a synthesis of the stack takes seconds alone and near a minute on a loaded machine
      { extends: true, test: { name: 'infra', include: ['test/infra/**/*.test.ts'], testTimeout: 180_000, hookTimeout: 180_000 } },
      // a page under load may take seconds to show a change: expect.poll waits up to 20 s (vitest's default is 1 s)
      { extends: true, test: { name: 'browser', include: ['test/e2e/**/*.test.ts'], ...withDatabase, expect: { poll: { timeout: 20_000 } } } },
      { extends: true, test: { name: 'artifacts', include: ['test/artifacts/**/*.test.ts'], globalSetup: ['test/artifacts/global-setup.ts'], testTimeout: 120_000, hookTimeout: 300_000 } },
    ],
  },
});
