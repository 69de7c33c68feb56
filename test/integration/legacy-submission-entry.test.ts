/**
 * An application written before 6 December 2026 ("an application is its own submission entry",
 * docs/data-model.md) has its submission stored as a history event as well; every application
 * of a database of before is in that form. `loadApplicationCase` keeps the stored event and
 * derives none for it: one submission entry, not two. Here the
 * application is written as the code before the change wrote it: its record, then its
 * `application_submitted` event with the same who, when and figures.
 */
import { PutCommand } from '@aws-sdk/lib-dynamodb';
import { describe, expect, it } from 'vitest';
import { documentClient, recordsTable } from '../../shared/store/client.ts';
import { keys } from '../../shared/store/keys.ts';
import { getRecord } from '../../shared/store/records.ts';
import { newId } from '../../shared/usecases/context.ts';
import type { Application } from '../../shared/domain/entities.ts';
import { as } from '../support/api.ts';
import { applicationInput, daysAgo, openRound } from '../support/fixtures.ts';

/** The history event the submission wrote until 6 December 2026 (shared/usecases/applications.ts, stageSubmission, before 0d08384). */
async function storeLegacySubmissionEvent(app: Application): Promise<void> {
  await documentClient().send(
    new PutCommand({
      TableName: recordsTable(),
      Item: {
        ...keys.event(keys.application(app.id).pk, app.submittedAt, newId()),
        type: 'EVENT',
        at: app.submittedAt,
        actor: app.submittedBy,
        action: 'application_submitted',
        summary: `application for ${app.amountRequestedFen} fen submitted`,
        params: {
          amountRequestedFen: app.amountRequestedFen,
          submittedOn: app.submittedOn,
          ...(app.backDated ? { backDated: true, daysLate: app.backDated.daysLate } : {}),
        },
      },
      ConditionExpression: 'attribute_not_exists(pk)',
    }),
  );
}

describe('an application submitted before its record became its submission entry', () => {
  it('shows its submission once, on its page and in her personal-data copy, in each language', async () => {
    const roundId = await openRound();
    const submitted = await as('township').post('/applications', applicationInput(roundId));
    expect(submitted.status).toBe(201);
    const app = (await getRecord<Application>(keys.application(submitted.body.id)))!;
    const LANGS = ['zh-CN', 'bo', 'en'] as const;
    const submissionEntries = async (lang: string) => {
      const page = await as('district').get(`/applications/${app.id}`, { lang });
      expect(page.status).toBe(200);
      return (page.body.history as { action: string; text: string }[]).filter((h) => h.action === 'application_submitted');
    };
    // the entry read from the record (back-dated: entered 60 days after its paper date)
    const derived = await Promise.all(LANGS.map(submissionEntries));
    await storeLegacySubmissionEvent(app);
    const stored = await Promise.all(LANGS.map(submissionEntries));
    // one entry, and the stored one reads exactly as the derived one did (who, when, figures, text)
    expect(stored.map((e) => e.length)).toEqual([1, 1, 1]);
    expect(stored).toEqual(derived);
    expect(stored[0]![0]!.text).toMatch(/补登/);
    const copy = await as('district').post(`/applications/${app.id}/personal-data-copy`, { askedOn: daysAgo(1) });
    expect(copy.status).toBe(200);
    const mine = (copy.body.applications as { application: { id: string }; history: { action: string }[] }[]).find((a) => a.application.id === app.id)!;
    expect(mine.history.filter((h) => h.action === 'application_submitted')).toHaveLength(1);
  });
});
