// Plans the lab run: every lesson in sidebar order, each with its console blocks, their commands and declared expectations.
import { readFileSync } from 'node:fs';
import { relative } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { parseShellSession } from '../../lesson-model/shell-session.ts';
import { lessonFilesDir } from '../../lesson-model/lesson-files.ts';
import { lessonsIn, snippetsOfLesson } from '../../src/snippets/collect.ts';
import { parseShell } from '../../src/snippets/validate-shell.ts';
import { blockHash, folderDigest } from '../../lesson-model/block-hash.ts';

export const SESSION_LANGUAGES = new Set(['console', 'shellsession', 'shell-session']);

export interface LabBlock {
  /** `content/docs/modulo-01/x.mdx:12`, relative to the working directory. */
  where: string;
  line: number;
  commands: string[];
  /** The block's code as on the page (commands and output lines). */
  code: string;
  expect?: string;
  exit?: number;
  skip?: string;
  /** `fresh="IMAGE"`: the image is removed before the block runs, so that the block pulls it as on a first try. */
  fresh?: string;
  hash: string;
  /** Whether the block talks to Docker (`docker …`, or the API socket); else it ran only on the machine (qemu-img…). */
  docker: boolean;
}

export interface LabLesson {
  /** The lesson file, relative to the docs folder (`modulo-01/x.mdx`): the key of its results. */
  id: string;
  file: string;
  /** The folder whose copy is the working directory (it may not exist: then an empty folder is used). */
  folder: string;
  order: number;
  blocks: LabBlock[];
}

/** `sidebar.order` from a lesson's frontmatter (Infinity when absent, as Starlight sorts). */
export function sidebarOrder(source: string, file: string): number {
  const match = /^---\r?\n([\s\S]*?)\r?\n---/.exec(source);
  if (!match) return Infinity;
  let data: unknown;
  try {
    data = parseYaml(match[1]);
  } catch (error) {
    throw new Error(`${file}: frontmatter is not valid YAML: ${(error as Error).message}`);
  }
  const order = (data as { sidebar?: { order?: unknown } } | null)?.sidebar?.order;
  if (order === undefined) return Infinity;
  if (typeof order !== 'number')
    throw new Error(`${file}: sidebar.order must be a number, not ${JSON.stringify(order)}`);
  return order;
}

/** The console blocks of one lesson, with their hashes (see block-hash.ts). */
export function lessonBlocks(file: string, root = process.cwd()): LabBlock[] {
  const lines = readFileSync(file, 'utf8').split('\n');
  const digest = folderDigest(lessonFilesDir(file));
  return snippetsOfLesson(file)
    .filter((snippet) => snippet.kind === 'fence' && SESSION_LANGUAGES.has(snippet.lang))
    .map((snippet) => {
      const { expect, exit, skip, fresh } = snippet.meta;
      const where = `${relative(root, file)}:${snippet.line}`;
      if (exit !== undefined && !/^\d+$/.test(exit)) throw new Error(`${where}: exit=${exit} is not a number`);
      if (expect !== undefined) {
        try {
          new RegExp(expect, 'm');
        } catch (error) {
          throw new Error(`${where}: expect is not a valid regular expression: ${(error as Error).message}`);
        }
      }
      if (fresh !== undefined && !/^[a-z0-9][\w./-]*:[\w.-]+$/.test(fresh))
        throw new Error(`${where}: fresh=${fresh} must name an image with its tag (debian:trixie)`);
      const commands = parseShellSession(snippet.code).commands;
      const calls = parseShell(commands.join('\n')).calls;
      return {
        where,
        line: snippet.line,
        commands,
        code: snippet.code,
        expect,
        exit: exit === undefined ? undefined : Number(exit),
        skip,
        fresh,
        hash: blockHash(lines[snippet.line - 1], snippet.code, digest),
        docker: calls.some(
          (call) =>
            call.args[call.args[0] === 'sudo' ? 1 : 0] === 'docker' || call.args.some((a) => a.includes('docker.sock')),
        ),
      };
    });
}

/**
 * Every lesson under `docsDir` that has console blocks, in the order of the sidebar: by folder, then
 * `sidebar.order`, then file name. `only` keeps the lessons whose path contains one of its words.
 */
export function planLabs(docsDir: string, only: string[] = [], root = process.cwd()): LabLesson[] {
  const lessons = lessonsIn(docsDir)
    .filter((file) => only.length === 0 || only.some((word) => file.includes(word)))
    .map((file) => {
      const id = relative(docsDir, file);
      const folderOf = id.includes('/') ? id.slice(0, id.lastIndexOf('/')) : '';
      return {
        id,
        file,
        folderOf,
        folder: lessonFilesDir(file),
        order: sidebarOrder(readFileSync(file, 'utf8'), file),
        blocks: lessonBlocks(file, root),
      };
    })
    .filter((lesson) => lesson.blocks.length > 0);
  const byOrder = (a: number, b: number) => (a === b ? 0 : a < b ? -1 : 1);
  lessons.sort((a, b) => a.folderOf.localeCompare(b.folderOf) || byOrder(a.order, b.order) || a.id.localeCompare(b.id));
  return lessons.map(({ folderOf: _, ...lesson }) => lesson);
}
