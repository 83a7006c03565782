/**
 * The compiled entry of a thread, next to the module that starts it. Under
 * a TypeScript runner (the test suite runs src/ directly) that module is a
 * .ts file and threads cannot load its .ts sibling: they load the build in
 * dist/, which the test setup keeps fresh.
 */
export function threadFile(name: string, from: string): URL {
  return from.endsWith('.ts') ? new URL(`../../dist/engine/${name}.js`, from) : new URL(`./${name}.js`, from);
}
