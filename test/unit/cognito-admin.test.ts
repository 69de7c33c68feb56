/** The Cognito side of the staff directory, with a stubbed SDK client: what is sent to the user pool, and how refusals come back. */
import { AdminCreateUserCommand, AdminDisableUserCommand, AdminEnableUserCommand, UsernameExistsException } from '@aws-sdk/client-cognito-identity-provider';
import { describe, expect, it } from 'vitest';
import { Conflict, ValidationFailed } from '../../shared/domain/errors.ts';
import type { StaffMember } from '../../shared/domain/staff.ts';
import { CognitoIdentityAdmin, type CognitoSender } from '../../shared/identity/admin.ts';

const staff: StaffMember = {
  id: '01JCLERK00000000000000000A',
  username: 'gesang',
  displayName: '蔡公堂乡 · 格桑',
  role: 'township',
  officeId: 'lhasa.chengguan.caigongtang',
  active: true,
  email: 'gesang@example.cn',
  createdAt: '2026-11-01T00:00:00.000Z',
  updatedAt: '2026-11-01T00:00:00.000Z',
  version: 1,
};

function stub(fail?: Error): CognitoSender & { sent: unknown[] } {
  const sent: unknown[] = [];
  return {
    sent,
    async send(command) {
      sent.push(command);
      if (fail) throw fail;
      return {};
    },
  };
}

describe('CognitoIdentityAdmin', () => {
  it('creates the pool user with the e-mail the temporary password goes to, and the display name', async () => {
    const client = stub();
    await new CognitoIdentityAdmin('cn-pool-1', client).createUser(staff);
    expect(client.sent).toHaveLength(1);
    const command = client.sent[0] as AdminCreateUserCommand;
    expect(command).toBeInstanceOf(AdminCreateUserCommand);
    expect(command.input).toEqual({
      UserPoolId: 'cn-pool-1',
      Username: 'gesang',
      DesiredDeliveryMediums: ['EMAIL'],
      UserAttributes: [
        { Name: 'email', Value: 'gesang@example.cn' },
        { Name: 'email_verified', Value: 'true' },
        { Name: 'name', Value: '蔡公堂乡 · 格桑' },
      ],
    });
  });

  it('refuses a person without an e-mail address before calling the pool', async () => {
    const client = stub();
    const { email: _omitted, ...withoutEmail } = staff;
    await expect(new CognitoIdentityAdmin('cn-pool-1', client).createUser(withoutEmail)).rejects.toThrow(ValidationFailed);
    expect(client.sent).toEqual([]);
  });

  it('answers a username the pool already has with 409 username_taken', async () => {
    const client = stub(new UsernameExistsException({ message: 'User account already exists', $metadata: {} }));
    const refused = new CognitoIdentityAdmin('cn-pool-1', client).createUser(staff);
    await expect(refused).rejects.toThrow(Conflict);
    await expect(refused).rejects.toMatchObject({ code: 'username_taken' });
  });

  it('disables a deactivated person and enables a reactivated one', async () => {
    const client = stub();
    const admin = new CognitoIdentityAdmin('cn-pool-1', client);
    await admin.setEnabled('gesang', false);
    await admin.setEnabled('gesang', true);
    expect(client.sent[0]).toBeInstanceOf(AdminDisableUserCommand);
    expect(client.sent[1]).toBeInstanceOf(AdminEnableUserCommand);
    expect((client.sent[0] as AdminDisableUserCommand).input).toEqual({ UserPoolId: 'cn-pool-1', Username: 'gesang' });
  });
});
