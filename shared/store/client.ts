/**
 * One DynamoDB document client per process, created on first use. In AWS the SDK finds
 * region and credentials itself; locally `DYNAMODB_ENDPOINT` points at DynamoDB Local.
 */
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { optionalEnv, requiredEnv } from '../config.ts';

let doc: DynamoDBDocumentClient | undefined;

export function documentClient(): DynamoDBDocumentClient {
  if (!doc) {
    const endpoint = optionalEnv('DYNAMODB_ENDPOINT');
    const client = new DynamoDBClient(
      endpoint
        ? {
            endpoint,
            region: optionalEnv('AWS_REGION') ?? 'local',
            credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
            maxAttempts: 2,
          }
        : {},
    );
    doc = DynamoDBDocumentClient.from(client, { marshallOptions: { removeUndefinedValues: true } });
  }
  return doc;
}

/** The single table holding every record (name from the CDK stack's environment). */
export function recordsTable(): string {
  return requiredEnv('RECORDS_TABLE');
}
