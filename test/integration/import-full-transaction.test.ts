/**
 * The import writes 49 rows a transaction, 2 items each, and the
 * back-dated exceptions item: 99 items, one under DynamoDB's 100. No other test fills a
 * transaction with back-dated rows (import-batches' rows carry no application date). Here 50
 * rows all dated 30 days back: a full transaction of 99 items and one of the last row (3), every
 * row accepted, the exceptions items naming the 50 (one a transaction), and each application's history showing its back-dated
 * submission (read from the record).
 */
import { describe, expect, it } from 'vitest';
import { as } from '../support/api.ts';
import { daysAgo, openRound, residentIdSequence, ZHIBA } from '../support/fixtures.ts';

/** Resident IDs unique within the run: a region code of our own, one birth date each. */
const newResidentId = residentIdSequence('5398');

const HEADER = '姓名,身份证号,村,家庭人口,家庭年收入(元),村人均收入(元),计生情况,项目类型,项目说明,预计年收益(元),申请金额(元),申请日期,同意书日期,告知人';
const csv = (ids: string[], on: string) => [HEADER, ...ids.map((id, i) => `卓玛${i},${id},${ZHIBA},5,9000,6200,双女户,养殖,养殖牦牛出售酥油奶渣,6000,${5000 + i},${on},${on},格桑`)].join('\n');

describe('an import transaction filled with back-dated rows', () => {
  it('writes 50 back-dated rows, 49 of them in one transaction of 99 items, and the exceptions items name them all', async () => {
    const roundId = await openRound();
    const ids = Array.from({ length: 50 }, () => newResidentId());
    const res = await as('township').post(`/rounds/${roundId}/imports`, { format: 'csv', content: csv(ids, daysAgo(30)), dryRun: false });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ accepted: 50, refused: 0, alreadyImported: 0 });
    const appIds: string[] = res.body.rows.map((r: { applicationId: string }) => r.applicationId);

    const report = (await as('committee').get('/reports/exceptions', { query: { kind: 'back_dated' } })).body;
    const ours = report.items.filter((e: { data?: { applications?: { id: string }[] } }) => e.data?.applications?.some((a) => appIds.includes(a.id)));
    expect(ours.map((e: { data: { applications: unknown[] } }) => e.data.applications.length).sort()).toEqual([1, 49]);
    expect(ours.flatMap((e: { data: { applications: { id: string }[] } }) => e.data.applications.map((a) => a.id)).sort()).toEqual([...appIds].sort());

    const page = await as('district').get(`/applications/${appIds[48]}`, { lang: 'zh-CN' });
    expect(page.body.history.map((h: { action: string; text: string }) => [h.action, h.text])).toEqual([['application_submitted', '提交申请，申请金额 5,048 元（补登，晚 30 天登记）']]);
  });
});
