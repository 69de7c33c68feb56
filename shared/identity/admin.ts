/**
 * The identity provider's side of the staff directory. With Cognito (`identity=cognito`,
 * `USER_POOL_ID` set by the stack), creating a staff member creates the pool user (the pool
 * e-mails the temporary password; managed login asks for a new one and sets up TOTP at first
 * sign-in) and deactivating disables it. With an external OIDC provider, or locally (the
 * local provider reads the directory itself), there is nothing to do.
 */
import type { AdminCreateUserCommand, AdminCreateUserCommandOutput, AdminDisableUserCommand, AdminEnableUserCommand } from '@aws-sdk/client-cognito-identity-provider';
import { Conflict, ValidationFailed } from '../domain/errors.ts';
import type { StaffMember } from '../domain/staff.ts';
import { optionalEnv } from '../config.ts';

/** The sign-in identity the provider gave a new user: her subject (`sub`) under its issuer. */
export interface ProviderIdentity {
  subject: string;
  issuer: string;
}

export interface IdentityAdmin {
  readonly kind: 'cognito' | 'none';
  /** Called before the directory record is written: refuses what the provider cannot accept; answers the new user's identity when the provider tells it. */
  createUser(staff: StaffMember): Promise<ProviderIdentity | undefined>;
  setEnabled(username: string, enabled: boolean): Promise<void>;
}

/** The directory is the only place that matters: nothing to do in the provider. */
export const noIdentityAdmin: IdentityAdmin = {
  kind: 'none',
  createUser: async () => undefined,
  setEnabled: async () => undefined,
};

/** The part of the SDK client the adapter uses (a stub in tests). */
export interface CognitoSender {
  send(command: AdminCreateUserCommand | AdminDisableUserCommand | AdminEnableUserCommand): Promise<unknown>;
}

/** A user pool's token issuer: the pool id begins with its region (China's regions answer under amazonaws.com.cn). */
export function cognitoIssuer(userPoolId: string): string {
  const region = userPoolId.split('_')[0]!;
  return `https://cognito-idp.${region}.amazonaws.com${region.startsWith('cn-') ? '.cn' : ''}/${userPoolId}`;
}

/**
 * The Cognito SDK, imported on the first call that goes to the pool (adding, deactivating or
 * reactivating a person), not when the staff function starts: every other route of the
 * function (the list, a move within the directory) answers without loading it.
 */
const cognitoSdk = () => import('@aws-sdk/client-cognito-identity-provider');

export class CognitoIdentityAdmin implements IdentityAdmin {
  readonly kind = 'cognito';
  private sender: CognitoSender | undefined;
  constructor(
    private readonly userPoolId: string,
    client?: CognitoSender,
  ) {
    this.sender = client;
  }

  private async client(): Promise<CognitoSender> {
    this.sender ??= new (await cognitoSdk()).CognitoIdentityProviderClient({});
    return this.sender;
  }

  async createUser(staff: StaffMember): Promise<ProviderIdentity | undefined> {
    if (!staff.email) throw new ValidationFailed('is required: the user pool e-mails the temporary password there', 'email');
    const { AdminCreateUserCommand, UsernameExistsException } = await cognitoSdk();
    const client = await this.client();
    try {
      const created = (await client.send(
        new AdminCreateUserCommand({
          UserPoolId: this.userPoolId,
          Username: staff.username,
          DesiredDeliveryMediums: ['EMAIL'],
          UserAttributes: [
            { Name: 'email', Value: staff.email },
            { Name: 'email_verified', Value: 'true' },
            { Name: 'name', Value: staff.displayName },
          ],
        }),
      )) as AdminCreateUserCommandOutput | undefined;
      const subject = created?.User?.Attributes?.find((a) => a.Name === 'sub')?.Value;
      return subject ? { subject, issuer: cognitoIssuer(this.userPoolId) } : undefined;
    } catch (error) {
      if (error instanceof UsernameExistsException || (error as Error).name === 'UsernameExistsException')
        throw new Conflict(`username ${staff.username} already exists in the user pool`, 'username_taken');
      throw error;
    }
  }

  async setEnabled(username: string, enabled: boolean): Promise<void> {
    const input = { UserPoolId: this.userPoolId, Username: username };
    const { AdminDisableUserCommand, AdminEnableUserCommand } = await cognitoSdk();
    await (await this.client()).send(enabled ? new AdminEnableUserCommand(input) : new AdminDisableUserCommand(input));
  }
}

let configured: IdentityAdmin | undefined;

/** The adapter for this deployment: Cognito when the stack set `USER_POOL_ID`, else none. */
export function identityAdmin(): IdentityAdmin {
  if (!configured) {
    const userPoolId = optionalEnv('USER_POOL_ID');
    configured = userPoolId ? new CognitoIdentityAdmin(userPoolId) : noIdentityAdmin;
  }
  return configured;
}
