/**
 * Local stand-ins of the two SMS providers' HTTP APIs, reached by their real SDKs through an
 * endpoint override: Alibaba Cloud's RPC API (SendSms, QuerySendDetails) and Tencent Cloud's
 * TC3 JSON API (SendSms, PullSmsSendStatusByPhoneNumber). They answer as the providers document:
 * an unapproved template, an invalid number, and throttling (more than `perPhoneLimit` messages
 * to one number) come back with the providers' own error codes.
 */
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface StandIn {
  endpoint: string;
  /** messages accepted, in order */
  sent: { phone: string; template: string; params: unknown; id: string }[];
  /** ask the stand-in to answer every send as throttled (until set back) */
  throttleAll: boolean;
  close(): Promise<void>;
}

interface Options {
  approvedTemplates: string[];
  /** messages one number may receive before further ones are throttled */
  perPhoneLimit?: number;
}

async function bodyOf(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

async function listen(server: Server): Promise<string> {
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  return `127.0.0.1:${(server.address() as AddressInfo).port}`;
}

function standIn(_options: Options, answer: (req: IncomingMessage, body: string, state: StandIn) => unknown): Promise<StandIn> {
  const state = { sent: [], throttleAll: false } as unknown as StandIn;
  const server = createServer(async (req, res) => {
    const body = await bodyOf(req);
    const json = answer(req, body, state);
    res.writeHead(200, { 'content-type': 'application/json', 'x-tc-traceid': 'local' });
    res.end(JSON.stringify(json));
  });
  return listen(server).then((endpoint) =>
    Object.assign(state, {
      endpoint,
      close: () => new Promise<void>((done) => server.close(() => done())),
    }),
  );
}

const perPhone = (state: StandIn, phone: string) => state.sent.filter((s) => s.phone === phone).length;

/** Alibaba Cloud SMS: RPC style, parameters in the query string and the form body. */
export function aliyunStandIn(options: Options): Promise<StandIn> {
  return standIn(options, (req, body, state) => {
    const params = new URLSearchParams(new URL(req.url ?? '/', 'http://x').search);
    for (const [k, v] of new URLSearchParams(body)) params.set(k, v);
    const action = params.get('Action') ?? req.headers['x-acs-action'];
    const RequestId = `req-${state.sent.length}`;
    if (action === 'QuerySendDetails') {
      const found = state.sent.find((s) => s.id === params.get('BizId'));
      return { Code: 'OK', RequestId, SmsSendDetailDTOs: { SmsSendDetailDTO: found ? [{ SendStatus: 3, PhoneNum: found.phone }] : [] } };
    }
    const phone = params.get('PhoneNumbers') ?? '';
    const template = params.get('TemplateCode') ?? '';
    if (!/^1\d{10}$/.test(phone)) return { Code: 'isv.MOBILE_NUMBER_ILLEGAL', Message: '非法手机号', RequestId };
    if (!options.approvedTemplates.includes(template)) return { Code: 'isv.SMS_TEMPLATE_ILLEGAL', Message: '该账号下找不到对应模板', RequestId };
    if (state.throttleAll || perPhone(state, phone) >= (options.perPhoneLimit ?? 100)) return { Code: 'isv.BUSINESS_LIMIT_CONTROL', Message: '触发号码天级流控', RequestId };
    const id = `${100000 + state.sent.length}^0`;
    state.sent.push({ phone, template, params: JSON.parse(params.get('TemplateParam') ?? '{}'), id });
    return { Code: 'OK', Message: 'OK', BizId: id, RequestId };
  });
}

/** Tencent Cloud SMS: TC3 JSON API, the action in X-TC-Action. */
export function tencentStandIn(options: Options): Promise<StandIn> {
  return standIn(options, (req, body, state) => {
    const action = req.headers['x-tc-action'];
    const input = JSON.parse(body || '{}') as Record<string, unknown>;
    const RequestId = `req-${state.sent.length}`;
    if (action === 'PullSmsSendStatusByPhoneNumber') {
      const phone = String(input.PhoneNumber).replace(/^\+86/, '');
      const set = state.sent.filter((s) => s.phone === phone).map((s) => ({ SerialNo: s.id, PhoneNumber: input.PhoneNumber, ReportStatus: 'SUCCESS' }));
      return { Response: { PullSmsSendStatusSet: set, RequestId } };
    }
    if (action !== 'SendSms') return { Response: { Error: { Code: 'InvalidAction', Message: `no action ${String(action)}` }, RequestId } };
    const phone = String((input.PhoneNumberSet as string[])[0]).replace(/^\+86/, '');
    const template = String(input.TemplateId);
    const status = (Code: string, Message: string, SerialNo = '') => ({ Response: { SendStatusSet: [{ SerialNo, PhoneNumber: `+86${phone}`, Fee: SerialNo ? 1 : 0, Code, Message }], RequestId } });
    if (!options.approvedTemplates.includes(template)) return status('FailedOperation.TemplateUnapprovedOrNotExist', 'template is not approved or not exist');
    if (!/^1\d{10}$/.test(phone)) return status('InvalidParameterValue.IncorrectPhoneNumber', 'incorrect phone number');
    if (state.throttleAll || perPhone(state, phone) >= (options.perPhoneLimit ?? 100))
      return status('LimitExceeded.PhoneNumberDailyLimit', 'the number of sms messages sent from a single mobile number every day exceeds the upper limit');
    const id = `2433:${1000 + state.sent.length}`;
    state.sent.push({ phone, template, params: input.TemplateParamSet, id });
    return status('Ok', 'send success', id);
  });
}
