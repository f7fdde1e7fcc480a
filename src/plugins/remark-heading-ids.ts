// Gives every heading a short ASCII id (accents folded), or the id pinned with {/* #id */}; fails on duplicates.
import type { Heading, Root, RootContent } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { visit } from 'unist-util-visit';
import type { VFile } from 'vfile';
import { slugify } from './slugify.ts';

const PIN = /^\s*\/\*\s*#([a-z0-9][a-z0-9-]*)\s*\*\/\s*$/;

interface ExpressionNode {
  type: string;
  value?: string;
}

/** Returns the pinned id of a heading and removes the pin from it, if there is one. */
function takePinnedId(heading: Heading, file: VFile): string | undefined {
  let pinned: string | undefined;
  heading.children = heading.children.filter((child) => {
    const node = child as ExpressionNode;
    if (node.type !== 'mdxTextExpression' || !node.value?.includes('#')) return true;
    const match = PIN.exec(node.value);
    if (!match) {
      file.fail(
        `Invalid pinned heading id ${JSON.stringify(node.value)}: write {/* #lowercase-ascii-id */}.`,
        child,
        'heading-ids:pin',
      );
    }
    pinned = match[1];
    return false;
  });
  // Drop the space left before a removed pin.
  const last = heading.children.at(-1) as RootContent | undefined;
  if (pinned && last?.type === 'text') last.value = last.value.trimEnd();
  return pinned;
}

export default function remarkHeadingIds() {
  return function transformer(tree: Root, file: VFile) {
    const seen = new Map<string, number | undefined>();
    visit(tree, 'heading', (heading: Heading) => {
      const id = takePinnedId(heading, file) ?? slugify(toString(heading));
      if (!id) file.fail('Heading has no text to make an id from.', heading, 'heading-ids:empty');
      if (seen.has(id)) {
        file.fail(
          `Duplicate heading id "#${id}" (first used at line ${seen.get(id)}). Reword one heading or pin another id with {/* #id */}.`,
          heading,
          'heading-ids:duplicate',
        );
      }
      seen.set(id, heading.position?.start.line);
      heading.data = { ...heading.data, hProperties: { ...heading.data?.hProperties, id } };
    });
  };
}
