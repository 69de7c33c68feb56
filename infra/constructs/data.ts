/**
 * Stateful: the records table. One table holds every record (single-table design, see
 * docs/data-model.md); seven indexes serve the lists. On-demand, point-in-time recovery,
 * retained and protected from deletion, encrypted with a customer-managed KMS key.
 * The local dev server and the tests create their tables from this same definition.
 */
import { RemovalPolicy, Validations } from 'aws-cdk-lib';
import * as secretsmanager from 'aws-cdk-lib/aws-secretsmanager';
import * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import * as kms from 'aws-cdk-lib/aws-kms';
import { Construct } from 'constructs';
import { INDEX_PROJECTION } from '../../shared/store/index-projections.ts';
import { INDEX } from '../../shared/store/keys.ts';

const S = dynamodb.AttributeType.STRING;

export class DataStore extends Construct {
  readonly records: dynamodb.Table;
  readonly key: kms.Key;
  /** the key of the mothers' keyed hash (HMAC of the resident ID): generated once, read by the functions at cold start */
  readonly motherKeySecret: secretsmanager.Secret;
  readonly indexNames: string[] = Object.values(INDEX);

  constructor(scope: Construct, id: string) {
    super(scope, id);
    this.key = new kms.Key(this, 'RecordsKey', {
      description: 'Encrypts the loan records (mothers’ personal data) at rest',
      enableKeyRotation: true,
      removalPolicy: RemovalPolicy.RETAIN,
    });
    this.records = new dynamodb.Table(this, 'Records', {
      partitionKey: { name: 'pk', type: S },
      sortKey: { name: 'sk', type: S },
      billingMode: dynamodb.BillingMode.PAY_PER_REQUEST,
      pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true },
      deletionProtection: true,
      removalPolicy: RemovalPolicy.RETAIN,
      encryption: dynamodb.TableEncryption.CUSTOMER_MANAGED,
      encryptionKey: this.key,
      timeToLiveAttribute: 'expiresAt',
    });
    this.motherKeySecret = new secretsmanager.Secret(this, 'MotherKey', {
      description: 'Key of the keyed hash (HMAC-SHA256) that finds a mother by her resident ID number without storing it in a key',
      encryptionKey: this.key,
      generateSecretString: { passwordLength: 64, excludePunctuation: true, includeSpace: false },
      removalPolicy: RemovalPolicy.RETAIN,
    });
    Validations.of(this.motherKeySecret).acknowledge({
      id: 'AwsSolutions-SMG4',
      reason: 'rotating the HMAC key changes every mother key; it is rotated by hand with scripts/rekey-mothers.ts, which re-keys the records in the same step',
    });
    const attributes: Record<keyof typeof INDEX, [string, string]> = {
      byScope: ['scopePk', 'scopeSk'],
      byRound: ['roundPk', 'roundSk'],
      byMother: ['motherPk', 'motherSk'],
      byDue: ['duePk', 'dueSk'],
      byName: ['namePk', 'nameSk'],
      casesByScope: ['casePk', 'caseSk'],
      casesByRound: ['caseRoundPk', 'caseRoundSk'],
    };
    // a change of projection is a new index (new name): one index added or removed per deployment (docs/operations.md)
    for (const [use, [pk, sk]] of Object.entries(attributes) as [keyof typeof INDEX, [string, string]][]) {
      const projection = INDEX_PROJECTION[use];
      this.records.addGlobalSecondaryIndex({
        indexName: INDEX[use],
        partitionKey: { name: pk, type: S },
        sortKey: { name: sk, type: S },
        ...(projection === 'ALL' ? {} : { projectionType: dynamodb.ProjectionType.INCLUDE, nonKeyAttributes: projection }),
      });
    }
  }
}
