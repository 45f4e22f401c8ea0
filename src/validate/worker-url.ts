/**
 * The URL of the worker module `name` beside the module at `moduleUrl`, with that module's extension:
 * sources (.ts), the library (dist/lib, .js) or the bundle (dist, .mjs).
 */
export function workerBeside(name: string, moduleUrl: string): URL {
  return new URL(`./${name}${/\.[cm]?[jt]s$/.exec(moduleUrl)?.[0] ?? '.mjs'}`, moduleUrl);
}
