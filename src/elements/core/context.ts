import { createContext } from '@lit/context';
import type { Locale } from '../../i18n/locale.ts';
import type { BridgeMethod, CustomerDisplay, SdkError } from '../../protocol/post-message.ts';
import type { DialogHost } from './secure-dialog.ts';

/** The SDK's configuration as the elements see it: no secrets. */
export interface SdkConfig {
  appId: string;
  locale: Locale;
  /** The origin the script was loaded from: the only bank this page talks to. */
  bankOrigin: string;
  /** `…/sdk/v1/` on the bank origin. */
  base: string;
  /** Set when the script tag is wrong; every element shows it. */
  error: SdkError | null;
  /** Counts the page's changes of language or look (`watchPage` in sdk.ts): elements render again, frames follow. */
  revision?: number;
}

/** Session *display* state shared by every element on the page. The token itself never leaves the bank's frames. */
export interface SessionState {
  status: 'starting' | 'ready' | 'error';
  customer: CustomerDisplay | null;
  error: SdkError | null;
}

// String keys, so that contexts match even if two copies of this module were ever loaded.
export const configContext = createContext<SdkConfig>('bank-sdk/config');
export const sessionContext = createContext<SessionState>('bank-sdk/session');

/** What a bank frame answered when its dialog closed: its `done` data, or null when the customer closed it. */
export type FrameResult = Record<string, unknown> | null;

/** One element's bank dialog (`SecureDialog` in `secure-dialog.ts`; a fake in the element tests). */
export interface BankDialog {
  /**
   * Opens bank frame `name` in the element's modal dialog (replacing one already open there). Resolves with what
   * the frame reported when done, or null when the customer closed it (`bank-cancel` has fired then).
   * `active` is what had focus when the customer acted (focus goes back there).
   */
  open(name: string, titleKey: string, params: Record<string, string>, active: Element | null | undefined): Promise<FrameResult>;
  /** Closes the open frame, settling `open` with `result`. */
  close(result: FrameResult): void;
  /** The dialog, rendered inside the element's shadow root. */
  render(): unknown;
}

/**
 * What an element needs of the SDK core (`sdk.ts`), provided from `<html>` through `bankContext`: element tests
 * provide a fake bank instead (`test/elements/harness.ts`), so nothing imports the core's module state.
 */
export interface BankCore {
  /** Asks the bank through the bridge frame (the only holder of the session); rejects with an `SdkError`. */
  call<T>(method: BridgeMethod, params?: Record<string, string>): Promise<T>;
  /** Marks the element whose action may change the session, so that change is announced from it. */
  act(element: EventTarget): void;
  /** The element's action ended without changing the session (its dialog closed, or it left the page). */
  release(element: EventTarget): void;
  /** (Re)connects to the bank: "Try again" after a failed start. */
  connect(): Promise<void>;
  /** Logs the customer out of every element on the page, announced from `from`. */
  logout(from?: EventTarget): Promise<void>;
  /** The URL of a bank frame, carrying what it needs to know about this page (nothing secret). */
  frameUrl(name: string, params?: Record<string, string>): string;
  /**
   * The dialog manager: the bank dialog of `host` (one per element), its code fetched once per page on first use.
   * Rejects when that code cannot be fetched (the bank's CDN is unreachable).
   */
  dialog(host: DialogHost): Promise<BankDialog>;
  /** Fetches the dialog's code ahead of need (after `bank-ready`, on a first sign of intent). */
  preloadDialog(): void;
}

export const bankContext = createContext<BankCore>('bank-sdk/core');
