/**
 * The loader's only copy: what an element shows when its code could not be loaded (the bank's CDN is down, or a
 * pinned release's chunk failed its integrity check). Short, because every partner page downloads it.
 */
export const loaderMessages = {
  en: { unavailable: 'The bank is not available. Please try again later.' },
  'zh-CN': { unavailable: '银行服务暂不可用，请稍后再试。' },
};
