import { expect, type Frame, type Locator, type Page } from '@playwright/test';
import { contrastRatio, parseOpaqueRgb } from '../../src/domain/contrast.ts';

/** The words a customer sees, per locale, for the dialogs these tests drive. */
export const words = {
  en: {
    logIn: 'Log in', logOut: 'Log out', loginDialog: 'Bank login', phone: 'Phone number', password: 'Password',
    smsCode: 'SMS code', verify: 'Verify', pay: /^Pay /, payDialog: 'Confirm payment', payFrom: 'Pay from',
    pin: 'Payment PIN', confirmPay: 'Confirm payment', apply: 'Apply', loanDialog: 'Loan application',
    submit: 'Submit application', close: 'Close', retry: 'Try again', paid: 'Paid', schedule: 'Repayment schedule',
  },
  'zh-CN': {
    logIn: '登录', logOut: '退出登录', loginDialog: '银行登录', phone: '手机号', password: '密码',
    smsCode: '短信验证码', verify: '验证', pay: /^支付/, payDialog: '确认付款', payFrom: '付款账户',
    pin: '支付密码', confirmPay: '确认付款', apply: '申请', loanDialog: '贷款申请',
    submit: '提交申请', close: '关闭', retry: '重试', paid: '已支付', schedule: '还款计划',
  },
} as const;
export type Words = (typeof words)['en' | 'zh-CN'];

/**
 * Up to this viewport width the dialog is a bottom sheet (full width, on the bottom edge); wider, a centred box
 * (the media query in src/elements/core/secure-dialog.styles.ts).
 */
export const sheetMaxWidth = 640;

/** The safe area's insets, in CSS px: what the notch, the status bar, the home indicator or rounded corners cover. */
export interface Insets { top: number; right: number; bottom: number; left: number }
const noInsets: Insets = { top: 0, right: 0, bottom: 0, left: 0 };
const safeAreas = new WeakMap<Page, Insets>();

/**
 * Makes the page a notched phone's (`env(safe-area-inset-*)`, as in a full-screen app WebView or a page with
 * `viewport-fit=cover`), through Chromium's DevTools protocol; `reach` then counts only the safe area as reachable.
 */
export async function useSafeArea(page: Page, insets: Insets) {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Emulation.setSafeAreaInsetsOverride', { insets });
  safeAreas.set(page, insets);
}

/** The element's open bank dialog (the sheet around the frame). */
export const dialogOf = (page: Page, tag: string) => page.locator(`${tag} dialog[open]`);

/**
 * Elements that stick out sideways: a document wider than its viewport, or any element (shadow roots included)
 * past the right or left edge, unless it sits inside a box that scrolls or clips sideways by design (the
 * repayment schedule's scroll region).
 */
export function horizontalOverflow(target: Page | Frame): Promise<string[]> {
  return target.evaluate(() => {
    const root = document.documentElement;
    const problems: string[] = [];
    if (root.scrollWidth > root.clientWidth) problems.push(`document ${root.scrollWidth} > ${root.clientWidth}`);
    const width = root.clientWidth;
    const parentOf = (el: Element): Element | null =>
      el.parentElement ?? ((el.getRootNode() as ShadowRoot).host as Element | undefined) ?? null;
    const insideScroller = (el: Element) => {
      for (let p = parentOf(el); p && p !== root && p !== document.body; p = parentOf(p)) {
        if (getComputedStyle(p).overflowX !== 'visible') return true;
      }
      return false;
    };
    const walk = (scope: Document | ShadowRoot) => {
      for (const el of scope.querySelectorAll('*')) {
        const box = el.getBoundingClientRect();
        if (box.width > 0 && box.height > 0 && (box.right > width + 1 || box.left < -1) && !insideScroller(el)) {
          problems.push(`<${el.localName}${el.id ? '#' + el.id : ''}${el.className && typeof el.className === 'string' ? '.' + el.className : ''}> ${Math.round(box.left)}…${Math.round(box.right)} of ${width}`);
        }
        if (el.shadowRoot) walk(el.shadowRoot);
      }
    };
    walk(document);
    return problems;
  });
}

/**
 * Boxes that cut their content off sideways: a box that clips or scrolls sideways (or ends its text with an
 * ellipsis) whose content is wider than it, so part of a word or a control is hidden or needs a sideways swipe.
 */
export function clippedSideways(target: Page | Frame): Promise<string[]> {
  return target.evaluate(() => {
    const problems: string[] = [];
    const walk = (scope: Document | ShadowRoot) => {
      for (const el of scope.querySelectorAll('*')) {
        const style = getComputedStyle(el);
        if (el.clientWidth > 2 && el.scrollWidth > el.clientWidth + 1 && (style.overflowX !== 'visible' || style.textOverflow === 'ellipsis')) {
          problems.push(`<${el.localName}${el.id ? '#' + el.id : ''}> ${el.scrollWidth} > ${el.clientWidth}: "${(el.textContent ?? '').trim().slice(0, 40)}"`);
        }
        if (el.shadowRoot) walk(el.shadowRoot);
      }
    };
    walk(document);
    return problems;
  });
}

/**
 * Controls a finger can miss: every visible button, field, select and link (shadow roots included) smaller than
 * 44×44 CSS px (Apple's and Material's minimum; WCAG 2.5.5). A checkbox or radio counts as its label, which takes the
 * tap too.
 */
export function smallTapTargets(target: Page | Frame): Promise<string[]> {
  return target.evaluate(() => {
    const problems: string[] = [];
    const walk = (scope: Document | ShadowRoot) => {
      for (const el of scope.querySelectorAll('button, a[href], input, select, textarea, summary')) {
        const input = el as HTMLInputElement;
        const own = el.getBoundingClientRect();
        if (own.width === 0 || own.height === 0 || getComputedStyle(el).visibility === 'hidden') continue;
        const box = /^(checkbox|radio)$/.test(input.type) && input.labels?.[0] ? input.labels[0].getBoundingClientRect() : own;
        if (box.width < 43.5 || box.height < 43.5) {
          problems.push(`<${el.localName}${input.type ? ` ${input.type}` : ''}> "${(el.textContent || el.getAttribute('aria-label') || input.labels?.[0]?.textContent || '').trim().slice(0, 30)}" ${Math.round(box.width)}×${Math.round(box.height)}`);
        }
      }
      for (const el of scope.querySelectorAll('*')) if (el.shadowRoot) walk(el.shadowRoot);
    };
    walk(document);
    return problems;
  });
}

/**
 * Words and amounts split across two lines (`¥3,118.` then `28`, or a column one letter wide): each run of Latin
 * letters or digits (with the signs an amount holds; a hyphen, a slash or a space may end a line) up to 24 characters
 * long, laid out on more than one line. A run inside a longer token (an e-mail or web address) may break. Chinese
 * wraps between any two characters, so only its Latin and numeric runs count.
 */
export function brokenWords(target: Page | Frame): Promise<string[]> {
  return target.evaluate(() => {
    const problems: string[] = [];
    const walk = (scope: Document | ShadowRoot) => {
      const texts = document.createTreeWalker(scope, NodeFilter.SHOW_TEXT);
      for (let node = texts.nextNode(); node; node = texts.nextNode()) {
        const parent = node.parentElement;
        if (!parent || parent.closest('script, style, template, [hidden]') || parent.getClientRects().length === 0) continue;
        // Words only for screen readers (a visually hidden heading) are on no line anyone reads.
        let hidden = false;
        for (let el: Element | null = parent; el && !hidden; el = el.parentElement) hidden = getComputedStyle(el).clipPath.startsWith('inset(50%');
        if (hidden) continue;
        for (const match of node.textContent!.matchAll(/(?<![\p{L}\p{N}@/.-])[+-]?¥?[\p{Script=Latin}\p{N}][\p{Script=Latin}\p{N}.,:'’%]*/gu)) {
          if (match[0].length > 24 || match[0].length < 2) continue;
          const range = document.createRange();
          range.setStart(node, match.index!);
          range.setEnd(node, match.index! + match[0].length);
          const lines = new Set([...range.getClientRects()].filter((r) => r.width > 0).map((r) => Math.round(r.top)));
          if (lines.size > 1) problems.push(`"${match[0]}" on ${lines.size} lines in <${parent.localName}${parent.className ? '.' + parent.className : ''}>`);
        }
      }
      for (const el of scope.querySelectorAll('*')) if (el.shadowRoot) walk(el.shadowRoot);
    };
    walk(document);
    return problems;
  });
}

/** The page and the frame of the open dialog: nothing overflows sideways. */
export async function expectNoHorizontalOverflow(page: Page, frameTitle: string) {
  expect(await horizontalOverflow(page), 'partner page').toEqual([]);
  const element = await page.locator(`iframe[title="${frameTitle}"]`).elementHandle();
  const content = await element!.contentFrame();
  expect(await horizontalOverflow(content!), `frame ${frameTitle}`).toEqual([]);
}

/**
 * Scrolls the way a finger or a mouse wheel does (never Playwright's scroll-into-view, which also moves boxes
 * a person cannot scroll) until `target` is wholly inside the viewport and inside `over`'s box (what shows of a
 * centred dialog shorter than the screen); returns its box. Wheel events go over `over` (the dialog), so they scroll
 * what a person would scroll there.
 */
export async function reach(page: Page, target: Locator, over: Locator) {
  const viewport = page.viewportSize()!;
  // On a notched phone, what sits under the notch, the status bar or the home indicator cannot be tapped.
  const safe = safeAreas.get(page) ?? noInsets;
  // What shows of `over` (a centred dialog ends above the screen's bottom; what scrolls below it is hidden).
  const shown = async () => {
    const area = await over.boundingBox();
    return { top: Math.max(safe.top, area?.y ?? 0), bottom: Math.min(viewport.height - safe.bottom, area ? area.y + area.height : viewport.height) };
  };
  const inView = async () => {
    const box = await target.boundingBox();
    const { top, bottom } = await shown();
    return box && box.y >= top - 0.5 && box.y + box.height <= bottom + 0.5 &&
      box.x >= safe.left && box.x + box.width <= viewport.width - safe.right + 0.5 ? box : null;
  };
  for (let i = 0; i < 40; i++) {
    const box = await inView();
    if (box) {
      // A swipe may still be moving the sheet: the target is where it came to rest, not where it passed by.
      await page.waitForTimeout(50);
      const rest = await inView();
      if (rest && Math.abs(rest.y - box.y) < 1 && Math.abs(rest.x - box.x) < 1) return rest;
      continue;
    }
    const area = (await over.boundingBox())!;
    const current = await target.boundingBox();
    await page.mouse.move(area.x + area.width / 2, Math.min(area.y + area.height / 2, viewport.height - 20));
    // A swipe as far as the target needs, at most most of a screen (one flick); 150 px if not laid out yet.
    const most = Math.max(150, Math.round(viewport.height * 0.8));
    const { top, bottom } = await shown();
    const delta = !current ? 150
      : current.y < top ? Math.max(current.y - top - 16, -most)
        : Math.min(Math.max(current.y + current.height - bottom + 16, 40), most);
    await page.mouse.wheel(0, delta);
    await page.waitForTimeout(60);
  }
  throw new Error('could not scroll the target into view');
}

/** Reaches `target` by wheel, then clicks it with the mouse where it is (no auto-scroll). */
export async function reachAndClick(page: Page, target: Locator, over: Locator) {
  const box = await reach(page, target, over);
  await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
}

/** Every visible piece of text in the frame (shadow roots included): its colour and the background it sits on. */
export function paintedText(frame: Frame) {
  return frame.evaluate(() => {
    const found: { text: string; colour: string; background: string }[] = [];
    const backgroundOf = (start: Element): string => {
      for (let el: Element | null = start; el; el = el.parentElement ?? ((el.getRootNode() as ShadowRoot).host ?? null)) {
        const colour = getComputedStyle(el).backgroundColor;
        if (!/^rgba\(.*, 0\)$|^transparent$/.test(colour)) return colour;
      }
      return getComputedStyle(document.documentElement).backgroundColor;
    };
    const visit = (root: Document | ShadowRoot) => {
      for (const el of root.querySelectorAll('*')) {
        if (el.shadowRoot) visit(el.shadowRoot);
        if (el.closest('[disabled], [aria-disabled="true"], [hidden], script, style, template')) continue;
        const text = [...el.childNodes].filter((n) => n.nodeType === Node.TEXT_NODE).map((n) => n.textContent!.trim()).join(' ').trim();
        if (!text || el.getClientRects().length === 0) continue;
        const style = getComputedStyle(el);
        if (style.visibility === 'hidden' || Number(style.opacity) === 0) continue;
        found.push({ text: text.slice(0, 40), colour: style.color, background: backgroundOf(el) });
      }
    };
    visit(document);
    return found;
  });
}

/**
 * Every text in the bank frame `name` (`/frames/<name>.html`) is painted opaque on an opaque background at 4.5:1 or
 * more: the bank owns the facts, whatever the partner's theme.
 */
export async function expectReadable(page: Page, name: string, theme: string) {
  const frame = page.frames().find((f) => f.url().includes(`/frames/${name}.html`));
  expect(frame, `the ${name} frame`).toBeTruthy();
  const painted = await paintedText(frame!);
  expect(painted.length, `text in ${name}`).toBeGreaterThan(3);
  const problems = painted.flatMap(({ text, colour, background }) => {
    const fg = parseOpaqueRgb(colour);
    const bg = parseOpaqueRgb(background);
    if (!fg || !bg) return [`"${text}": ${colour} on ${background} (not opaque)`];
    const ratio = contrastRatio(fg, bg);
    return ratio >= 4.5 ? [] : [`"${text}": ${colour} on ${background} (${ratio.toFixed(2)}:1)`];
  });
  expect(problems, `${name} with the ${theme} theme`).toEqual([]);
}
