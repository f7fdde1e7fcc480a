// Expressive Code plugin for ```console blocks: dims the prompt and the output, and copies only the commands.
import {
  definePlugin,
  ExpressiveCodeAnnotation,
  type AnnotationRenderOptions,
  type ExpressiveCodeBlock,
} from '@expressive-code/core';
import { addClassName, h } from '@expressive-code/core/hast';
import type { Element } from 'hast';
import { copyText, parseShellSession } from '../../lesson-model/shell-session.ts';

const SESSION_LANGUAGES = new Set(['console', 'shellsession', 'shell-session']);

const isSession = (block: ExpressiveCodeBlock) => SESSION_LANGUAGES.has(block.language);

class PromptAnnotation extends ExpressiveCodeAnnotation {
  render({ nodesToTransform }: AnnotationRenderOptions) {
    return nodesToTransform.map((node) => h('span.prompt', { ariaHidden: 'true' }, [node]));
  }
}

function findCopyButton(node: Element): Element | undefined {
  if (node.tagName === 'button' && node.properties?.dataCode !== undefined) return node;
  for (const child of node.children) {
    if (child.type !== 'element') continue;
    const found = findCopyButton(child);
    if (found) return found;
  }
  return undefined;
}

export function pluginShellSession() {
  return definePlugin({
    name: 'shell-session',
    baseStyles: `
      .ec-line.is-output .code { opacity: 0.78; font-style: italic; }
      .ec-line .prompt { user-select: none; opacity: 0.7; }
    `,
    hooks: {
      annotateCode({ codeBlock }) {
        if (!isSession(codeBlock)) return;
        const { kinds } = parseShellSession(codeBlock.code);
        codeBlock.getLines().forEach((line, i) => {
          if (kinds[i] === 'command' && /^\$( |$)/.test(line.text)) {
            line.addAnnotation(new PromptAnnotation({ inlineRange: { columnStart: 0, columnEnd: 2 } }));
          }
        });
      },
      postprocessRenderedLine({ codeBlock, lineIndex, renderData }) {
        if (!isSession(codeBlock)) return;
        const kind = parseShellSession(codeBlock.code).kinds[lineIndex];
        addClassName(renderData.lineAst, kind === 'output' ? 'is-output' : 'is-command');
      },
      postprocessRenderedBlock({ codeBlock, renderData }) {
        if (!isSession(codeBlock)) return;
        const button = findCopyButton(renderData.blockAst);
        if (button) button.properties.dataCode = copyText(codeBlock.code).replace(/\n/g, '\u007f');
      },
    },
  });
}
