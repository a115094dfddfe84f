/** The page runner's `os`: what the notebooks ask of it (a temporary folder in the worker's in-memory files). */
export const EOL = "\n";
export function tmpdir(): string {
  return "/tmp";
}
export function platform(): string {
  return "browser";
}
