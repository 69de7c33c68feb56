/**
 * The local SMS provider's inboxes (`npm run dev` only; not a route of the API): every phone
 * with its count, or one phone's messages. Elsewhere the address does not exist (undefined).
 */
export interface DevInboxMessage {
  phone: string;
  text: string;
  kind: string;
  lang: 'bo' | 'zh-CN';
  at: string;
  providerMessageId: string;
}

async function devGet<T>(path: string, signal?: AbortSignal): Promise<T | undefined> {
  const res = await fetch(path, { signal, headers: { accept: 'application/json' } });
  if (!res.ok || !res.headers.get('content-type')?.includes('json')) return undefined;
  return (await res.json()) as T;
}

export const devPhones = (signal?: AbortSignal) => devGet<{ phones: { phone: string; count: number }[] }>('/dev/sms', signal);
export const devInbox = (phone: string, signal?: AbortSignal) => devGet<{ phone: string; messages: DevInboxMessage[] }>(`/dev/sms?phone=${encodeURIComponent(phone)}`, signal);
