import assert from 'node:assert/strict';
import { test } from 'node:test';
import { dockerfileImages } from '../../labs/runner/dockerfile-images.ts';

test('FROM images, without scratch and without earlier stages', () => {
  const dockerfile = [
    'FROM debian:bookworm AS build',
    'RUN make',
    'FROM scratch',
    'COPY --from=build /a /a',
    'FROM build',
  ].join('\n');
  assert.deepEqual(dockerfileImages(dockerfile), ['debian:bookworm']);
});

test('COPY --from an image is needed too; stage names are case-insensitive', () => {
  assert.deepEqual(
    dockerfileImages('FROM debian:bookworm AS Base\nCOPY --from=base /a /a\nCOPY --from=busybox:1 /bin/sh /sh\n'),
    ['debian:bookworm', 'busybox:1'],
  );
});

test('ARG defaults before FROM apply, and --build-arg overrides them', () => {
  const dockerfile = 'ARG BASE=debian:bookworm\nFROM ${BASE}\n';
  assert.deepEqual(dockerfileImages(dockerfile), ['debian:bookworm']);
  assert.deepEqual(dockerfileImages(dockerfile, { BASE: 'debian:trixie' }), ['debian:trixie']);
  assert.deepEqual(dockerfileImages('FROM $UNKNOWN\n'), []);
});
