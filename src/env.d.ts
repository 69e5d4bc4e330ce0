/** Replaced at build time with package.json's version. */
declare const __SDK_VERSION__: string;
/**
 * The pinned release's chunk hashes (file in `elements/` → `sha384-…`), set only in the pinned loader's build
 * (vite.config.ts, `--mode pinned`); `null` in the evergreen loader, whose pinning code the minifier then drops.
 */
declare const __SDK_INTEGRITY__: Readonly<Record<string, string>> | null;
