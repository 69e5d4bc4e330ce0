/** This copy's version (the build replaces it; element tests run unbuilt). */
const version = typeof __SDK_VERSION__ === 'string' ? __SDK_VERSION__ : 'dev';

/**
 * Registers a bank element, once. A page that loads the SDK twice (two script tags, a partner bundling an old
 * copy) keeps the first registration: this one warns and steps aside instead of throwing, as Shoelace does.
 *
 * @example
 * define('bank-pay', BankPay);
 */
export function define(tag: string, element: CustomElementConstructor) {
  const existing = customElements.get(tag) as (CustomElementConstructor & { sdkVersion?: string }) | undefined;
  if (existing) {
    if (existing !== element) {
      console.warn(
        `[bank-sdk] <${tag}> is already defined${existing.sdkVersion ? ` by bank-sdk ${existing.sdkVersion}` : ' by other code'}; ` +
          `this copy (${version}) leaves it as it is. Load the SDK once.`,
      );
    }
    return;
  }
  Object.defineProperty(element, 'sdkVersion', { value: version });
  customElements.define(tag, element);
}
