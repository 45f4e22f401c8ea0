/** Serialises a connector file the way connector repositories keep it: 4-space indents. */
export function stringify(value: unknown): string {
  return `${JSON.stringify(value, null, 4)}\n`;
}
