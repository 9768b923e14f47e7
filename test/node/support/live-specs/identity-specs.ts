import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { isCommunicationUserIdentifier, type CommunicationUserIdentifier } from '@azure/communication-common';
import type { GetTokenForTeamsUserOptions, TokenScope } from '@azure/communication-identity';
import { statusIs, teamsUserAadToken, tokenExpirationWithinAllowedDeviation, type LiveSpecContext } from './helpers.js';

/**
 * communication-identity/test/public/: communicationIdentityClient.spec.ts, node/tokenCustomExpiration.node.spec.ts
 * and node/getTokenForTeamsUser.node.spec.ts, the access-key half of each matrix.
 */
export function identitySpecs({ identity }: LiveSpecContext): void {
  describe('CommunicationIdentityClient [Playback/Live]', () => {
    const scopes: TokenScope[] = ['chat', 'voip'];
    const tokenScopeScenarios: { scopes: TokenScope[]; description: string }[] = [
      { scopes: ['chat'], description: 'ChatScope' },
      { scopes: ['voip'], description: 'VoipScope' },
      { scopes: ['chat.join'], description: 'ChatJoinScope' },
      { scopes: ['chat.join.limited'], description: 'ChatJoinLimitedScope' },
      { scopes: ['voip.join'], description: 'VoipJoinScope' },
      { scopes: ['chat', 'voip'], description: 'ChatVoipScopes' },
      { scopes: ['chat', 'chat.join', 'chat.join.limited'], description: 'AllChatScopes' },
      { scopes: ['voip', 'voip.join'], description: 'AllVoipScopes' },
      { scopes: ['chat.join', 'voip.join'], description: 'ChatJoinVoipJoinScopes' },
    ];

    test('successfully creates a user', async () => {
      const user = await identity().createUser();
      assert.equal(typeof user.communicationUserId, 'string');
    });

    for (const scenario of tokenScopeScenarios) {
      test(`successfully creates a user and token <${scenario.description}>`, async () => {
        const { user: newUser, token, expiresOn } = await identity().createUserAndToken(scenario.scopes);
        assert.ok(isCommunicationUserIdentifier(newUser));
        assert.equal(typeof newUser.communicationUserId, 'string');
        assert.equal(typeof token, 'string');
        assert.ok(expiresOn instanceof Date);
      });
    }

    for (const scenario of tokenScopeScenarios) {
      test(`successfully gets a token for a user <${scenario.description}>`, async () => {
        const user = await identity().createUser();
        const { token, expiresOn } = await identity().getToken(user, scenario.scopes);
        assert.equal(typeof token, 'string');
        assert.ok(expiresOn instanceof Date);
      });
    }

    test('successfully revokes tokens issued for a user', async () => {
      const { user } = await identity().createUserAndToken(scopes);
      await identity().revokeTokens(user);
    });

    test('successfully deletes a user', async () => {
      const user = await identity().createUser();
      await identity().deleteUser(user);
    });

    describe('Error Cases: ', () => {
      const fakeUser: CommunicationUserIdentifier = {
        communicationUserId: '8:acs:00000000-0000-0000-0000-000000000000_00000000-0000-0000-0000-000000000000',
      };

      test('throws an error when attempting to issue a token without any scopes', async () => {
        const user = await identity().createUser();
        await assert.rejects(identity().getToken(user, []), (error: { statusCode?: number; message: string }) => {
          assert.equal(error.statusCode, 400);
          assert.equal(error.message, 'Invalid scopes - Scopes field is required.');
          return true;
        });
      });

      test('throws an error when attempting to issue a token for an invalid user', async () => {
        await assert.rejects(identity().getToken(fakeUser, scopes), statusIs(401));
      });

      test('throws an error when attempting to revoke a token from an invalid user', async () => {
        await assert.rejects(identity().revokeTokens(fakeUser), statusIs(401));
      });

      test('throws an error when attempting to delete an invalid user', async () => {
        await assert.rejects(identity().deleteUser(fakeUser), statusIs(401));
      });
    });
  });

  describe('Get Token With Custom Expiration [Playback/Live]', () => {
    const TOKEN_EXPIRATION_ALLOWED_DEVIATION = 0.05;
    const valid = [
      { tokenExpiresInMinutes: 60, description: 'min valid' },
      { tokenExpiresInMinutes: 1440, description: 'max valid' },
    ];
    const invalid = [
      { tokenExpiresInMinutes: 59, description: 'lo inval' },
      { tokenExpiresInMinutes: 1441, description: 'hi inval' },
    ];

    /** The upstream live-mode check: the expiry lies within 5% of the minutes asked for. */
    function assertExpiry(expected: number, expiresOn: Date): void {
      const { withinAllowedDeviation, tokenExpirationInMinutes } = tokenExpirationWithinAllowedDeviation(
        expected,
        expiresOn,
        TOKEN_EXPIRATION_ALLOWED_DEVIATION,
      );
      assert.ok(
        withinAllowedDeviation,
        `Token expiration is outside of allowed ${TOKEN_EXPIRATION_ALLOWED_DEVIATION * 100}% deviation. Expected minutes: ${expected}, actual minutes: ${Math.round((tokenExpirationInMinutes + Number.EPSILON) * 100) / 100}.`,
      );
    }

    for (const input of valid) {
      test(`successfully gets a valid custom expiration token <${input.description}>`, async () => {
        const user = await identity().createUser();
        const { token, expiresOn } = await identity().getToken(user, ['chat'], { tokenExpiresInMinutes: input.tokenExpiresInMinutes });
        assert.equal(typeof token, 'string');
        assert.ok(expiresOn instanceof Date);
        assertExpiry(input.tokenExpiresInMinutes, expiresOn);
      });
    }

    for (const input of valid) {
      test(`successfully gets user and valid custom expiration token <${input.description}>`, async () => {
        const { token, expiresOn } = await identity().createUserAndToken(['chat'], { tokenExpiresInMinutes: input.tokenExpiresInMinutes });
        assert.equal(typeof token, 'string');
        assert.ok(expiresOn instanceof Date);
        assertExpiry(input.tokenExpiresInMinutes, expiresOn);
      });
    }

    for (const input of invalid) {
      test(`throws error when attempting to issue an invalid expiration token <${input.description}>`, async () => {
        const user = await identity().createUser();
        await assert.rejects(identity().getToken(user, ['chat'], { tokenExpiresInMinutes: input.tokenExpiresInMinutes }), statusIs(400));
      });
    }

    for (const input of invalid) {
      test(`throws error when attempting to issue user and invalid expiration token <${input.description}>`, async () => {
        await assert.rejects(identity().createUserAndToken(['chat'], { tokenExpiresInMinutes: input.tokenExpiresInMinutes }), statusIs(400));
      });
    }
  });

  describe('Get Token For Teams User [Playback/Live]', () => {
    // What MSAL would return for the test's Teams user: the app's id, the user's object id and their Entra token.
    const clientId = '2a9c4b1e-8f3d-4c6a-9e7b-1d5f0a3c8e21';
    const userObjectId = '7e4b2d9a-3c1f-4a8e-b6d5-9f0e2c7a1b34';
    const options: GetTokenForTeamsUserOptions = { teamsUserAadToken: teamsUserAadToken({ appid: clientId, oid: userObjectId }), clientId, userObjectId };

    test('successfully exchanges a Teams User AAD token for a Communication access token', async () => {
      const { token, expiresOn } = await identity().getTokenForTeamsUser(options);
      assert.equal(typeof token, 'string');
      assert.ok(expiresOn instanceof Date);
    });

    for (const input of [
      { teamsUserAadToken: '', description: 'an empty teamsUserAadToken' },
      { teamsUserAadToken: 'invalid', description: 'an invalid teamsUserAadToken' },
      { teamsUserAadToken: teamsUserAadToken({ appid: clientId, oid: userObjectId, expiredMinutesAgo: 60 }), description: 'an expired teamsUserAadToken' },
    ]) {
      test(`throws an error when attempting to exchange <${input.description}>`, async () => {
        // Upstream passes the clientId as the userObjectId here too: the token is refused before either is read.
        await assert.rejects(
          identity().getTokenForTeamsUser({ teamsUserAadToken: input.teamsUserAadToken, clientId: options.clientId, userObjectId: options.clientId }),
          statusIs(401),
        );
      });
    }

    for (const input of [
      { clientId: '', description: 'an empty clientId' },
      { clientId: 'invalid', description: 'an invalid clientId' },
      { clientId: options.userObjectId, description: 'a wrong clientId' },
    ]) {
      test(`throws an error when attempting to exchange <${input.description}>`, async () => {
        await assert.rejects(
          identity().getTokenForTeamsUser({ teamsUserAadToken: options.teamsUserAadToken, clientId: input.clientId, userObjectId: options.userObjectId }),
          statusIs(400),
        );
      });
    }

    for (const input of [
      { userObjectId: '', description: 'an empty userObjectId' },
      { userObjectId: 'invalid', description: 'an invalid userObjectId' },
      { userObjectId: options.clientId, description: 'a wrong userObjectId' },
    ]) {
      test(`throws an error when attempting to exchange <${input.description}>`, async () => {
        await assert.rejects(
          identity().getTokenForTeamsUser({ teamsUserAadToken: options.teamsUserAadToken, clientId: options.clientId, userObjectId: input.userObjectId }),
          statusIs(400),
        );
      });
    }
  });
}
