// Parses and lints a Dockerfile with dockerfile-utils (the library behind VS Code's Dockerfile support).
import { validate } from 'dockerfile-utils';
import type { SnippetProblem } from './validate-compose.ts';

export function validateDockerfile(text: string): SnippetProblem[] {
  return validate(text).map((d) => ({
    line: d.range.start.line + 1,
    message: typeof d.message === 'string' ? d.message : d.message.value,
  }));
}
