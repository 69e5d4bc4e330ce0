/** Replaced at build time with package.json's version. */
declare const __SDK_VERSION__: string;
