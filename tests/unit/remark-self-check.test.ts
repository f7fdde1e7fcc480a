import assert from 'node:assert/strict';
import { test } from 'node:test';
import remarkSelfCheck from '../../src/plugins/remark-self-check.ts';
import { renderError, renderMdx } from './markdown.ts';

const source = `:::autoevaluacion
1. ¿Pregunta uno?

   Respuesta uno, **explicada**.

2. ¿Pregunta dos?

   Respuesta dos.
:::`;

test('renders numbered questions with answers in <details>, each with an anchor', async () => {
  const html = await renderMdx(source, [remarkSelfCheck]);
  assert.match(html, /<section class="self-check" aria-label="Autoevaluación">/);
  assert.match(html, /<li class="self-check__item" id="autoevaluacion-1">/);
  assert.match(html, /<li class="self-check__item" id="autoevaluacion-2">/);
  assert.match(html, /<details class="self-check__answer">\s*<summary>Ver respuesta<\/summary>/);
  assert.match(html, /Respuesta uno, <strong>explicada<\/strong>/);
  assert.doesNotMatch(html, /:::/);
});

test('a question without an answer fails with its line', async () => {
  const message = await renderError(':::autoevaluacion\n1. ¿Sin respuesta?\n:::', [remarkSelfCheck]);
  assert.match(message, /:2:1: Self-check question 1 needs/);
});

test('anything but one numbered list fails', async () => {
  const message = await renderError(':::autoevaluacion\n- a\n:::', [remarkSelfCheck]);
  assert.match(message, /:1:1: :::autoevaluacion must hold exactly one numbered list/);
});
