/**
 * Gives every receipt record a ledger import wrote before they were kept the loan's village
 * (`officeId`) and the date it was recorded (`recordedAt`: the repayment's `recordedAt`, the
 * committee's approval of the import), as receipts recorded in the app have. Reads the whole
 * table (a Scan: an operator's maintenance job, never on a request path); safe to run again
 * (a record that has both is skipped; the update is conditional on `officeId` being absent).
 */
import { ScanCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { documentClient, recordsTable } from '../../shared/store/client.ts';
import { keys } from '../../shared/store/keys.ts';
import { getRecord } from '../../shared/store/records.ts';

export interface BackfillCounts {
  /** receipt records given their office and date */
  filled: number;
  /** receipt records whose loan is not found (left as they are) */
  orphaned: number;
}

export async function backfillReceipts(opts: { dryRun: boolean }): Promise<BackfillCounts> {
  const client = documentClient();
  const TableName = recordsTable();
  const counts: BackfillCounts = { filled: 0, orphaned: 0 };
  let ExclusiveStartKey: Record<string, unknown> | undefined;
  do {
    const page = await client.send(
      new ScanCommand({
        TableName,
        ExclusiveStartKey,
        FilterExpression: '#type = :receipt AND attribute_not_exists(officeId)',
        ExpressionAttributeNames: { '#type': 'type' },
        ExpressionAttributeValues: { ':receipt': 'RECEIPT' },
      }),
    );
    for (const item of page.Items ?? []) {
      const loan = await getRecord<{ villageId: string }>(keys.loan(String(item.loanId)));
      if (!loan) {
        counts.orphaned++;
        continue;
      }
      const repayment = await getRecord<{ recordedAt?: string }>(keys.repayment(String(item.loanId), String(item.repaymentId)));
      counts.filled++;
      if (opts.dryRun) continue;
      await client
        .send(
          new UpdateCommand({
            TableName,
            Key: { pk: item.pk, sk: item.sk },
            UpdateExpression: repayment?.recordedAt ? 'SET officeId = :office, recordedAt = if_not_exists(recordedAt, :at)' : 'SET officeId = :office',
            ConditionExpression: 'attribute_not_exists(officeId)',
            ExpressionAttributeValues: { ':office': loan.villageId, ...(repayment?.recordedAt ? { ':at': repayment.recordedAt } : {}) },
          }),
        )
        .catch((error: { name?: string }) => {
          if (error.name !== 'ConditionalCheckFailedException') throw error; // filled meanwhile
        });
    }
    ExclusiveStartKey = page.LastEvaluatedKey;
  } while (ExclusiveStartKey);
  return counts;
}
