/**
 * The documentation stands alone: every relative link in README.md, docs/*.md and examples/README.md resolves to a
 * file inside this repository, and every `#anchor` to a heading of that file. Node only: no browser.
 */
import { expect } from '@playwright/test';
import { existsSync, readdirSync, readFileSync, realpathSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { apiTest as test } from './helpers.ts';

const root = realpathSync(new URL('../../', import.meta.url).pathname);
const documents = ['README.md', 'examples/README.md', 'examples/react/README.md', 'examples/vue/README.md', ...readdirSync(join(root, 'docs')).filter((f) => f.endsWith('.md')).map((f) => `docs/${f}`)];

/** The text outside fenced code blocks and inline code, where links and headings are real. */
function prose(markdown: string) {
  return markdown.replace(/^(```|~~~)[^\n]*\n[\s\S]*?^\1[^\n]*$/gm, '').replace(/`[^`\n]*`/g, (code) => (code.includes('](') ? '' : code));
}

/** GitHub's heading anchors: lower case, punctuation dropped, spaces to hyphens, repeats numbered. */
export function anchorsOf(markdown: string): Set<string> {
  const anchors = new Set<string>();
  const seen = new Map<string, number>();
  for (const [, text] of prose(markdown).matchAll(/^#{1,6}\s+(.+?)\s*#*\s*$/gm)) {
    const base = text.replace(/\[([^\]]*)\]\([^)]*\)/g, '$1').toLowerCase().replace(/[^\p{L}\p{N}\s_-]/gu, '').replace(/\s/g, '-');
    const count = seen.get(base) ?? 0;
    seen.set(base, count + 1);
    anchors.add(count ? `${base}-${count}` : base);
  }
  return anchors;
}

/** Every link target `[text](target)` and `![alt](target)` of a document. */
const linksOf = (markdown: string) =>
  [...prose(markdown).matchAll(/!?\[[^\]]*\]\(\s*<?([^)\s>]+)>?(?:\s+"[^"]*")?\s*\)/g)].map((m) => m[1]);

test('the slugs match GitHub’s for the headings these docs link to', () => {
  const anchors = anchorsOf('# A\n## `PATCH /v1/sandbox/apps/{id}`: add, remove\n#### `localhost` is not `127.0.0.1`\n## 3. Elements\n## A\n```\n# not a heading\n```');
  expect([...anchors]).toEqual(['a', 'patch-v1sandboxappsid-add-remove', 'localhost-is-not-127001', '3-elements', 'a-1']);
});

for (const document of documents) {
  test(`${document}: every relative link resolves inside the repository`, () => {
    const markdown = readFileSync(join(root, document), 'utf8');
    const problems: string[] = [];
    for (const target of linksOf(markdown)) {
      if (/^(https?|mailto):/i.test(target)) {
        // The only absolute links allowed are to the servers this repository starts.
        if (!/^http:\/\/(localhost|127\.0\.0\.1)(:\d+)?\//.test(target)) problems.push(`${target}: leaves the repository`);
        continue;
      }
      const [path, anchor] = target.split('#', 2);
      const file = path ? resolve(root, dirname(document), decodeURIComponent(path)) : join(root, document);
      if (file !== root && !file.startsWith(root + sep)) {
        problems.push(`${target}: outside the repository`);
        continue;
      }
      if (!existsSync(file)) {
        problems.push(`${target}: no file ${relative(root, file)}`);
        continue;
      }
      if (anchor !== undefined) {
        if (!file.endsWith('.md') || statSync(file).isDirectory()) problems.push(`${target}: an anchor into a file that is not Markdown`);
        else if (!anchorsOf(readFileSync(file, 'utf8')).has(anchor)) problems.push(`${target}: no heading #${anchor} in ${relative(root, file)}`);
      }
    }
    expect(problems).toEqual([]);
    // Nor any mention of the team's files beside the repository.
    expect(markdown).not.toMatch(/\.\.\/shared\/|CONTRACT §/);
  });
}
