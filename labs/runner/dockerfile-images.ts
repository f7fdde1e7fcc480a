// The images a Dockerfile builds from: every FROM and COPY --from that names an image rather than an earlier stage.
import { DockerfileParser, type Copy, type From } from 'dockerfile-ast';

/** Replaces `$NAME` and `${NAME}` (and `${NAME:-default}`) with build arguments; unknown ones stay as written. */
function substitute(text: string, args: Record<string, string | undefined>): string {
  return text.replace(/\$\{(\w+)(?::?-([^}]*))?\}|\$(\w+)/g, (whole, braced, fallback, bare) => {
    const value = args[braced ?? bare];
    return value !== undefined && value !== '' ? value : (fallback ?? whole);
  });
}

/**
 * The images `docker build` would need locally (`scratch` and earlier stages excluded), with build arguments applied:
 * the defaults of ARGs before the first FROM, overridden by `buildArgs` (`--build-arg NAME=value`).
 */
export function dockerfileImages(text: string, buildArgs: Record<string, string> = {}): string[] {
  const dockerfile = DockerfileParser.parse(text);
  const args: Record<string, string | undefined> = {};
  for (const arg of dockerfile.getInitialARGs()) {
    const property = arg.getProperty();
    const name = property?.getName();
    if (name) args[name] = property?.getValue() ?? undefined;
  }
  Object.assign(args, buildArgs);
  const stages = new Set<string>();
  const images = new Set<string>();
  const need = (image: string) => {
    if (image === 'scratch' || stages.has(image.toLowerCase()) || /^\d+$/.test(image) || image.includes('$')) return;
    images.add(image);
  };
  for (const instruction of dockerfile.getInstructions()) {
    const keyword = instruction.getKeyword();
    if (keyword === 'FROM') {
      const from = instruction as From;
      const image = from.getImage();
      if (image) need(substitute(image, args));
      const stage = from.getBuildStage();
      if (stage) stages.add(stage.toLowerCase());
    } else if (keyword === 'COPY') {
      const source = (instruction as Copy).getFromFlag()?.getValue();
      if (source) need(substitute(source, args));
    }
  }
  return [...images];
}
