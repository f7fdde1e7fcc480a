// Checks every snippet of the lessons: Compose files, Dockerfiles, shell sessions and scripts, docker commands, declared expectations.
import { basename, relative } from 'node:path';
import { parseShellSession } from '../../lesson-model/shell-session.ts';
import { collectSnippets, fileSnippet, type Snippet } from './collect.ts';
import { isComposeFile, validateCompose, type SnippetProblem } from './validate-compose.ts';
import { validateDockerfile } from './validate-dockerfile.ts';
import { validateShell } from './validate-shell.ts';

const SESSION = new Set(['console', 'shellsession', 'shell-session']);
const SCRIPT = new Set(['sh', 'bash', 'shell', 'zsh']);

/** Commands of a session joined for parsing, and for each of their lines the line in the block it came from. */
function sessionCommands(code: string): { text: string; sourceLines: number[] } {
  const lines = code.split('\n');
  const { kinds } = parseShellSession(code);
  const sourceLines: number[] = [];
  const text: string[] = [];
  kinds.forEach((kind, i) => {
    if (kind !== 'command') return;
    sourceLines.push(i + 1);
    text.push(lines[i].replace(/^\$( |$)/, ''));
  });
  return { text: text.join('\n'), sourceLines };
}

/** Problems with declared expectations: every session says how it is verified (expect, exit or skip). */
export function checkExpectations(snippet: Snippet): SnippetProblem[] {
  const { expect, exit, skip } = snippet.meta;
  const problems: SnippetProblem[] = [];
  if (expect === undefined && exit === undefined && skip === undefined) {
    problems.push({
      line: 0,
      message: 'console block declares no verification: add expect="regex", exit=N or skip="reason"',
    });
  }
  if (expect !== undefined) {
    try {
      new RegExp(expect, 'm');
    } catch (error) {
      problems.push({ line: 0, message: `expect is not a valid regular expression: ${(error as Error).message}` });
    }
  }
  if (exit !== undefined && !/^\d+$/.test(exit)) problems.push({ line: 0, message: `exit=${exit} is not a number` });
  if (skip !== undefined && skip.trim().length < 10)
    problems.push({ line: 0, message: 'skip needs a reason a reader understands' });
  return problems;
}

function problemsOf(snippet: Snippet): SnippetProblem[] {
  const { lang, code, kind } = snippet;
  // Prose may name placeholders as <contenedor>: they stand for one word.
  if (kind === 'inline') return /^(sudo )?docker /.test(code) ? validateShell(code.replace(/<[\w-]+>/g, 'X')) : [];
  if (SESSION.has(lang)) {
    const { text, sourceLines } = sessionCommands(code);
    const shell = validateShell(text).map((p) => ({ ...p, line: sourceLines[p.line - 1] ?? 1 }));
    return [...checkExpectations(snippet), ...shell];
  }
  if (SCRIPT.has(lang)) return validateShell(code);
  if (lang === 'dockerfile' || lang === 'docker') return validateDockerfile(code);
  if ((lang === 'yaml' || lang === 'yml') && isComposeFile(code, snippet.file ?? '')) return validateCompose(code);
  return [];
}

/** Every problem, as `file:line: message` lines that name the lesson (and the included file). */
export function checkSnippets(docsDir: string, root = process.cwd()): string[] {
  return problemLines(collectSnippets(docsDir), root);
}

/** The problems of whole files outside the lessons (the classroom Dockerfile and compose.yaml), as `file:line:`. */
export function checkFiles(files: string[], root = process.cwd()): string[] {
  return problemLines(files.map(fileSnippet), root);
}

function problemLines(snippets: Snippet[], root: string): string[] {
  const messages: string[] = [];
  for (const snippet of snippets) {
    for (const problem of problemsOf(snippet)) {
      const rel = (path: string) => relative(root, path);
      if (snippet.kind === 'file') {
        messages.push(`${rel(snippet.file!)}:${problem.line || 1}: ${problem.message}`);
      } else if (snippet.file) {
        messages.push(
          `${rel(snippet.lesson)}:${snippet.line}: in ${basename(snippet.file)}:${problem.line}: ${problem.message}`,
        );
      } else {
        const offset = snippet.kind === 'fence' && problem.line > 0 ? problem.line : 0;
        messages.push(`${rel(snippet.lesson)}:${snippet.line + offset}: ${problem.message}`);
      }
    }
  }
  return messages;
}
