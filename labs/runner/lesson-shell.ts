// Runs a lesson's blocks in bash one after another, like one terminal: variables, the current folder and $? carry over.
// Each block runs in a pseudo-terminal of COLUMNS×ROWS (util-linux `script`), as when a student types it, and each
// command's output is the text that terminal shows when it ends (terminal-screen.ts); stdin is empty.
import { spawn } from 'node:child_process';
import { closeSync, existsSync, mkdirSync, openSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { BlockRun } from './expectations.ts';
import { COLUMNS, ROWS, terminalScreen } from './terminal-screen.ts';

/**
 * The bash script for one block: restore the lesson's state, run each command recording its exit code (and
 * giving it back as `$?` to the next one), save the state. Commands are inserted as written in the lesson.
 */
export function blockScript(commands: string[], stateDir: string): string {
  const q = (path: string) => `'${path.replace(/'/g, `'\\''`)}'`;
  const state = q(stateDir);
  const lines = [
    `__labs_state=${state}`,
    'cd -- "$(cat "$__labs_state/cwd")" || exit 97',
    '[ -f "$__labs_state/vars" ] && . "$__labs_state/vars" 2>/dev/null',
    '__labs_return() { return "$1"; }',
    '__labs_s=$(cat "$__labs_state/status"); __labs_return "$__labs_s"',
  ];
  for (const command of commands) {
    lines.push(command);
    // The end of this command's output (OUTPUT_END), so that the recorder knows what each command printed.
    lines.push(
      '__labs_s=$?; printf \'\\036labs-end\\036\\n\'; printf \'%s\\n\' "$__labs_s" >> "$__labs_state/codes"; __labs_return "$__labs_s"',
    );
  }
  lines.push(
    'printf \'%s\\n\' "$__labs_s" > "$__labs_state/status"',
    'pwd > "$__labs_state/cwd"',
    // Variables the lesson set (not bash's own nor the environment's), for the next block.
    '__labs_vars=$(compgen -v | grep -vxF -f "$__labs_state/baseline" | grep -v "^__labs")',
    'if [ -n "$__labs_vars" ]; then declare -p $__labs_vars > "$__labs_state/vars" 2>/dev/null; else : > "$__labs_state/vars"; fi',
    '',
  );
  return lines.join('\n');
}

/** Written after each command's output; splits the block's output into one part per command. */
export const OUTPUT_END = /\x1elabs-end\x1e\r?\n/;

/** A block's output, split into what each command printed (the marker removed). */
export function splitOutput(raw: string): { output: string; outputs: string[] } {
  const parts = raw.split(OUTPUT_END);
  const outputs = parts.slice(0, -1);
  // Anything after the last marker (a background process) belongs to the last command.
  if (outputs.length > 0) outputs[outputs.length - 1] += parts.at(-1);
  return { output: parts.join(''), outputs };
}

export class LessonShell {
  readonly stateDir: string;
  private readonly env: NodeJS.ProcessEnv;

  constructor(workdir: string, stateDir: string, env: NodeJS.ProcessEnv) {
    this.stateDir = stateDir;
    this.env = env;
    mkdirSync(stateDir, { recursive: true });
    writeFileSync(join(stateDir, 'cwd'), `${workdir}\n`);
    writeFileSync(join(stateDir, 'status'), '0\n');
    // bash's own variables and the environment: never carried over, never restored.
    writeFileSync(join(stateDir, 'baseline'), '');
  }

  /** Records the variables a fresh bash has, so that only the lesson's own are carried between blocks. */
  async init(): Promise<void> {
    const baseline = join(this.stateDir, 'baseline');
    // Plus the variables bash sets as it goes (a fresh shell has not set them yet).
    const dynamic = 'OLDPWD PIPESTATUS BASH_REMATCH COLUMNS LINES';
    await this.spawnBash(
      `compgen -v > '${baseline}'; printf '%s\\n' ${dynamic} >> '${baseline}'\n`,
      join(this.stateDir, 'init.out'),
      30,
    );
  }

  /** The folder the next block starts in. */
  get cwd(): string {
    return readFileSync(join(this.stateDir, 'cwd'), 'utf8').trim();
  }

  async run(commands: string[], timeoutSeconds: number): Promise<BlockRun> {
    const codes = join(this.stateDir, 'codes');
    writeFileSync(codes, '');
    const outputFile = join(this.stateDir, 'output');
    const timedOut = await this.spawnBash(blockScript(commands, this.stateDir), outputFile, timeoutSeconds);
    const exitCodes = readFileSync(codes, 'utf8').split('\n').filter(Boolean).map(Number);
    const raw = splitOutput(existsSync(outputFile) ? readFileSync(outputFile, 'utf8') : '');
    return {
      output: await terminalScreen(raw.output),
      outputs: await Promise.all(raw.outputs.map(terminalScreen)),
      exitCodes,
      ...(timedOut ? { timedOutAfter: timeoutSeconds } : {}),
    };
  }

  /**
   * Runs a script in a pseudo-terminal (nothing typed), everything it writes to the terminal into one file; kills
   * the whole process group on timeout (closing the terminal hangs up what runs in it).
   */
  private spawnBash(script: string, outputFile: string, timeoutSeconds: number): Promise<boolean> {
    const scriptFile = join(this.stateDir, 'block.sh');
    writeFileSync(scriptFile, script);
    const out = openSync(outputFile, 'w');
    return new Promise((resolvePromise, reject) => {
      const inTerminal = `stty cols ${COLUMNS} rows ${ROWS} 2>/dev/null; exec bash --noprofile --norc '${scriptFile.replace(/'/g, `'\\''`)}'`;
      // stdin: a pipe left open and empty, as a terminal where nobody types (at the end of a closed stdin, `script`
      // would type the terminal's end-of-file character, which a program in raw mode reads as a NUL).
      const child = spawn('script', ['--quiet', '--flush', '--return', '--command', inTerminal, '/dev/null'], {
        stdio: ['pipe', out, out],
        env: this.env,
        detached: true,
      });
      let timedOut = false;
      const timer = setTimeout(() => {
        timedOut = true;
        try {
          process.kill(-child.pid!, 'SIGKILL');
        } catch {
          /* already gone */
        }
      }, timeoutSeconds * 1000);
      child.on('error', (error) => {
        clearTimeout(timer);
        closeSync(out);
        reject(error);
      });
      child.on('close', () => {
        clearTimeout(timer);
        try {
          process.kill(-child.pid!, 'SIGKILL'); // anything the block left running in the background
        } catch {
          /* nothing left */
        }
        closeSync(out);
        resolvePromise(timedOut);
      });
    });
  }
}
