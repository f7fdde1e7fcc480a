// Turns a :::autoevaluacion block (an ordered list: question, then its explained answer) into a self-check that works without JavaScript.
import type { BlockContent, DefinitionContent, ListItem, Root } from 'mdast';
import type { ContainerDirective } from 'mdast-util-directive';
import { visit } from 'unist-util-visit';
import type { VFile } from 'vfile';

const NAME = 'autoevaluacion';

type Flow = BlockContent | DefinitionContent;

function block(hName: string, className: string, children: Flow[], extra: Record<string, unknown> = {}) {
  return {
    type: 'blockquote',
    children,
    data: { hName, hProperties: { className: [className], ...extra } },
  } as unknown as BlockContent;
}

function question(item: ListItem, number: number, file: VFile): Flow {
  const [prompt, ...answer] = item.children;
  if (prompt?.type !== 'paragraph' || answer.length === 0) {
    file.fail(
      `Self-check question ${number} needs its question as a first paragraph, then an explained answer below it (indented under the list item).`,
      item,
      'self-check:item',
    );
  }
  const summary = {
    type: 'paragraph',
    children: [{ type: 'text', value: 'Ver respuesta' }],
    data: { hName: 'summary' },
  };
  return {
    ...block('li', 'self-check__item', [
      block('div', 'self-check__question', [prompt]),
      block('details', 'self-check__answer', [summary as Flow, block('div', 'self-check__explanation', answer)]),
    ]),
    data: { hName: 'li', hProperties: { className: ['self-check__item'], id: `autoevaluacion-${number}` } },
  } as unknown as Flow;
}

export default function remarkSelfCheck() {
  return function transformer(tree: Root, file: VFile) {
    visit(tree, 'containerDirective', (node: ContainerDirective) => {
      if (node.name !== NAME) return;
      const lists = node.children.filter((child) => child.type === 'list');
      const list = lists[0];
      if (lists.length !== 1 || !list.ordered || node.children.length !== lists.length) {
        file.fail(
          `:::${NAME} must hold exactly one numbered list (1. question, then its answer indented below).`,
          node,
          'self-check:list',
        );
      }
      const items = list.children.map((item, i) => question(item, i + 1, file));
      const replacement = block('section', 'self-check', [block('ol', 'self-check__list', items)], {
        ariaLabel: 'Autoevaluación',
      });
      Object.assign(node, replacement, { name: undefined, attributes: undefined });
    });
  };
}
