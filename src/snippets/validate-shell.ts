// Parses shell code with mvdan/sh (bash dialect) and checks every `docker …` call against the course's CLI table.
import { createRequire } from 'node:module';
import { checkDockerCall } from './docker-cli.ts';
import type { SnippetProblem } from './validate-compose.ts';

interface ShNode {
  Pos(): { Line(): number };
}
interface ShWord extends ShNode {
  Parts: ShPart[];
}
interface ShPart {
  Value?: string;
  Parts?: ShPart[];
}
interface ShCall extends ShNode {
  Args: ShWord[];
}
interface ShSyntax {
  NewParser(...options: unknown[]): { Parse(src: string, name: string): ShNode };
  Variant(lang: unknown): unknown;
  LangBash: unknown;
  Walk(node: ShNode, visit: (node: ShNode | null) => boolean): void;
  NodeType(node: unknown): string;
}

const { syntax } = createRequire(import.meta.url)('mvdan-sh') as { syntax: ShSyntax };

/** A placeholder for the parts of a word that are not literal (variables, command substitutions). */
export const DYNAMIC = '…';

function partText(part: ShPart): string {
  switch (syntax.NodeType(part)) {
    case 'Lit':
    case 'SglQuoted':
      return part.Value ?? '';
    case 'DblQuoted':
      return (part.Parts ?? []).map(partText).join('');
    default:
      return DYNAMIC;
  }
}

export interface ShellCall {
  line: number;
  args: string[];
}

/** Parses shell code; returns the parse error (with its line) or every simple command in it. */
export function parseShell(code: string): { problems: SnippetProblem[]; calls: ShellCall[] } {
  let file: ShNode;
  try {
    file = syntax.NewParser(syntax.Variant(syntax.LangBash)).Parse(code, 'snippet');
  } catch (error) {
    const message = String((error as { Error?: () => string }).Error?.() ?? (error as Error).message ?? error);
    const match = /^snippet:(\d+):(\d+): (.*)$/s.exec(message);
    return {
      problems: [{ line: match ? Number(match[1]) : 1, message: `shell syntax: ${match?.[3] ?? message}` }],
      calls: [],
    };
  }
  const calls: ShellCall[] = [];
  syntax.Walk(file, (node) => {
    if (node && syntax.NodeType(node) === 'CallExpr') {
      const call = node as ShCall;
      if (call.Args.length > 0)
        calls.push({ line: call.Pos().Line(), args: call.Args.map((w) => w.Parts.map(partText).join('')) });
    }
    return true;
  });
  return { problems: [], calls };
}

/** Shell syntax, then every docker call's subcommand and flags. Lines are 1-based within `code`. */
export function validateShell(code: string): SnippetProblem[] {
  const { problems, calls } = parseShell(code);
  for (const { line, args } of calls) {
    const start = args[0] === 'sudo' ? 1 : 0;
    if (args[start] !== 'docker') continue;
    for (const message of checkDockerCall(args.slice(start + 1))) problems.push({ line, message });
  }
  return problems;
}
