/*
 * Who is signed in (standalone page only): the user from /api/me and a sign-out button (a POST form of this
 * site, so the cross-site check lets it through), or a sign-in link when the service signs in with OpenID
 * Connect. Nothing when nobody can sign in (mode none, no key): the line stays empty.
 */

import { el } from './dom.js';

const WORDS = {
  signedIn: '已登录：',
  signOut: '退出登录',
  signIn: '登录',
  anonymous: '未登录（仅显示公开文件）',
};

/** A line for the header, filled in when /api/me answers. */
export function createAccount(api) {
  const node = el('p', { className: 'xq-account', 'aria-live': 'polite' });
  api.getJson('api/me').then(({ ok, body }) => {
    if (!ok || !body) {
      return;
    }
    if (body.user) {
      node.append(WORDS.signedIn, el('strong', { className: 'xq-account-user', text: body.user }));
      if (body.signOutUrl) {
        node.append(' ', el('form', { method: 'post', action: api.base + body.signOutUrl.replace(/^\//, ''), className: 'xq-account-form' },
          el('button', { type: 'submit', className: 'xq-account-signout', text: WORDS.signOut })));
      }
    } else if (body.signInUrl) {
      node.append(WORDS.anonymous, ' ', el('a', { href: body.signInUrl, className: 'xq-account-signin', text: WORDS.signIn }));
    }
  }, () => {});
  return node;
}
