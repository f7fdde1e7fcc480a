// Test helper: runs remark plugins over an MDX string the way the site does, and returns HTML or the thrown message.
import rehypeStringify from 'rehype-stringify';
import remarkDirective from 'remark-directive';
import remarkMdx from 'remark-mdx';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified, type PluggableList } from 'unified';
import { VFile } from 'vfile';

export async function renderMdx(source: string, plugins: PluggableList, path = '/course/docs/leccion.mdx') {
  return (await processMdx(source, plugins, path)).html;
}

/** The HTML and the processed file (its `data` holds what plugins recorded, such as Astro's frontmatter). */
export async function processMdx(source: string, plugins: PluggableList, path = '/course/docs/leccion.mdx') {
  const file = new VFile({ value: source, path });
  const processor = unified()
    .use(remarkParse)
    .use(remarkMdx)
    .use(remarkDirective)
    .use(plugins)
    .use(remarkRehype, {
      allowDangerousHtml: true,
      passThrough: ['mdxjsEsm', 'mdxFlowExpression', 'mdxTextExpression', 'mdxJsxFlowElement', 'mdxJsxTextElement'],
    })
    .use(rehypeStringify, { allowDangerousHtml: true });
  const tree = await processor.run(processor.parse(file), file);
  return { html: processor.stringify(tree, file), file };
}

/** The message of the error a plugin throws, with its file:line:column prefix as Astro shows it. */
export async function renderError(source: string, plugins: PluggableList, path?: string): Promise<string> {
  try {
    await renderMdx(source, plugins, path);
  } catch (error) {
    const e = error as { message: string; file?: string; line?: number; column?: number };
    return `${e.file}:${e.line}:${e.column}: ${e.message}`;
  }
  throw new Error('expected the plugins to fail, but they succeeded');
}
