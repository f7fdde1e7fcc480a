// Splits a shell session (`$ command` lines, backslash continuations, output lines) into what to run and what is output.
export type SessionLineKind = 'command' | 'output';

export interface ShellSession {
  /** One entry per source line. */
  kinds: SessionLineKind[];
  /** The commands without prompts, continuation lines kept, one command per entry. */
  commands: string[];
}

const PROMPT = /^\$( |$)/;

export function parseShellSession(code: string): ShellSession {
  const kinds: SessionLineKind[] = [];
  const commands: string[] = [];
  let continuing = false;
  for (const line of code.split('\n')) {
    if (continuing) {
      kinds.push('command');
      commands[commands.length - 1] += `\n${line}`;
    } else if (PROMPT.test(line)) {
      kinds.push('command');
      commands.push(line.replace(PROMPT, ''));
    } else {
      kinds.push('output');
    }
    continuing = kinds.at(-1) === 'command' && /\\$/.test(line);
  }
  return { kinds, commands };
}

/** What the copy button puts on the clipboard: every command, without prompt or output. */
export function copyText(code: string): string {
  return parseShellSession(code).commands.join('\n');
}
