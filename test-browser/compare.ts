/** Comparing what the page printed with what tslab printed (runner.test.ts, conformance.test.ts). */

const NUMBER = /-?\d+(?:\.\d+)?(?:e[+-]?\d+)?/gi;
/**
 * Text equal but for numbers, which agree to `tol` relative (absolute below 1); "" when they agree, else
 * the first difference. 1e-14: the largest difference measured (Chromium 156 vs Node 20) is 1.1e-16,
 * 07's last output 0.7970074218203818 vs …816; a try-it cell's Adam loss 1.2e-32 vs 0 is absolute.
 */
export function compareTexts(ours: string, theirs: string, tol = 1e-14): string {
  const words = (s: string) => s.split(NUMBER);
  const nums = (s: string) => (s.match(NUMBER) ?? []).map(Number);
  if (words(ours).join("#") !== words(theirs).join("#")) return `text differs:\n  page:  ${JSON.stringify(ours.slice(0, 300))}\n  tslab: ${JSON.stringify(theirs.slice(0, 300))}`;
  const a = nums(ours), b = nums(theirs);
  for (let k = 0; k < a.length; k++) {
    if (Math.abs(a[k] - b[k]) > tol * Math.max(1, Math.abs(b[k]))) return `number ${k} differs: page ${a[k]} vs tslab ${b[k]}`;
  }
  return "";
}

/** The ✔/✘ verdicts of check() outputs in HTML (lib/display/check.ts: data-verdict), in order. */
export function verdictsIn(html: string): string[] {
  return [...html.matchAll(/class="nn-check" data-verdict="(\w+)"/g)].map((m) => m[1]);
}

/**
 * What a learner reads first in check()'s verdicts: ✔ (exact or approximate: both pass), ≠ (different, as
 * expected), ✘ (anything else). "exact" under Node may be "approximate" in Chromium where a value is compared
 * with numpy's to a tolerance and the engines' Math.exp differ in the last bit (07 says so); a ✔ may never
 * become a ✘.
 */
export const marksOf = (verdicts: string[]) =>
  verdicts.map((v) => (v === "exact" || v === "approximate" ? "✔" : v === "different" ? "≠" : "✘")).join("");
