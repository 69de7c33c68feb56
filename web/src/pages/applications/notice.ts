/** Where an application's public notice stands. */
import type { Notice } from '../../api/records.ts';

export type NoticeState = 'none' | 'running' | 'over';
export function noticeState(notice: Notice | undefined, today: string): NoticeState {
  if (!notice) return 'none';
  return today <= notice.endsOn ? 'running' : 'over';
}
