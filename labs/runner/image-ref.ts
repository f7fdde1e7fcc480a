// Image references as the engine reads them, for matching the images a block uses with the stand-ins.
/** Whether two references name one image: `nginx:1.29` is `docker.io/library/nginx:1.29`; no tag is `:latest`. */
export function sameImage(a: string, b: string): boolean {
  const full = (ref: string) => {
    let name = ref.includes('@') ? ref : /:[^/]+$/.test(ref) ? ref : `${ref}:latest`;
    if (!/^[^/]+[.:][^/]*\//.test(name) && !name.startsWith('localhost/')) name = `docker.io/${name}`;
    return name.replace(/^docker\.io\/([^/]+)$/, 'docker.io/library/$1');
  };
  return full(a) === full(b);
}
