// Gives every heading a short ASCII id (accents folded), or the id pinned with {/* #id */}, plus old ids kept alive as aliases ({/* #id, #old */}); fails on duplicates.
import type { Heading, PhrasingContent, Root, RootContent } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { visit } from 'unist-util-visit';
import type { VFile } from 'vfile';
import { slugify } from './slugify.ts';

const ID = '#[a-z0-9][a-z0-9-]*';
/** `/* #id *\/` or `/* #id, #old-id, #older-id *\/`: the first is the heading's id, the rest are aliases. */
const PIN = new RegExp(`^\\s*\\/\\*\\s*(${ID}(?:\\s*,\\s*${ID})*)\\s*,?\\s*\\*\\/\\s*$`);

/** The class of the empty anchor that keeps an old id landing on its renamed heading. */
export const ALIAS_CLASS = 'heading-alias';

interface ExpressionNode {
  type: string;
  value?: string;
}

/** Returns the pinned ids of a heading (id first, then aliases) and removes the pin from it, if there is one. */
function takePinnedIds(heading: Heading, file: VFile): string[] | undefined {
  let pinned: string[] | undefined;
  heading.children = heading.children.filter((child) => {
    const node = child as ExpressionNode;
    if (node.type !== 'mdxTextExpression' || !node.value?.includes('#')) return true;
    const match = PIN.exec(node.value);
    if (!match) {
      file.fail(
        `Invalid pinned heading id ${JSON.stringify(node.value)}: write {/* #lowercase-ascii-id */}, or {/* #id, #old-id */} to keep an old id as an alias.`,
        child,
        'heading-ids:pin',
      );
    }
    if (pinned)
      file.fail(
        'A heading can have only one {/* #id */} pin; list aliases in it: {/* #id, #old-id */}.',
        child,
        'heading-ids:pin',
      );
    pinned = match[1].split(',').map((id) => id.trim().slice(1));
    return false;
  });
  // Drop the space left before a removed pin.
  const last = heading.children.at(-1) as RootContent | undefined;
  if (pinned && last?.type === 'text') last.value = last.value.trimEnd();
  return pinned;
}

/** An empty `<span id="old" class="heading-alias">` at the start of the heading: the browser scrolls to it, so to the heading. */
function aliasAnchor(id: string): PhrasingContent {
  return { type: 'emphasis', children: [], data: { hName: 'span', hProperties: { id, className: [ALIAS_CLASS] } } };
}

export default function remarkHeadingIds() {
  return function transformer(tree: Root, file: VFile) {
    const seen = new Map<string, number | undefined>();
    const claim = (id: string, heading: Heading, aliasOf?: string) => {
      if (seen.has(id)) {
        file.fail(
          `Duplicate heading id "#${id}" (${aliasOf ? `alias of "#${aliasOf}"; ` : ''}first used at line ${seen.get(id)}). Reword one heading or pin another id with {/* #id */}.`,
          heading,
          'heading-ids:duplicate',
        );
      }
      seen.set(id, heading.position?.start.line);
    };
    visit(tree, 'heading', (heading: Heading) => {
      const [pinned, ...aliases] = takePinnedIds(heading, file) ?? [];
      const id = pinned ?? slugify(toString(heading));
      if (!id) file.fail('Heading has no text to make an id from.', heading, 'heading-ids:empty');
      claim(id, heading);
      for (const alias of aliases) claim(alias, heading, id);
      if (aliases.length > 0) heading.children.unshift(...aliases.map(aliasAnchor));
      heading.data = { ...heading.data, hProperties: { ...heading.data?.hProperties, id } };
    });
  };
}
