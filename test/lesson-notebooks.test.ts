// test tier: slow — needs the executed notebooks of npm run test:notebooks
/**
 * The seven lesson notebooks (01–07), and the two that lead into them (00b TypeScript for numpy
 * learners, 00c the perceptron) and the one after them (07b, autodiff built by hand):
 *  - static checks: committed without outputs, tslab kernel, "이번 단계에서 배울 것" and "정리",
 *    links to the previous and next notebook that exist, LaTeX, a plot, "직접 해 보기", a self-check,
 *    and the five "⚠️ 수업 노트" where the lesson needs care;
 *  - execution: every notebook runs top to bottom under tslab (time reported against the 15 s goal, not asserted), then every code
 *    cell runs a second time without an error (a learner's edit-and-rerun);
 *  - notebook 07 prints the numpy reference's numbers, and shows every number of the first iteration in tables.
 * Execution: `npm run test:notebooks` (scripts/jupyter/run_notebooks.py) writes build/notebooks/report.json,
 * read here; ./lesson-notebooks-runner.test.ts checks the driver itself.
 */
import { test } from "node:test";
import * as assert from "assert/strict";
import * as fs from "fs";
import * as path from "path";
import { deltas, formatNumber, forward, gradients, halfSumSquaredError, lessonData, numpyReference, train } from "nn-lesson/dist/internal";
import { ROOT } from "./helpers";
import { NOTEBOOK_BUILD, NotebookReport, readReport } from "../scripts/jupyter/notebook-runs";

const DIR = path.join(ROOT, "notebooks");
const LESSON = ["01-model-setup", "02-forward", "03-mse", "04-gradient-descent", "05-output-delta", "06-hidden-delta", "07-training-loop"]
  .map((n) => `${n}.ipynb`);
/** Before 01: the bridge from numpy to TypeScript and the perceptron (same structure, no care notes). */
const BEFORE = ["00b-typescript-for-numpy", "00c-perceptron"].map((n) => `${n}.ipynb`);
/** After 07: a Value class in micrograd's manner that reproduces the lesson's deltas (then 08). */
const AFTER = ["07b-value-autodiff"].map((n) => `${n}.ipynb`);
/** The reading order that the previous/next links follow. */
const ORDER = ["00-overview.ipynb", ...BEFORE, ...LESSON, ...AFTER];
/** The goal for one notebook's cells (after the kernel started): reported, not asserted (machines are noisy). */
const GOAL_SECONDS = 15;

interface Cell { id?: string; cell_type: string; source: string | string[]; outputs?: unknown[]; execution_count?: number | null }
interface Notebook { cells: Cell[]; metadata: { kernelspec?: { name?: string } } }

const src = (c: Cell) => (Array.isArray(c.source) ? c.source.join("") : c.source);
const read = (f: string): Notebook => JSON.parse(fs.readFileSync(path.join(DIR, f), "utf8"));

test("the seven lesson notebooks, the two before them and 07b exist, in order", () => {
  for (const f of ORDER) assert.ok(fs.existsSync(path.join(DIR, f)), `missing notebooks/${f}`);
  // in order: Jupyter's file list (sorted by name) shows the reading order ...
  const listed = fs.readdirSync(DIR).filter((f) => ORDER.includes(f)).sort();
  assert.deepEqual(listed, ORDER, "file names sort in reading order");
  // ... and so do the two lists a learner reads, README's and docs/notebooks.md's
  for (const doc of ["README.md", path.join("docs", "notebooks.md")]) {
    const text = fs.readFileSync(path.join(ROOT, doc), "utf8");
    const at = ORDER.map((f) => text.indexOf(`notebooks/${f})`));
    assert.ok(at.every((i) => i >= 0), `${doc} links every notebook: ${ORDER.filter((_, k) => at[k] < 0)}`);
    assert.deepEqual([...at].sort((a, b) => a - b), at, `${doc} lists the notebooks in reading order`);
  }
});

for (const f of [...BEFORE, ...LESSON, ...AFTER]) {
  test(`${f}: structure (no outputs, goals, summary, links, LaTeX, plot, try-it, self-check)`, () => {
    const nb = read(f);
    assert.equal(nb.metadata.kernelspec?.name, "tslab");
    nb.cells.forEach((c, i) => {
      if (c.cell_type === "code") {
        assert.deepEqual(c.outputs, [], `${f} cell ${i} has outputs: commit notebooks without outputs`);
        assert.equal(c.execution_count ?? null, null, `${f} cell ${i} has an execution count`);
      }
    });
    const md = nb.cells.filter((c) => c.cell_type === "markdown").map(src).join("\n");
    const code = nb.cells.filter((c) => c.cell_type === "code").map(src).join("\n");
    assert.ok(md.includes("## 이번 단계에서 배울 것"), `${f}: "이번 단계에서 배울 것" at the top`);
    assert.ok(src(nb.cells[0]).includes("이번 단계에서 배울 것"), `${f}: the goals are in the first cell`);
    assert.ok(src(nb.cells[nb.cells.length - 1]).includes("## 정리"), `${f}: a summary at the end`);
    assert.ok(md.includes("## 직접 해 보기"), `${f}: a "직접 해 보기" section`);
    assert.ok(md.includes("lesson.ko.txt"), `${f}: cites the lesson`);
    assert.match(md, /\$\$[^$]+\$\$/, `${f}: a LaTeX formula`);
    assert.match(code, /showFigure\(/, `${f}: at least one plot`);
    assert.match(code, /\bplotSetup\(\)/, `${f}: plotSetup() in the first code cell`);
    assert.match(code, /\bcheck(Function)?\(/, `${f}: a self-check with lib/display/check.ts`);
    const long = nb.cells.flatMap((c, i) => (c.cell_type === "code" ? src(c).split("\n").map((l) => ({ i, l })) : []))
      .filter(({ l }) => l.length > 115);
    assert.deepEqual(long.map(({ i, l }) => `cell ${i}: ${l.slice(0, 50)}…`), [], `${f}: code lines longer than 115 characters`);
    const links = [...md.matchAll(/\]\(([^)\s]+\.(?:ipynb|md))\)/g)].map((m) => m[1]);
    const n = ORDER.indexOf(f);
    const prev = ORDER[n - 1];
    assert.ok(links.includes(prev), `${f}: links to the previous notebook ${prev}`);
    if (n + 1 < ORDER.length) assert.ok(links.includes(ORDER[n + 1]), `${f}: links to the next notebook ${ORDER[n + 1]}`);
    for (const l of links) assert.ok(fs.existsSync(path.join(DIR, l)), `${f}: link to a missing file ${l}`);
  });
}

test("00-overview.ipynb leads on to 00b, the first notebook before 01", () => {
  const md = read("00-overview.ipynb").cells.map(src).join("\n");
  const links = [...md.matchAll(/\]\(([^)\s]+\.ipynb)\)/g)].map((m) => m[1]);
  assert.ok(links.includes(BEFORE[0]), `00-overview.ipynb: links to the next notebook ${BEFORE[0]}`);
  // its reading table lists every other notebook of the course, in the order of the folder
  const all = fs.readdirSync(DIR).filter((f) => f.endsWith(".ipynb") && f !== "00-overview.ipynb").sort();
  const table = links.filter((l) => all.includes(l));
  assert.deepEqual([...new Set(table)], all, "00-overview.ipynb's reading table");
});

test("00b's appendix shows, with a cell that runs it, the syntax later notebooks use and 00b's body does not teach", () => {
  const nb = read("00b-typescript-for-numpy.ipynb");
  const at = nb.cells.findIndex((c) => c.cell_type === "markdown" && src(c).startsWith("## 부록"));
  assert.ok(at > 0 && at < nb.cells.length - 1, "an appendix before the summary");
  const body = nb.cells.slice(0, at).filter((c) => c.cell_type === "code").map(src).join("\n");
  const appendix = nb.cells.slice(at + 1, -1).filter((c) => c.cell_type === "code").map(src).join("\n");
  const later = ["07b-value-autodiff", "09-binary-classification", "11-autodiff-crosscheck"]
    .map((n) => read(`${n}.ipynb`).cells.filter((c) => c.cell_type === "code").map(src).join("\n")).join("\n");
  for (const [what, re] of [["slice", /\.slice\(/], ["indexOf", /\.indexOf\(/], ["flat", /\.flat\(/], ["flatMap", /\.flatMap\(/],
    ["spread", /Math\.max\(\.\.\./], ["reduce", /\.reduce\(/], ["forEach", /\.forEach\(/], ["typeof", /\btypeof\b/],
    ["tuple type", /: \[number, number\]/], ["Set", /new Set</], ["ReturnType", /ReturnType</], ["class", /^class /m],
    ["this", /\bthis\./], ["await", /\bawait\b/]] as const) {
    assert.ok(re.test(appendix), `the appendix shows ${what}`);
    assert.ok(!re.test(body), `${what} is in 00b's body: then it needs no appendix entry`);
  }
  for (const [n, re] of [["07b", /^class /m], ["09", /: \[number, number\]/], ["11", /\bawait\b/]] as const) {
    assert.ok(re.test(later), `${n} uses what the appendix explains`);
  }
  assert.doesNotMatch(src(nb.cells[0]), /10분/, "00b is not billed as ten minutes");
});

test("00b-typescript-for-numpy.ipynb: every numpy call of the lesson is in its one table, and the dotMultiply trap is said", () => {
  const md = read(BEFORE[0]).cells.filter((c) => c.cell_type === "markdown").map(src).join("\n");
  const table = md.split("\n").filter((l) => l.startsWith("| `"));
  for (const py of ["np.array", "np.dot", "(원소별 `*`)", "**", ".T`", "np.outer", "np.exp", "np.sum", "random.random()", "print(", "f'["]) {
    assert.ok(table.some((l) => l.split(" | ")[0].includes(py)), `00b: no table row for ${py}`);
  }
  assert.ok(table.some((l) => /math\.dotMultiply.*원소별 곱.*np\.dot`이 아닙니다/.test(l)), "00b: the table says dotMultiply is element-wise, not np.dot");
});

test("00c-perceptron.ipynb: AND and OR by hand, XOR's best is 3 of 4, the neuron figure, and the way on to learning", () => {
  const nb = read(BEFORE[1]);
  const code = nb.cells.filter((c) => c.cell_type === "code").map(src).join("\n");
  for (const name of ["neuronFigure", "perceptronFigure", "stepSigmoidFigure", "xorDataset"]) assert.match(code, new RegExp(`\\b${name}\\(`), name);
  const out = JSON.parse(fs.readFileSync(runs()[BEFORE[1]].executed!, "utf8")) as Notebook;
  const html = out.cells.flatMap((c) => (c.outputs ?? []) as { data?: Record<string, string | string[]> }[])
    .map((o) => [o.data?.["text/html"] ?? ""].flat().join("")).join("\n");
  assert.match(html, /data-verdict="exact"[^>]*>✔ AND 퍼셉트론/);
  assert.match(html, /data-verdict="exact"[^>]*>✔ OR 퍼셉트론/);
  // the table of counts: XOR's row has 0 perceptrons with 4/4 (its last cell) and some with 3/4
  const xorRow = /<th[^>]*>XOR<\/th>((?:<td[^>]*>[^<]*<\/td>){5})/.exec(html);
  assert.ok(xorRow, "00c shows the table of counts with an XOR row");
  const counts = [...xorRow[1].matchAll(/<td[^>]*>([^<]*)<\/td>/g)].map((m) => Number(m[1]));
  assert.equal(counts.length, 5);
  assert.equal(counts.reduce((a, b) => a + b, 0), 9261);
  assert.equal(counts[4], 0, "no perceptron gets XOR right on all four points");
  assert.ok(counts[3] > 0, "the best gets three of four");
  assert.match(src(nb.cells[nb.cells.length - 1]), /01-model-setup\.ipynb/);
});

test("03-mse.ipynb: a conventions map next to the lesson, DLFS-ko and d2l-ko; 1/n is the libraries' MSE, not the textbook's", () => {
  const nb = read("03-mse.ipynb");
  const md = nb.cells.filter((c) => c.cell_type === "markdown").map(src).join("\n");
  const table = md.split("\n").filter((l) => l.startsWith("|"));
  const header = table.find((l) => /수업 자료/.test(l) && /밑바닥부터 시작하는 딥러닝/.test(l) && /d2l/.test(l));
  assert.ok(header, "03: a table whose header names the lesson, 밑바닥부터 시작하는 딥러닝 and d2l-ko");
  const row = (what: RegExp) => table.find((l) => what.test(l.split("|")[1] ?? "")) ?? "";
  assert.match(row(/모양/), /\(다음 층, 이전 층\)[\s\S]*\(이전 층, 다음 층\)[\s\S]*\(이전 층, 다음 층\)/, "W's shape: (다음, 이전) in the lesson, (이전, 다음) in both books");
  assert.match(row(/가중합/), /np\.dot\(W1, X\)[\s\S]*np\.dot\(x, W1\)[\s\S]*XW \+ b/, "W·x against x·W and XW + b");
  assert.match(row(/^ 손실 $/), /\\frac12\\sum_k \(y_k - t_k\)\^2[\s\S]*\\frac1n\\sum/, "DLFS-ko's ½Σ(y−t)² and d2l's batch mean");
  assert.match(row(/손실의 이름/), /평균 제곱 오차/, "the name DLFS-ko gives ½Σ");
  assert.doesNotMatch(md + nb.cells.map(src).join("\n"), /교과서의 MSE/, "1/n is not 'the textbook's MSE'");
  const losses = table.find((l) => l.includes("쓰이는 곳"));
  assert.ok(losses, 'the three-loss table\'s header says "쓰이는 곳"');
  assert.doesNotMatch(md, /\| *어디서 *\|/);
});

test("04-gradient-descent.ipynb descends on E = ½Σ by central differences: no ∂L/∂w steps, no \"학습률 60\" detour", () => {
  const nb = read("04-gradient-descent.ipynb");
  const all = nb.cells.map(src).join("\n");
  assert.doesNotMatch(all, /∂L\/∂w|partial L\/\\partial w|학습률 60|lossAndSlope/);
  assert.match(all, /\(E\(w \+ h\) - E\(w - h\)\) \/ \(2 \* h\)/, "the central difference written out");
  assert.doesNotMatch(all.replace(/비용 함수/g, ""), /비용/, "L/E is 손실, 비용 only in 비용 함수");
});

test("the places where the lesson needs care are marked notes", () => {
  const notes = LESSON.flatMap((f) => read(f).cells.map((c, i) => ({ f, i, text: src(c) })))
    .filter((c) => /^## ⚠️ 수업 노트/m.test(c.text));
  const want: [string, RegExp][] = [
    ["Σ(y−o)² vs ½Σ(y−o)² (factor 2)", /½/],
    ["sigmoid/softmax are not cost functions; cross-entropy", /교차 엔트로피/],
    ["the hidden-layer formula h(h−1)(t−o)", /h_j\s*\(h_j\s*-\s*1\)/],
    ["`i` outside a loop / updates below the loop", /반복문 밖/],
    ["unseeded random weights cannot be reproduced", /다시 만들 수 없/],
    ["backpropagation computes the gradient, gradient descent moves the weight", /역전파는 기울기를 구하고, 경사하강법은/],
    ["delta is ∂E/∂a of a node, not the weight change Δw", /델타는 가중치의 변화량이 아닙니다/],
    ["random.random() is all positive; equal weights stay symmetric; Xavier", /대칭[\s\S]*Xavier/],
    ["the lesson's network has no bias", /편향이 없습니다/],
    ["o is the network's output, y (t) the answer", /o는 정답이 아니라 네트워크의 출력/],
    ["a sigmoid output only gives values in (0, 1); a regression output is linear", /0과 1 사이[\s\S]*항등 함수/],
    ["the output-layer weight written w_ki and w_kj", /w_\{ki\}[\s\S]*w_\{kj\}/],
    ["one example to one target is memorising a point, not learning from data", /외우[\s\S]*09 노트북/],
    ["step 6's 'until the error is small enough' has no test in the code, which runs 1000 times", /충분히 작은 오차[\s\S]*1000번[\s\S]*break/],
    ["a zero slope is not always a minimum (plateaus, local minima, saddle points), and i only counts steps", /고원[\s\S]*지역 최솟값[\s\S]*안장점[\s\S]*i는 걸음을 셀 때마다/],
    ["f(X; w_i): the output depends on every weight; a partial derivative holds the others", /f\(X; w_i\)[\s\S]*18개 모두[\s\S]*묶어 둔 채/],
    ["'each output layer has n weights' means each output node", /각각의 출력층은 n개의 w[\s\S]*출력 노드/],
    ["h_j is the j-th node of a hidden layer, not the j-th hidden layer", /j번째 은닉층[\s\S]*노드 번호/],
    ["gradient descent (Cauchy 1847) is older than backprop (1970, 1974, 1986), not only for networks",
      new RegExp("코시[\\s\\S]*1847[\\s\\S]*신경망이 아니어도[\\s\\S]*Linnainmaa, 1970[\\s\\S]*Werbos, 1974"
        + "[\\s\\S]*1986[\\s\\S]*기울기를 계산하는 방법")],
  ];
  for (const [what, re] of want) assert.ok(notes.some((n) => re.test(n.text)), `no "⚠️ 수업 노트" about ${what}`);
  for (const n of notes) {
    const next = read(n.f).cells.slice(n.i + 1).find((c) => c.cell_type === "code" || /^## /m.test(src(c)));
    assert.equal(next?.cell_type, "code", `${n.f} cell ${n.i}: a care note is followed by a code cell computing its numbers`);
  }
});

// ---------- execution (build/notebooks/report.json of `npm run test:notebooks`) ----------

let report: NotebookReport | undefined;
const runs = () => (report ??= readReport([...BEFORE, ...LESSON, ...AFTER])).notebooks;

for (const f of [...BEFORE, ...LESSON, ...AFTER]) {
  test(`${f}: runs top to bottom (goal < ${GOAL_SECONDS} s, reported), and every code cell runs again without an error`, (t) => {
    const r = runs()[f];
    t.diagnostic(`${f}: ${r.seconds?.toFixed(1)} s (cells only, after the kernel started; goal < ${GOAL_SECONDS} s)`);
    assert.deepEqual(r.first, [], `${f}: errors on the first run`);
    assert.deepEqual(r.again, [], `${f}: errors when the cells run a second time`);
    assert.ok(r.seconds !== null, `${f}: the run did not finish`);
  });
}

test("04's ⚠️ note: right of the valley the slope gets nearer 0 than at the bottom while E stays above twice the minimum", () => {
  const out = runs()["04-gradient-descent.ipynb"].stdout;
  const rows = [...out.matchAll(/w =\s+([\d.-]+): E = ([\d.]+), 기울기 ([-\d.e+]+)/g)].map((m) => m.slice(1).map(Number));
  assert.deepEqual(rows.map((r) => r[0]), [1.4, 13, 20, 40], "the bottom and three flat places");
  const [bottom, ...flat] = rows;
  for (const [w, e, slope] of flat) {
    assert.ok(e > 2 * bottom[1], `w = ${w}: E = ${e} is not above twice the bottom's ${bottom[1]}`);
    assert.ok(Math.abs(slope) < 1e-4, `w = ${w}: slope ${slope}`);
  }
  assert.ok(Math.abs(flat[2][2]) < 1e-9 && Math.abs(flat[2][2]) < Math.abs(flat[0][2]), "the slope keeps shrinking to the right");
  assert.ok(Number(/w = 40의 E는 골짜기 바닥의 ([\d.]+)배/.exec(out)?.[1]) > 2);
});

test("00c's ⚠️ notes (a neuron, not a perceptron, is the unit; regression fits its parameters too) are each followed by the cell that computes them", () => {
  const nb = read("00c-perceptron.ipynb");
  for (const [id, re] of [["nb00c-unit-note", /가장 작은 단위[\s\S]*뉴런/], ["nb00c-regression-note", /회귀[\s\S]*최소제곱법[\s\S]*경사하강법/]] as const) {
    const i = nb.cells.findIndex((c) => c.id === id);
    assert.ok(i >= 0 && /^## ⚠️ 수업 노트/m.test(src(nb.cells[i])) && re.test(src(nb.cells[i])), id);
    assert.equal(nb.cells[i + 1]?.cell_type, "code", `${id} is followed by its cell`);
  }
});

test("00c's notes computed: the lesson's 7 sigmoid nodes are all strictly between 0 and 1, as perceptrons they are all 1; descent finds the least-squares line", () => {
  const out = runs()["00c-perceptron.ipynb"].stdout;
  const sigmoid = /시그모이드 노드 7개: ([\d., ]+)/.exec(out)?.[1].split(", ").map(Number) ?? [];
  const { weights, x } = lessonData();
  assert.deepEqual(sigmoid, forward(weights, x).Z.flat().map((z) => Number(z.toFixed(3))));
  assert.match(out, /그중 0이나 1인 값: 0개/);
  assert.match(out, /퍼셉트론 노드 7개: 1, 1, 1, 1, 1, 1, 1\n/);
  const fit = (name: string) => /w = ([\d.-]+), b = ([\d.-]+)/.exec(out.slice(out.indexOf(name)))!.slice(1).map(Number);
  // the least-squares line of these five points, worked by hand: w = Σ(x−x̄)(y−ȳ)/Σ(x−x̄)² = 19.6/10, b = ȳ − w·x̄ = 5.02 − 1.96·2
  assert.deepEqual(fit("최소제곱법:"), [1.96, 1.1]);
  assert.deepEqual(fit("경사하강법:"), [1.96, 1.1]);
});

test("04's ⚠️ notes computed: changing W2[0][0] alone changes ∂E/∂W3[0][0]; each output node has 3 weights, 6 in all", () => {
  const out = runs()["04-gradient-descent.ipynb"].stdout;
  const slopes = [...out.matchAll(/∂E\/∂W3\[0\]\[0\] = ([-\d.e+]+)/g)].map((m) => Number(m[1]));
  assert.equal(slopes.length, 2);
  const { weights, x, y } = lessonData();
  const central = (W: number[][][]) => {
    const at = (w: number) => { const V = W.map((m) => m.map((r) => r.slice())); V[2][0][0] = w; return halfSumSquaredError(y, forward(V, x).output); };
    return (at(W[2][0][0] + 1e-6) - at(W[2][0][0] - 1e-6)) / 2e-6;
  };
  const other = weights.map((m) => m.map((r) => r.slice()));
  other[1][0][0] += 1;
  assert.ok(Math.abs(slopes[0] - central(weights)) < 1e-4 * Math.abs(slopes[0]), `${slopes[0]} (printed to 5 digits)`);
  assert.ok(Math.abs(slopes[1] - central(other)) < 1e-4 * Math.abs(slopes[1]), `${slopes[1]} (printed to 5 digits)`);
  assert.ok(Math.abs(slopes[1] - slopes[0]) > 0.1 * Math.abs(slopes[0]), "the slope changes by more than 10 %");
  assert.match(out, /출력 노드 0: W3\[0\] = \[0\.300, 0\.400, 0\.500\] → 가중치 3개/);
  assert.match(out, /출력층은 하나, 출력 노드는 2개: 가중치는 모두 2 × 3 = 6개/);
});

test("04's ⚠️ note on history computed: the same descent step on f(w) = (w − 3)², not a network, "
  + "walks w to 3",
() => {
  const out = runs()["04-gradient-descent.ipynb"].stdout;
  const rows = [...out.matchAll(/^(\d)번째 걸음: w = ([\d.-]+), f\(w\) = ([\d.]+)$/gm)]
    .map((m) => m.slice(1).map(Number));
  assert.deepEqual(rows.map((r) => r[0]), [1, 2, 3, 4, 5]);
  // by hand: f'(w) = 2(w − 3), so w ← w − 0.1·2(w − 3) = 0.8w + 0.6 from w = 0:
  // 0.6, 1.08, 1.464, 1.7712, 2.01696
  let w = 0;
  for (const [k, wk, fk] of rows) {
    w = 0.8 * w + 0.6;
    assert.equal(wk, Number(w.toFixed(4)), `step ${k}`);
    assert.equal(fk, Number(((w - 3) ** 2).toFixed(4)), `step ${k}`);
  }
  const nb = read("04-gradient-descent.ipynb");
  const i = nb.cells.findIndex((c) => c.id === "nb04-history-note");
  assert.ok(i >= 0 && /f\(w\) = \(w - 3\)\^2/.test(src(nb.cells[i])), "the note names its cell's function");
  assert.equal(nb.cells[i + 1].id, "nb04-history-calc");
});

test("00c's aside on round-off: the table's 413 OR perceptrons are 385 in exact arithmetic; "
  + "the prose names the printed counts and example", () => {
  const out = runs()["00c-perceptron.ipynb"].stdout;
  const counts = (what: string) => new RegExp(`4/4를 맞힌 퍼셉트론 — ${what}: AND (\\d+), OR (\\d+), XOR (\\d+)`)
    .exec(out)?.slice(1).map(Number);
  const float = counts("표\\(실수\\)"), exact = counts("정수로 정확히");
  assert.deepEqual(float, [220, 413, 0]);
  assert.deepEqual(exact, [220, 385, 0]);
  const tiny = Number(/점 \(0, 1\): 가중합 ([\d.e+-]+) → 출력 1 \(정확히는 가중합 0 → 출력 0\)/.exec(out)?.[1]);
  assert.ok(tiny > 0 && tiny < 1e-15, `the round-off: ${tiny}`);
  const nb = read("00c-perceptron.ipynb");
  const i = nb.cells.findIndex((c) => c.id === "nb00c-roundoff-md");
  const prose = src(nb.cells[i]);
  const named = [`${float![1]}개`, `${exact![1]}개`, `${float![1] - exact![1]}개`, tiny.toExponential(1),
    `AND는 ${exact![0]}개`];
  for (const s of named) assert.ok(prose.includes(s), `00c's aside names ${s}`);
  assert.equal(nb.cells[i + 1].id, "nb00c-roundoff");
});

test("07's after-surface at the end point: interpolated between four grid points, above the loss "
  + "it has exactly there; the prose names both", () => {
  const out = runs()["07-training-loop.ipynb"].stdout;
  const [, interp, exact, actual] = /끝점: 보간한 값 ([\d.e+-]+), 정확히 계산한 값 ([\d.e+-]+), 실제 손실 ([\d.e+-]+)/
    .exec(out) ?? [];
  assert.ok(interp, "the interpolation line");
  assert.equal(exact, actual, "the after-surface computed exactly at the end point is the true loss");
  assert.ok(Number(interp) > Number(actual), `interpolated ${interp} vs ${actual}`);
  assert.match(out, new RegExp(`끝점 \\([^)]*\\): 실제 손실 ${actual}, 학습 전 곡면 [\\d.e+-]+, 학습 후 곡면 ${interp}`));
  const corners = /격자점 네 개의 손실: ([\d.e+-]+(?:, [\d.e+-]+){3})/.exec(out)![1].split(", ").map(Number);
  const [lo, hi] = [Math.min(...corners), Math.max(...corners)];
  assert.ok(Number(interp) >= lo && Number(interp) <= hi, `${interp} within ${corners}`);
  const [, dp, dq] = /격자 간격: p ([\d.e+-]+), q ([\d.e+-]+) \(41 × 41 격자\)/.exec(out) ?? [];
  assert.ok(dp && dq, "the grid spacing line");
  const prose = src(read("07-training-loop.ipynb").cells.find((c) => c.id === "nb07-interp-md")!);
  const named = [`(${interp})`, `(${actual})`, "41 × 41", "선형 보간", `p 쪽 ${dp}, q 쪽 ${dq}`,
    `${lo.toExponential(3)}부터 ${hi.toExponential(3)}까지`];
  for (const s of named) assert.ok(prose.includes(s), `07 names ${s}`);
});

test("01's ⚠️ note uses the Xavier values: from random.random() a 3-20-20-2 network stays stuck at [1, 1], from Xavier it reaches Y", () => {
  const out = runs()["01-model-setup.ipynb"].stdout;
  const rows = [...out.matchAll(/^(3-[\d-]+) (random\.random\(\)|Xavier) +손실 ([\d.e+-]+) → ([\d.e+-]+), 마지막 출력 \[([\d., ]+)\]/gm)]
    .map((m) => ({ net: m[1], init: m[2], last: Number(m[4]), out: m[5].split(", ").map(Number) }));
  assert.deepEqual(rows.map((r) => `${r.net} ${r.init}`), ["3-2-3-2 random.random()", "3-2-3-2 Xavier", "3-20-20-2 random.random()", "3-20-20-2 Xavier"]);
  const [small, smallX, wide, wideX] = rows;
  assert.ok(small.last < 1e-4 && smallX.last < 1e-3, "both learn the lesson's network");
  assert.deepEqual(wide.out, [1, 1], "random.random() saturates the wide network's outputs");
  assert.ok(wide.last > 0.19, `and it does not learn: ${wide.last}`);
  assert.ok(wideX.last < 1e-10, `Xavier learns it: ${wideX.last}`);
  assert.deepEqual(wideX.out, [0.8, 0.6]);
});

test("06's ReLU section: in a deep network the sigmoid's first-layer deltas are ~1e-6 of the output's, ReLU's stay within an order of magnitude", () => {
  const out = runs()["06-hidden-delta.ipynb"].stdout;
  const m = /층 1의 평균 \|δ\| ÷ 출력층의 평균 \|δ\|: 시그모이드 ([\d.e+-]+), ReLU ([\d.e+-]+)/.exec(out);
  assert.ok(m, "the ratio line");
  assert.ok(Number(m[1]) < 1e-4, `sigmoid ${m[1]}`);
  assert.ok(Number(m[2]) > 0.05, `ReLU ${m[2]}`);
  const nb = read("06-hidden-delta.ipynb");
  const prose = nb.cells.map(src).join("\n");
  assert.match(prose, /\*\*ReLU\*\*[\s\S]*\*\*He 초기화\*\*/);
  assert.match(read("01-model-setup.ipynb").cells.map(src).join("\n"), /He 초기화/, "01's Xavier note names He");
});

test("06's ⚠️ note on h_j computed: 2 hidden layers, but j takes the 3 values of hidden layer 2's nodes", () => {
  const out = runs()["06-hidden-delta.ipynb"].stdout;
  assert.match(out, /은닉층의 수: 2개/);
  assert.match(out, /W3의 열: 3개 = 은닉층2의 노드 3개/);
  assert.deepEqual([...out.matchAll(/^h_(\d) = Z2\[\d\] = /gm)].map((m) => m[1]), ["0", "1", "2"]);
});

test("07's ⚠️ note on step 6: the iterations where a loss goal would have stopped the loop are the ones train()'s record gives", () => {
  const out = runs()["07-training-loop.ipynb"].stdout;
  const { loss } = train(lessonData());
  const rows = [...out.matchAll(/손실 < ([\d.e-]+): (?:(\d+)번째 반복에서 멈춤|1000번 안에 닿지 못함)/g)];
  assert.deepEqual(rows.map((m) => Number(m[1])), [1e-3, 1e-4, 1e-5, 1e-6]);
  for (const m of rows) {
    const i = loss.findIndex((l) => l < Number(m[1]));
    assert.equal(m[2] === undefined ? -1 : Number(m[2]) - 1, i, `goal ${m[1]}`);
  }
  assert.ok(rows.some((m) => m[2] === undefined), "one goal is not reached in 1000 iterations");
  assert.ok(rows.filter((m) => m[2] !== undefined).length >= 2, "the goals that are reached stop at different iterations");
});

test("07-training-loop.ipynb prints the numpy reference's numbers for the lesson's fixed weights", () => {
  const r = runs()["07-training-loop.ipynb"];
  const ref = numpyReference();
  const grab = (label: string): number[] => {
    const m = r.stdout.match(new RegExp(`${label}:\\s*(\\[[^\\]]*\\])`));
    assert.ok(m, `07 does not print "${label}: [...]"`);
    return JSON.parse(m![1]);
  };
  const close = (a: number[], e: number[], what: string) => {
    assert.equal(a.length, e.length, what);
    a.forEach((v, i) => assert.ok(Math.abs(v - e[i]) <= 1e-12, `${what}[${i}]: ${v} vs numpy ${e[i]}`));
  };
  close(grab("처음 출력 Z3"), ref.firstOutput, "first output");
  close(grab("마지막 출력 Z3"), ref.lastOutput, "last output");
  close(grab("처음과 마지막 손실"), [ref.firstLoss, ref.lastLoss], "loss");
});

test("07-training-loop.ipynb: its spelled-out loop and the library's train() agree to the last bit (checks say 정확히 일치)", () => {
  runs(); // the report is fresh
  const nb = JSON.parse(fs.readFileSync(path.join(NOTEBOOK_BUILD, "07-training-loop.ipynb"), "utf8")) as { cells: { outputs?: { data?: Record<string, string | string[]> }[] }[] };
  const html = nb.cells.flatMap((c) => c.outputs ?? []).map((o) => [o.data?.["text/html"] ?? ""].flat().join("")).join("\n");
  const verdicts = [...html.matchAll(/data-verdict="(\w+)"[^>]*>✔ (train\(\)의 [^<:]+):/g)].map((m) => `${m[2]}: ${m[1]}`);
  assert.deepEqual(verdicts, ["train()의 손실 기록 vs 이 셀의 손실", "train()의 W1 vs 이 셀의 W1", "train()의 W2 vs 이 셀의 W2", "train()의 W3 vs 이 셀의 W3"].map((n) => `${n}: exact`));
});

test("07b-value-autodiff.ipynb: its Value graph gives delta3, delta2, ∂E/∂W3, ∂E/∂W2 to the last bit, delta1 and ∂E/∂W1 to 1e-15, and leads on to 08", () => {
  const f = AFTER[0];
  const out = JSON.parse(fs.readFileSync(runs()[f].executed!, "utf8")) as Notebook;
  const html = out.cells.flatMap((c) => (c.outputs ?? []) as { data?: Record<string, string | string[]> }[])
    .map((o) => [o.data?.["text/html"] ?? ""].flat().join("")).join("\n");
  const verdict = (name: string) => new RegExp(`data-verdict="(\\w+)"[^>]*>[✔✘≠] ${name.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}:`).exec(html)?.[1];
  for (const name of ["A3 노드의 grad vs delta3", "A2 노드의 grad vs delta2", "W3의 grad vs np.outer(delta3, Z2)", "W2의 grad vs np.outer(delta2, Z1)",
    "Value로 계산한 Z3 vs forward()", "Z1[0].grad vs (t₂ + t₁) + t₀"]) {
    assert.equal(verdict(name), "exact", `07b: ${name} is 정확히 일치`);
  }
  for (const name of ["A1 노드의 grad vs delta1", "W1의 grad vs np.outer(delta1, X)"]) {
    assert.ok(["exact", "approximate"].includes(verdict(name) ?? ""), `07b: ${name} agrees (to 1e-15 relative)`);
  }
  assert.equal(verdict("= 로 덮어쓴 곱셈: W2의 grad vs gradients()"), "different", "07b: the = mistake loses gradient in W2");
  // trained with the learner's own engine: 1000 iterations end where train() ends (to 1e-12 relative)
  for (const name of ["2E (Value 엔진) vs train()의 손실 기록", "학습된 W1 (Value 엔진) vs train()", "학습된 W2 (Value 엔진) vs train()", "학습된 W3 (Value 엔진) vs train()"]) {
    assert.ok(["exact", "approximate"].includes(verdict(name) ?? ""), `07b: ${name} agrees`);
  }
  const loop = out.cells.find((c) => (c as { id?: string }).id === "07b-train-loop")!;
  const printed = ((loop.outputs ?? []) as { text?: string | string[] }[]).map((o) => [o.text ?? ""].flat().join("")).join("");
  const [, first, last] = /E: 처음 ([\d.e-]+) → 1000번째 ([\d.e-]+)/.exec(printed) ?? [];
  assert.ok(Number(last) < Number(first) / 1000, `07b: the loss falls over the 1000 iterations (${printed})`);
  assert.equal(((loop.outputs ?? []) as { data?: Record<string, unknown> }[]).filter((o) => o.data?.["text/html"]).length, 1, "07b: one loss plot");
  const code = read(f).cells.filter((c) => c.cell_type === "code").map(src).join("\n");
  assert.match(code, /\bclass Value\b/);
  assert.match(code, /order\.reverse\(\)/, "backward runs over the reversed topological order");
  assert.match(code, /computationGraphFigure\(/);
  const md = read(f).cells.filter((c) => c.cell_type === "markdown").map(src).join("\n");
  assert.match(md, /micrograd/);
  assert.match(src(read(f).cells[read(f).cells.length - 1]), /08-optimizers\.ipynb/);
  assert.match(src(read("07-training-loop.ipynb").cells[0]), /07b-value-autodiff\.ipynb/, "07 leads on to 07b");
});

test("07-training-loop.ipynb: the first iteration by hand shows every number in tables (the library's, numpy's first output and loss), and its formulas use printed numbers", () => {
  runs(); // the report is fresh
  interface Out { output_type: string; text?: string | string[]; data?: Record<string, string | string[]> }
  const nb = JSON.parse(fs.readFileSync(path.join(NOTEBOOK_BUILD, "07-training-loop.ipynb"), "utf8")) as
    { cells: { id?: string; cell_type: string; source: string | string[]; outputs?: Out[] }[] };
  const cell = (id: string) => {
    const c = nb.cells.find((c) => c.id === id);
    assert.ok(c, `07 has no cell ${id}`);
    return c!;
  };
  const ids = ["nb07-hand-forward", "nb07-hand-backward", "nb07-hand-update"];
  const outputs = ids.flatMap((id) => cell(id).outputs ?? []);
  const html = outputs.map((o) => [o.data?.["text/html"] ?? ""].flat().join("")).join("\n");
  const text = `${html}\n${outputs.map((o) => [o.text ?? ""].flat().join("")).join("")}`;
  // every table of the section: caption → its numbers, row by row
  const tables = new Map<string, string[]>();
  for (const m of html.matchAll(/<caption[^>]*>([^<]*)<\/caption>(.*?)<\/table>/g)) {
    tables.set(m[1], [...m[2].matchAll(/<td[^>]*>([^<]*)<\/td>/g)].map((t) => t[1]));
  }
  const d = lessonData();
  const fwd = forward(d.weights, d.x);
  const [delta1, delta2, delta3] = deltas(d.weights, fwd, d.y);
  const grads = gradients(d.weights, d.x, d.y);
  const next = train({ weights: d.weights, x: d.x, y: d.y, iterations: 1 }).weights;
  const shown = (v: number[] | number[][]) => v.flat().map((x) => formatNumber(x));
  const want: [string, number[] | number[][]][] = [
    ["A1 = W1·X", fwd.A[0]], ["Z1 = σ(A1)", fwd.Z[0]], ["A2 = W2·Z1", fwd.A[1]], ["Z2 = σ(A2)", fwd.Z[1]],
    ["A3 = W3·Z2", fwd.A[2]], ["Z3 = σ(A3)", numpyReference().firstOutput],
    ["delta3 (출력층)", delta3], ["delta2 (은닉층2)", delta2], ["delta1 (은닉층1)", delta1],
    ...[3, 2, 1].map((l): [string, number[][]] => [`ΔW${l} = −0.1 × outer(delta${l}, ${l === 1 ? "X" : `Z${l - 1}`})`,
      grads[l - 1].map((r) => r.map((g) => -0.1 * g))]),
    ...[3, 2, 1].map((l): [string, number[][]] => [`새 W${l} = W${l} + ΔW${l}`, next[l - 1]]),
  ];
  for (const [title, v] of want) assert.deepEqual(tables.get(title), shown(v), `07's table "${title}"`);
  assert.match(text, new RegExp(`손실 = .* = ${formatNumber(numpyReference().firstLoss)}\\b`), "07 prints the first loss as numpy has it");
  const verdicts = [...html.matchAll(/data-verdict="(\w+)"[^>]*>✔ ([^<:]+):/g)].map((m) => `${m[2]}: ${m[1]}`);
  assert.deepEqual(verdicts, ["첫 반복의 출력 Z3 vs numpy의 첫 출력: approximate", "첫 반복의 손실 vs numpy: approximate",
    ...[1, 2, 3].map((l) => `새 W${l} vs train() 1번 반복: exact`)]);
  // the worked examples in the prose use only numbers that the cells print
  const md = ["nb07-hand-forward-md", "nb07-hand-backward-md", "nb07-hand-update-md"]
    .map((id) => [cell(id).source].flat().join("")).join("\n");
  const formulas = [...md.matchAll(/\$\$([^$]+)\$\$/g)].map((m) => m[1]);
  assert.ok(formulas.length >= 5, "07 works out A1[0], Z1[0], delta3[0], delta2[0] and ΔW3[0][0] in formulas");
  const numbers = formulas.flatMap((f) => [...f.replace(/\^\{[^}]*\}/g, "").matchAll(/\d+\.\d+/g)].map((m) => m[0]));
  assert.deepEqual(numbers.filter((n) => !text.includes(n)), [], "07's worked examples use numbers that the cells do not print");
});
