/**
 * The project's Lambda function: Node 24 on ARM64, bundled by esbuild as ESM, JSON logs
 * kept 90 days, X-Ray tracing, and table access granted read-only or read-write.
 */
import { Duration, RemovalPolicy } from 'aws-cdk-lib';
import type * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import { NodejsFunction, OutputFormat } from 'aws-cdk-lib/aws-lambda-nodejs';
import * as logs from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';
import * as path from 'node:path';

export interface LoanFunctionProps {
  /** folder under functions/ holding handler.ts */
  name: string;
  environment?: Record<string, string>;
}

export class LoanFunction extends Construct {
  readonly fn: NodejsFunction;

  constructor(scope: Construct, id: string, props: LoanFunctionProps) {
    super(scope, id);
    const logGroup = new logs.LogGroup(this, 'Logs', { retention: logs.RetentionDays.THREE_MONTHS, removalPolicy: RemovalPolicy.DESTROY });
    this.fn = new NodejsFunction(this, 'Function', {
      entry: path.join(import.meta.dirname, '..', '..', 'functions', props.name, 'handler.ts'),
      handler: 'handler',
      runtime: lambda.Runtime.NODEJS_24_X,
      architecture: lambda.Architecture.ARM_64,
      memorySize: 512,
      timeout: Duration.seconds(10),
      tracing: lambda.Tracing.ACTIVE,
      logGroup,
      loggingFormat: lambda.LoggingFormat.JSON,
      environment: { POWERTOOLS_SERVICE_NAME: 'happiness-loans', NODE_OPTIONS: '--enable-source-maps', ...props.environment },
      bundling: {
        format: OutputFormat.ESM,
        target: 'node24',
        minify: true,
        sourceMap: true,
        metafile: true,
        externalModules: ['@aws-sdk/*'],
        banner: "import { createRequire as __createRequire } from 'module'; const require = __createRequire(import.meta.url);",
      },
    });
  }

  /** Grants the table (and its key) to the function: 'RO' reads only, 'RW' reads and writes. */
  bindTable(table: dynamodb.ITable, envName: string, accessMode: 'RO' | 'RW'): this {
    this.fn.addEnvironment(envName, table.tableName);
    if (accessMode === 'RO') table.grantReadData(this.fn);
    else table.grantReadWriteData(this.fn);
    return this;
  }
}
