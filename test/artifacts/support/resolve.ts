/**
 * Local values for what a template names with `Ref` and `Fn::GetAtt`: the DynamoDB Local
 * table of each table, an ARN for the mother key secret the local Secrets Manager answers,
 * a user pool id for the local Cognito — so a function's environment and its role's
 * resources can be read exactly as CloudFormation would fill them in.
 */
import type { CfnValue, Template } from './assembly.ts';

export const LOCAL_REGION = 'cn-north-1';
export const LOCAL_ACCOUNT = '000000000000';
const PARTITION = 'aws';

export interface LocalNames {
  ref: Map<string, string>;
  arn: Map<string, string>;
  /** local table name → logical id */
  tables: Map<string, string>;
  /** secret ARN → logical id */
  secrets: Map<string, string>;
}

/** `tableName(logicalId)` is the DynamoDB Local name of a template table (as `infra/local-tables.ts` creates it). */
export function localNames(template: Template, tableName: (logicalId: string) => string): LocalNames {
  const names: LocalNames = { ref: new Map(), arn: new Map(), tables: new Map(), secrets: new Map() };
  const arnOf = (service: string, resource: string) => `arn:${PARTITION}:${service}:${LOCAL_REGION}:${LOCAL_ACCOUNT}:${resource}`;
  for (const [id, r] of Object.entries(template.Resources)) {
    const service = r.Type.split('::')[1]?.toLowerCase() ?? 'local';
    switch (r.Type) {
      case 'AWS::DynamoDB::Table': {
        const name = tableName(id);
        names.ref.set(id, name);
        names.arn.set(id, arnOf('dynamodb', `table/${name}`));
        names.tables.set(name, id);
        break;
      }
      case 'AWS::SecretsManager::Secret': {
        const arn = arnOf('secretsmanager', `secret:${id}`);
        names.ref.set(id, arn);
        names.secrets.set(arn, id);
        break;
      }
      case 'AWS::Cognito::UserPool': {
        const poolId = `${LOCAL_REGION}_${id.slice(0, 9)}`;
        names.ref.set(id, poolId);
        names.arn.set(id, arnOf('cognito-idp', `userpool/${poolId}`));
        break;
      }
      default:
        names.ref.set(id, id);
        names.arn.set(id, arnOf(service, id));
    }
  }
  return names;
}

/** The string CloudFormation would put in place of `value`, or undefined when it cannot be known locally. */
export function resolveCfn(value: CfnValue | undefined, names: LocalNames): string | undefined {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (!value || Array.isArray(value)) return undefined;
  if (typeof value.Ref === 'string') {
    const pseudo: Record<string, string> = { 'AWS::Partition': PARTITION, 'AWS::Region': LOCAL_REGION, 'AWS::AccountId': LOCAL_ACCOUNT, 'AWS::URLSuffix': 'amazonaws.com' };
    return pseudo[value.Ref] ?? names.ref.get(value.Ref);
  }
  const getAtt = value['Fn::GetAtt'];
  if (Array.isArray(getAtt) && getAtt[1] === 'Arn' && typeof getAtt[0] === 'string') return names.arn.get(getAtt[0]);
  const join = value['Fn::Join'];
  if (Array.isArray(join) && typeof join[0] === 'string' && Array.isArray(join[1])) {
    const parts = join[1].map((p) => resolveCfn(p, names));
    return parts.every((p) => p !== undefined) ? parts.join(join[0]) : undefined;
  }
  return undefined;
}
