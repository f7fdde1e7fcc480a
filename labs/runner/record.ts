// A console block's output lines against a run: the drift check of a normal run, and the rewrite of `--record`.
//
// A block's code is `$ command` lines (with their `\` continuation lines) each followed by its output lines, up to
// the next `$` line. Only those output lines are compared and rewritten: commands, and so what the copy button
// copies (shell-session.ts, copyText), stay as written. Comparison goes through normalise.ts.
import { copyText, parseShellSession } from '../../lesson-model/shell-session.ts';
import { outputDiff, outputLines, outputMatches, recordedOutput } from './normalise.ts';

export interface SessionPart {
  /** The command's lines as written, prompt included. */
  command: string[];
  /** Index in the block's code of the command's first line. */
  start: number;
  /** The output lines shown after it, as written. */
  output: string[];
}

/** The block's code as lines before its first command (kept as they are) and one part per command. */
export function sessionParts(code: string): { preamble: string[]; parts: SessionPart[] } {
  const lines = code.split('\n');
  const { kinds } = parseShellSession(code);
  const preamble: string[] = [];
  const parts: SessionPart[] = [];
  lines.forEach((line, i) => {
    const current = parts.at(-1);
    if (kinds[i] === 'command') {
      const continuation = i > 0 && kinds[i - 1] === 'command' && /\\$/.test(lines[i - 1]);
      if (continuation && current) current.command.push(line);
      else parts.push({ command: [line], start: i, output: [] });
    } else if (current) current.output.push(line);
    else preamble.push(line);
  });
  return { preamble, parts };
}

/** The page's output lines of a part, without the blank lines around them. */
const shown = (part: SessionPart) => outputLines(part.output.join('\n'));

/**
 * The drift of each command's output from the page, as problems that name the lesson file and line and show a
 * diff (`-` the page, `+` the run). `fenceLine` is the 1-based line of the block's opening fence in `file`.
 */
export function outputDrift(file: string, fenceLine: number, code: string, outputs: string[]): string[] {
  const problems: string[] = [];
  sessionParts(code).parts.forEach((part, i) => {
    if (outputs[i] === undefined) return; // the command did not run: the exit codes say why
    const page = shown(part);
    const run = outputLines(outputs[i]);
    if (outputMatches(page, run)) return;
    const firstOutput = part.output.findIndex((line) => line.trim() !== '');
    const line = fenceLine + 1 + part.start + (firstOutput === -1 ? 0 : part.command.length + firstOutput);
    const command = part.command[0].replace(/^\$ /, '').replace(/\s*\\$/, '') + (part.command.length > 1 ? ' …' : '');
    problems.push(
      `${file}:${line}: the output of «${command}» drifted from the page (record it with \`npm run test:labs -- --record\`):\n` +
        outputDiff(page, run)
          .map((l) => `      ${l}`)
          .join('\n'),
    );
  });
  return problems;
}

/** The block's code with each command's output lines replaced by what the run printed (normalise.ts, recordedOutput). */
export function recordCode(code: string, outputs: string[]): string {
  const { preamble, parts } = sessionParts(code);
  const lines = [...preamble];
  parts.forEach((part, i) => {
    lines.push(...part.command);
    if (outputs[i] === undefined) {
      lines.push(...part.output);
      return;
    }
    const page = shown(part);
    const run = outputLines(outputs[i]);
    lines.push(...recordedOutput(page, run));
  });
  return lines.join('\n');
}

export interface RecordedBlock {
  /** 1-based line of the opening fence. */
  line: number;
  outputs: string[];
}

/**
 * The lesson's source with the output lines of the given blocks rewritten. The fence (language, expect, exit…)
 * and every other line stay; a block indented in a list keeps its indentation.
 */
export function recordLesson(source: string, blocks: RecordedBlock[], file = 'lesson'): string {
  const lines = source.split('\n');
  for (const block of [...blocks].sort((a, b) => b.line - a.line)) {
    const fence = lines[block.line - 1];
    const open = /^(\s*)(`{3,}|~{3,})/.exec(fence ?? '');
    if (!open) throw new Error(`${file}:${block.line}: no code fence on this line`);
    const [, indent, marker] = open;
    let end = block.line;
    const closing = new RegExp(`^\\s*${marker[0] === '`' ? '`' : '~'}{${marker.length},}\\s*$`);
    while (end < lines.length && !closing.test(lines[end])) end++;
    if (end === lines.length) throw new Error(`${file}:${block.line}: the code fence is never closed`);
    const body = lines
      .slice(block.line, end)
      .map((l) => (l.startsWith(indent) ? l.slice(indent.length) : l.trimStart()));
    const code = recordCode(body.join('\n'), block.outputs);
    // An output line that starts with «$ » would become a command, and the copy button would copy it.
    if (copyText(code) !== copyText(body.join('\n')))
      throw new Error(
        `${file}:${block.line}: an output line starts with «$ », which the page would take for a command; ` +
          'shorten that output by hand with «…» and record again',
      );
    const recorded = code.split('\n').map((l) => (l === '' ? '' : indent + l));
    lines.splice(block.line, end - block.line, ...recorded);
  }
  return lines.join('\n');
}
