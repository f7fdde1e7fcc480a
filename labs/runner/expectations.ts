// Checks a block's run against what it declares: every command exits 0 (the last one exit=N if given), the output matches expect.

export interface BlockRun {
  /** stdout and stderr of the whole block, interleaved as written. */
  output: string;
  /** What each command that ran printed, in order (`output` cut at the end of each command). */
  outputs?: string[];
  /** The exit code of each command that ran, in order. */
  exitCodes: number[];
  /** Set when the block was stopped for taking too long (seconds allowed). */
  timedOutAfter?: number;
}

export interface Expectations {
  commands: string[];
  expect?: string;
  exit?: number;
}

const firstLine = (command: string) =>
  command.split('\n')[0].replace(/\s*\\$/, '') + (command.includes('\n') ? ' …' : '');

/** The problems of a run, one sentence each; none means the block passed. */
export function checkRun(block: Expectations, run: BlockRun): string[] {
  const problems: string[] = [];
  const count = block.commands.length;
  if (count === 0) return ['the block has no command (no line starts with "$ ")'];
  if (run.timedOutAfter !== undefined) problems.push(`stopped after ${run.timedOutAfter} s (LABS_BLOCK_TIMEOUT)`);
  else if (run.exitCodes.length < count) {
    problems.push(`only ${run.exitCodes.length} of ${count} commands ran: the shell stopped (exit, or a syntax error)`);
  }
  run.exitCodes.forEach((code, i) => {
    const wanted = i === count - 1 ? (block.exit ?? 0) : 0;
    if (code !== wanted)
      problems.push(`command ${i + 1} («${firstLine(block.commands[i])}») exited with ${code}, expected ${wanted}`);
  });
  if (block.expect !== undefined && !new RegExp(block.expect, 'm').test(run.output)) {
    problems.push(`${OUTPUT_MISMATCH}/${block.expect}/m`);
  }
  return problems;
}

const OUTPUT_MISMATCH = 'the output does not match expect=';

export type Verdict =
  { status: 'passed' } | { status: 'failed'; problems: string[] } | { status: 'skipped'; reason: string };

/** The block's status: passed when nothing went wrong, else failed with its problems. */
export function verdict(problems: string[]): Verdict {
  return problems.length === 0 ? { status: 'passed' } : { status: 'failed', problems };
}
