/**
 * A pinned release (`/sdk/v1/<version>/bank-sdk.js`, loaded with the page's `integrity` attribute) verifies every
 * chunk as well: before its first `import()`, the loader adds an import map whose `integrity` section holds the
 * sha384 of every file in `elements/` (a build-time constant, `__SDK_INTEGRITY__`, that only the pinned build
 * carries). An import map covers static imports between chunks too; `<link rel="modulepreload" integrity>` does
 * not (measured in Chromium 156: the link fails, the import then loads the tampered file anyway).
 *
 * The chunks are imported by a bare specifier that only this import map defines, so if the map cannot be added —
 * the page's CSP refuses the inline map (no nonce) or Trusted Types refuses the `bank-sdk` policy — nothing is
 * loaded unverified: the imports fail and the elements show `bank_unavailable`.
 *
 * Returns the prefix the loader imports chunks from.
 */
export function pinChunks(base: string, script: HTMLScriptElement, files: Readonly<Record<string, string>>): string {
  const prefix = `bank-sdk@${__SDK_VERSION__}/`;
  const integrity: Record<string, string> = {};
  for (const file in files) integrity[`${base}elements/${file}`] = files[file]!;
  const map = JSON.stringify({ imports: { [prefix]: `${base}elements/` }, integrity });
  const importMap = document.createElement('script');
  importMap.type = 'importmap';
  importMap.nonce = script.nonce;
  let text: unknown = map;
  try {
    // Pages that enforce Trusted Types must allow this policy name (`trusted-types … bank-sdk`); it only ever
    // returns the map built here.
    text = (window as unknown as { trustedTypes: TrustedScripts }).trustedTypes.createPolicy('bank-sdk', { createScript: () => map }).createScript('');
  } catch {
    // No Trusted Types here, or the name is not allowed: plain text is then accepted unless they are enforced.
  }
  try {
    importMap.text = text as string;
    document.head.append(importMap);
  } catch (error) {
    console.error(`BankSDK: the pinned release could not add its integrity import map (${error}); allow the Trusted Types policy "bank-sdk". See docs/elements.md, "Pinned releases".`);
  }
  return prefix;
}

interface TrustedScripts {
  createPolicy(name: string, rules: { createScript: () => string }): { createScript(input: string): unknown };
}
