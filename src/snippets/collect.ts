// Collects every snippet of the lessons — fenced blocks, inline code and the files of lesson folders — with its file and line.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import type { Code, InlineCode, Root } from 'mdast';
import remarkDirective from 'remark-directive';
import remarkMdx from 'remark-mdx';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { visit } from 'unist-util-visit';
import { parseFenceMeta, type FenceMeta } from '../../lesson-model/fence-meta.ts';
import { isLessonFile, lessonFilesDir } from '../../lesson-model/lesson-files.ts';

export interface Snippet {
  /** `fence`: a fenced block; `inline`: inline code; `file`: a file of a lesson folder. */
  kind: 'fence' | 'inline' | 'file';
  lang: string;
  meta: FenceMeta;
  code: string;
  /** The lesson (or file) and line to report: `content/docs/modulo-01/x.mdx:12`. */
  where: string;
  lesson: string;
  line: number;
  /** For fences that include a file and for lesson files: the file's path. */
  file?: string;
}

const parser = unified().use(remarkParse).use(remarkMdx).use(remarkDirective);

export function lessonsIn(docsDir: string): string[] {
  return readdirSync(docsDir, { recursive: true, encoding: 'utf8' })
    .filter((path) => /\.mdx?$/.test(path))
    .map((path) => join(docsDir, path))
    .sort();
}

/** The language of a lesson file, from its name: Dockerfile, compose.yaml, script.sh… */
export function languageOfFile(path: string): string {
  const name = basename(path);
  if (/^Dockerfile(\..+)?$|\.dockerfile$/i.test(name)) return 'dockerfile';
  if (/\.ya?ml$/.test(name)) return 'yaml';
  if (/\.(sh|bash)$/.test(name)) return 'sh';
  return name.includes('.') ? name.split('.').pop()! : 'text';
}

export function snippetsOfLesson(lesson: string): Snippet[] {
  const source = readFileSync(lesson, 'utf8');
  const tree = parser.parse(source) as Root;
  const lines = source.split('\n');
  const folder = lessonFilesDir(lesson);
  const snippets: Snippet[] = [];
  visit(tree, (node) => {
    if (node.type !== 'code' && node.type !== 'inlineCode') return;
    const line = node.position!.start.line;
    const where = `${lesson}:${line}`;
    if (node.type === 'inlineCode') {
      snippets.push({ kind: 'inline', lang: '', meta: {}, code: (node as InlineCode).value, where, lesson, line });
      return;
    }
    const code = node as Code;
    // The meta as written: Markdown drops backslash escapes from info strings (`\[` → `[`), regexes need them.
    const fenceLine = lines[line - 1] ?? '';
    const meta = parseFenceMeta(/^\s*(`{3,}|~{3,})\s*\S*\s*(.*)$/.exec(fenceLine)?.[2] ?? code.meta ?? '');
    const file = meta.file ? resolve(folder, meta.file) : undefined;
    const text = file ? readFileSync(file, 'utf8') : code.value;
    snippets.push({ kind: 'fence', lang: code.lang ?? '', meta, code: text, where, lesson, line, file });
  });
  return snippets;
}

/** Files of a lesson folder (compose files, Dockerfiles, scripts), whether or not a lesson shows them. */
export function lessonFolderFiles(docsDir: string): Snippet[] {
  return readdirSync(docsDir, { recursive: true, encoding: 'utf8' })
    .map((path) => join(docsDir, path))
    .filter((path) => statSync(path).isFile() && isLessonFile(path))
    .sort()
    .map(fileSnippet);
}

/** A whole file as a snippet of the language its name says (a lesson file, or the repository's own Dockerfile). */
export function fileSnippet(file: string): Snippet {
  return {
    kind: 'file',
    lang: languageOfFile(file),
    meta: {},
    code: readFileSync(file, 'utf8'),
    where: `${file}:1`,
    lesson: file,
    line: 1,
    file,
  };
}

export function collectSnippets(docsDir: string): Snippet[] {
  return [...lessonsIn(docsDir).flatMap(snippetsOfLesson), ...lessonFolderFiles(docsDir)];
}
