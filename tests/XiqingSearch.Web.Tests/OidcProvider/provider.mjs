// A real OpenID provider for the sign-in tests: oidc-provider with its development login form (any user name
// and password sign in as that user), on plain HTTP at 127.0.0.1. Usage:
//   node provider.mjs PORT APP_ORIGIN
// The service registers as the public client "xiqing" (authorization code + PKCE, redirect APP_ORIGIN/signin-oidc);
// the client "portal" (secret "portal-secret") gets bearer tokens for the API with client credentials, as a portal
// that embeds the page would. Users' groups: GROUPS below; the "groups" scope releases them.
import Provider from 'oidc-provider';

const [port, app] = [Number(process.argv[2]), process.argv[3]];
if (!port || !app) {
  console.error('usage: node provider.mjs PORT APP_ORIGIN');
  process.exit(2);
}
const issuer = `http://127.0.0.1:${port}`;
const GROUPS = {
  zhang: ['规划科', 'xq-planning'],
  admin: ['xiqing-admin'],
};
const PORTAL_GROUPS = ['xq-planning'];

const provider = new Provider(issuer, {
  clients: [
    {
      client_id: 'xiqing',
      token_endpoint_auth_method: 'none',
      grant_types: ['authorization_code'],
      response_types: ['code'],
      redirect_uris: [`${app}/signin-oidc`],
      post_logout_redirect_uris: [`${app}/signout-callback-oidc`],
    },
    {
      client_id: 'portal',
      client_secret: 'portal-secret',
      grant_types: ['client_credentials'],
      response_types: [],
      redirect_uris: [],
      scope: 'api',
    },
  ],
  pkce: { required: () => true },
  scopes: ['openid', 'profile', 'groups', 'api'],
  claims: { openid: ['sub'], profile: ['name', 'preferred_username'], groups: ['groups'] },
  async findAccount(ctx, id) {
    return {
      accountId: id,
      async claims() {
        return { sub: id, preferred_username: id, name: id, groups: GROUPS[id] ?? [] };
      },
    };
  },
  features: {
    devInteractions: { enabled: true },
    clientCredentials: { enabled: true },
    resourceIndicators: {
      enabled: true,
      // The portal's tokens are JWTs for the search service (audience "xiqing"); the page's own access token
      // stays for the user-info endpoint, from which the service reads the user's groups.
      defaultResource: (ctx, client) => (client.clientId === 'portal' ? 'urn:xiqing' : undefined),
      getResourceServerInfo: () => ({ scope: 'api', audience: 'xiqing', accessTokenFormat: 'jwt' }),
      useGrantedResource: () => true,
    },
  },
  async extraTokenClaims(ctx, token) {
    if (token.kind === 'ClientCredentials') {
      return { preferred_username: 'portal', groups: PORTAL_GROUPS };
    }
    return undefined;
  },
});
provider.proxy = false;
provider.listen(port, '127.0.0.1', () => console.log(`oidc-provider listening on ${issuer}`));
