/** Points each test worker at the DynamoDB Local started by the global setup. */
import { inject } from 'vitest';

process.env.DYNAMODB_ENDPOINT = inject('dynamoEndpoint');
Object.assign(process.env, inject('tableEnvironment'));
process.env.SMS_LOCAL_INBOX_DIR = inject('smsInboxDir');
