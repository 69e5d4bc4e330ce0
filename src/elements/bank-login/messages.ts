import type { Catalogue } from '../../i18n/locale.ts';

const en = {
  loggedInAs: 'Logged in as {name}',
  logOut: 'Log out',
};

export type LoginMessage = keyof typeof en;

const zhCN: Record<LoginMessage, string> = {
  loggedInAs: '已登录：{name}',
  logOut: '退出登录',
};

/** What <bank-login> alone says, complete in both locales (in its own chunk; `Log in` is shared). */
export const loginMessages: Catalogue<LoginMessage> = { en, 'zh-CN': zhCN };
