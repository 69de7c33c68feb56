/** The public notice is printed per posting: each posting lists its own applicants under its own dates. */
import { describe, expect, it } from 'vitest';
import { noticePostings, unpostedApplications } from '../../web/src/print/notice.ts';
import { application, applications } from './print-fixtures.ts';

const names = (apps: { mother: { name: string } }[]) => apps.map((a) => a.mother.name);

describe('noticePostings', () => {
  it('splits a village into one posting per posting date, each with only its own applicants and dates', () => {
    // prepare: Zhiba has two postings (March and April) and one application not posted yet
    const zhiba = applications.filter((a) => a.villageId.endsWith('.zhiba'));

    // act
    const postings = noticePostings(zhiba);

    // assert
    expect(postings.map((p) => [p.postedOn, p.endsOn])).toEqual([
      ['2026-03-10', '2026-03-16'],
      ['2026-04-20', '2026-04-26'],
    ]);
    expect(names(postings[0]!.applications)).toEqual(['次仁央宗', '卓玛']);
    expect(names(postings[1]!.applications)).toEqual(['德吉', '白玛']);
    expect(postings.map((p) => p.totalRequestedFen)).toEqual([1_800_000, 2_000_000]);
  });

  it('never lists an unposted application under an earlier posting', () => {
    const postings = noticePostings(applications);

    const listed = postings.flatMap((p) => names(p.applications));
    expect(listed).not.toContain('央金');
    expect(names(unpostedApplications(applications))).toEqual(['央金']);
  });

  it('leaves out an application rejected since it was posted', () => {
    const listed = noticePostings(applications).flatMap((p) => names(p.applications));

    expect(listed).not.toContain('拉姆');
  });

  it('keeps villages apart even when they posted on the same days', () => {
    const postings = noticePostings(applications);

    const march = postings.filter((p) => p.postedOn === '2026-03-10');
    expect(march.map((p) => p.villageId.split('.').at(-1))).toEqual(['baiding', 'zhiba']);
    expect(names(march[0]!.applications)).toEqual(['普布卓嘎']);
    expect(new Set(postings.map((p) => p.key)).size).toBe(postings.length);
  });

  it('treats the same dates at another place as another posting', () => {
    const notice = { postedOn: '2026-06-01', endsOn: '2026-06-07', days: 7 };
    const atBoard = application({ mother: { name: '甲', residentId: '540102198001010018' }, notice: { ...notice, place: '村委会公示栏' } });
    const atSquare = application({ mother: { name: '乙', residentId: '540102198002020013' }, notice: { ...notice, place: '村广场' } });

    const postings = noticePostings([atBoard, atSquare]);

    expect(postings).toHaveLength(2);
    expect(postings.map((p) => p.place).sort()).toEqual(['村委会公示栏', '村广场']);
  });

  it('prints nothing when no application has been posted', () => {
    expect(noticePostings(applications.filter((a) => !a.notice))).toEqual([]);
  });
});
