import assert from 'node:assert/strict';
import { test } from 'node:test';
import { sameImage } from '../../labs/runner/image-ref.ts';

test('one image under its short and full names; another tag or registry is another image', () => {
  assert.equal(sameImage('nginx:1.29', 'docker.io/library/nginx:1.29'), true);
  assert.equal(sameImage('nginx', 'nginx:latest'), true);
  assert.equal(sameImage('apache/spark:4.0.1', 'docker.io/apache/spark:4.0.1'), true);
  assert.equal(sameImage('apache/spark:4.0.1', 'apache/spark:4.0.0'), false);
  assert.equal(sameImage('localhost:5000/nginx:1.29', 'nginx:1.29'), false);
});
