import assert from 'node:assert/strict';
import { test } from 'node:test';
import { isLessonFile, lessonFilesDir, lessonFileUrl } from '../../lesson-model/lesson-files.ts';

test("a lesson's folder is named like the lesson; an index page owns its folder", () => {
  assert.equal(lessonFilesDir('/c/docs/modulo-01/imagenes.mdx'), '/c/docs/modulo-01/imagenes');
  assert.equal(lessonFilesDir('/c/docs/modulo-01/index.mdx'), '/c/docs/modulo-01');
});

test('files are served under the lesson URL, percent-encoded', () => {
  assert.equal(
    lessonFileUrl('/c/docs', '/c/docs/modulo-01/imagenes/mi archivo.txt'),
    '/modulo-01/imagenes/mi%20archivo.txt',
  );
});

test('lessons are not files to serve; dotfiles like .dockerignore are, editor litter is not', () => {
  assert.ok(isLessonFile('imagenes/.dockerignore'));
  assert.ok(isLessonFile('imagenes/Dockerfile'));
  assert.ok(!isLessonFile('modulo-01/imagenes.mdx'));
  assert.ok(!isLessonFile('imagenes/.DS_Store'));
});
