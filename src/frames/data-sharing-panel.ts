/**
 * A small inline frame that shows only `<bank-data-sharing>` (the `Accounts` frame hosts the same element).
 */
import { html } from 'lit';
import { customElement, query } from 'lit/decorators.js';
import type { SdkError } from '../protocol/post-message.ts';
import { InlinePanel } from './common/inline-panel.ts';
import './data-sharing.ts';
import type { BankDataSharing } from './data-sharing.ts';

@customElement('bank-data-sharing-panel')
export class BankDataSharingPanel extends InlinePanel {
  protected readonly titleKey = 'dataSharingTitle';
  @query('bank-data-sharing') private list?: BankDataSharing;

  protected async load() {
    await this.updateComplete;
    await this.list?.load();
  }

  render() {
    if ('code' in this.page) return super.render();
    // The list brings its own `Data sharing` heading.
    return html`<main>
      <bank-data-sharing .bridge=${this.bridge} locale=${this.page.locale}
        @data-sharing-loaded=${() => this.announceReady()}
        @data-sharing-error=${(e: CustomEvent<SdkError>) => this.announceError(e.detail)}></bank-data-sharing>
      <p class="secure">${this.t('secureNote')}</p>
    </main>`;
  }

  protected renderBody() {
    return null;
  }
}
