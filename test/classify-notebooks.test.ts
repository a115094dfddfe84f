// test tier: slow — needs the executed notebooks of npm run test:notebooks
/**
 * Notebooks 08–11 (beyond the lesson: optimisers, binary and softmax classification, autodiff cross-check):
 *  - static checks: no outputs, tslab kernel, goals first, summary last, links that exist, LaTeX, a plot,
 *    "직접 해 보기", the lesson cited;
 *  - execution: each runs top to bottom (its time reported against the goal of 15 s, not asserted), then every code cell runs a
 *    second time without an error; nothing on stderr (in particular no TensorFlow.js node-backend notice);
 *  - the numbers the notebooks print are the ones the library computes.
 * Execution: `npm run test:notebooks` writes build/notebooks/report.json, read here.
 */
import { test } from "node:test";
import * as assert from "assert/strict";
import * as fs from "fs";
import * as path from "path";
import { ANSWER_BEGIN, ANSWER_END } from "nn-lesson/dist/display/markers";
import { ROOT } from "./helpers";
import { NotebookReport, readReport } from "../scripts/jupyter/notebook-runs";

const DIR = path.join(ROOT, "notebooks");
const BEYOND = ["08-optimizers", "09-binary-classification", "10-softmax-classification", "11-autodiff-crosscheck", "12-mnist"].map((n) => `${n}.ipynb`);
/** The goal for one notebook's cells (kernel start not counted): reported, not asserted (machines are noisy). */
const GOAL_SECONDS = 15;

interface Cell { cell_type: string; source: string | string[]; outputs?: unknown[]; execution_count?: number | null }
const src = (c: Cell) => (Array.isArray(c.source) ? c.source.join("") : c.source);
const cellsOf = (f: string): Cell[] => JSON.parse(fs.readFileSync(path.join(DIR, f), "utf8")).cells;

for (const [n, f] of BEYOND.entries()) {
  test(`${f}: structure (no outputs, goals, summary, links, LaTeX, plot, try-it, lesson cited)`, () => {
    const nb = JSON.parse(fs.readFileSync(path.join(DIR, f), "utf8"));
    assert.equal(nb.metadata.kernelspec?.name, "tslab");
    const cells: Cell[] = nb.cells;
    cells.filter((c) => c.cell_type === "code").forEach((c, i) => {
      assert.deepEqual(c.outputs, [], `${f} code cell ${i} has outputs`);
      assert.equal(c.execution_count ?? null, null);
      // the answer markers (// ▼ … // ▲) are not code to read
      const lines = src(c).split("\n").filter((l) => ![ANSWER_BEGIN, ANSWER_END].includes(l.trim()));
      assert.ok(lines.length <= 16, `${f} code cell ${i} is longer than 16 lines: keep cells short`);
    });
    const md = cells.filter((c) => c.cell_type === "markdown").map(src).join("\n");
    const code = cells.filter((c) => c.cell_type === "code").map(src).join("\n");
    assert.ok(src(cells[0]).includes("## 이번 단계에서 배울 것"));
    assert.ok(src(cells[cells.length - 1]).includes("## 정리"));
    assert.ok(md.includes("## 직접 해 보기"));
    assert.ok(md.includes("lesson.ko.txt"));
    assert.match(md, /\$\$[^$]+\$\$/);
    assert.match(code, /showFigure\(/);
    assert.match(code.split("\n").slice(0, 12).join("\n"), /\bplotSetup\(\)/, "plotSetup() in the first code cell");
    const links = [...md.matchAll(/\]\(([^)\s]+\.(?:ipynb|md))\)/g)].map((m) => m[1]);
    const prev = n === 0 ? "07b-value-autodiff.ipynb" : BEYOND[n - 1];
    assert.ok(links.includes(prev), `${f}: links to ${prev}`);
    if (n + 1 < BEYOND.length) assert.ok(links.includes(BEYOND[n + 1]), `${f}: links to ${BEYOND[n + 1]}`);
    for (const l of links) assert.ok(fs.existsSync(path.join(DIR, l)), `${f}: link to a missing file ${l}`);
  });
}

test("09 and 10 say that the classification nets have biases and the lesson's net has none; 08 explains β₁, β₂, ε", () => {
  const md = (f: string) => cellsOf(f).filter((c) => c.cell_type === "markdown").map(src).join("\n");
  for (const f of [BEYOND[1], BEYOND[2]]) assert.match(md(f), /편향/);
  assert.match(md(BEYOND[1]), /수업의 네트워크에는 편향이 없/);
  for (const term of ["β₁", "β₂", "ε"]) assert.ok(md(BEYOND[0]).includes(`**${term}**`), `08 explains ${term}`);
});

// ---------- execution (build/notebooks/report.json of `npm run test:notebooks`) ----------

let report: NotebookReport | undefined;
const runs = () => (report ??= readReport(BEYOND)).notebooks;

for (const f of BEYOND) {
  test(`${f}: runs top to bottom (goal < ${GOAL_SECONDS} s, reported), every code cell runs again without an error, nothing on stderr`, (t) => {
    const r = runs()[f];
    const slow = r.cellSeconds.filter(([, s]) => s > 3).map(([i, s]) => `cell ${i}: ${s} s`).join(", ");
    t.diagnostic(`${f}: ${r.seconds?.toFixed(1)} s (kernel start not counted; goal < ${GOAL_SECONDS} s)${slow ? `; slow: ${slow}` : ""}`);
    assert.deepEqual(r.first, [], `${f}: errors on the first run`);
    assert.deepEqual(r.again, [], `${f}: errors when the cells run a second time`);
    assert.equal(r.stderr + r.stderrAgain, "", `${f}: something was printed on stderr`);
    assert.ok(r.seconds !== null, `${f}: the run did not finish`);
    assert.ok(r.html >= 2, `${f}: plotSetup and at least one plot`);
  });
}

/** For a notebook of the report: `grab` the groups of a printed line, assert that its prose `named` some strings. */
function printedAndProse(f: string) {
  const out = runs()[f].stdout;
  const md = cellsOf(f).filter((c) => c.cell_type === "markdown").map(src).join("\n");
  const grab = (re: RegExp): string[] => {
    const m = re.exec(out);
    assert.ok(m, `${f} does not print ${re}`);
    return m!.slice(1);
  };
  const named = (...s: string[]) => { for (const x of s) assert.ok(md.includes(x), `${f}: the prose does not name "${x}"`); };
  return { grab, named };
}

test("09 measures held-out points: train and test accuracy, the test loss rising after its lowest epoch, early stopping; the prose names the printed numbers", () => {
  const f = BEYOND[1];
  const { grab, named } = printedAndProse(f);
  const [trainAcc, testAcc] = grab(/학습 데이터 정확도 ([\d.]+)%, 테스트 데이터 정확도 ([\d.]+)%/);
  assert.ok(Number(testAcc) >= 95 && Number(trainAcc) >= Number(testAcc), `train ${trainAcc}%, test ${testAcc}%`);
  named(`학습 데이터 정확도 ${trainAcc}%`, `테스트 데이터 정확도 ${testAcc}%`);
  // overfitting: the test loss has its minimum well before epoch 300 and more than doubles after it, while the training loss falls
  const [tb, tLow, t300, ratio] = grab(/테스트 손실이 가장 낮은 에포크 (\d+): ([\d.]+) \(정확도 [\d.]+%\), 300 에포크: ([\d.]+) \(정확도 [\d.]+%, 가장 낮을 때의 ([\d.]+)배\)/);
  assert.ok(Number(tb) < 250 && Number(t300) > 2 * Number(tLow), `lowest test loss ${tLow} at ${tb}, ${t300} at 300`);
  const [trainLow, train300] = grab(/같은 동안 학습 데이터의 손실: ([\d.]+) → ([\d.]+)/);
  assert.ok(Number(train300) < Number(trainLow), "the training loss keeps falling");
  named(`에포크 ${tb}`, tLow, t300, `${trainLow} → ${train300}`, `${ratio}배`);
  const [point, pLow, p300] = grab(/테스트 점 (\d+): 정답에 준 확률 에포크 \d+ ([\d.]+) → 300 에포크 ([\d.]+)/);
  const [share] = grab(/가운데 가장 큰 한 점이 ([\d.]+)%/);
  assert.ok(Number(pLow) > 0.5 && Number(p300) < 0.5, `point ${point}: right at the lowest epoch, wrong at 300`);
  named(`테스트 점 ${point}`, pLow, p300, `${share}%`);
  // early stopping on a validation part of the training data; the test data is measured once, at the end
  const [vb, vLow, v600, vRatio] = grab(/검증 손실이 가장 낮은 에포크 (\d+): ([\d.]+), 600 에포크: ([\d.]+) \(가장 낮을 때의 ([\d.]+)배\)/);
  const [stop, kept] = grab(/에포크 (\d+)에서 멈추고 에포크 (\d+)의 가중치로 되돌림/);
  assert.equal(kept, vb);
  assert.equal(Number(stop), Number(vb) + 50, "patience 50");
  const [fullAcc, fullLoss] = grab(/600 에포크 끝까지: 테스트 데이터 정확도 ([\d.]+)%, 평균 교차 엔트로피 ([\d.]+)/);
  const [esAcc, esLoss] = grab(/조기 종료: 테스트 데이터 정확도 ([\d.]+)%, 평균 교차 엔트로피 ([\d.]+)/);
  assert.ok(Number(esLoss) < Number(fullLoss) && Number(esAcc) >= Number(fullAcc), `early stopping: ${esAcc}% ${esLoss}, all epochs: ${fullAcc}% ${fullLoss}`);
  const [esVal, esTest] = grab(/조기 종료한 네트워크의 손실: 검증 데이터 ([\d.]+), 테스트 데이터 ([\d.]+)/);
  named(`에포크 ${vb}`, vLow, v600, `${vRatio}배`, `에포크 ${stop}`, fullLoss, esLoss, `${esAcc}%`, esVal, esTest);
  // the checks of the main flow: the records are what they say (✔ exact), the test loss did change (≠)
  type Out = { data?: Record<string, string | string[]> };
  const nb = JSON.parse(fs.readFileSync(runs()[f].executed!, "utf8")) as { cells: { id: string; outputs?: Out[] }[] };
  const verdicts = nb.cells.filter((c) => c.id !== "09-ex").flatMap((c) => (c.outputs ?? []).map((o) => [o.data?.["text/html"] ?? ""].flat().join("")))
    .flatMap((h) => [...h.matchAll(/data-verdict="(\w+)"/g)].map((m) => m[1]));
  assert.deepEqual(verdicts, ["exact", "approximate", "exact", "different", "exact", "exact", "exact"]);
});

test("10 measures held-out flowers by default and qualifies 'four features raise the accuracy' with the held-out numbers it prints", () => {
  const { grab, named } = printedAndProse(BEYOND[2]);
  assert.deepEqual(grab(/학습 데이터 (\d+)송이, 테스트 데이터 (\d+)송이/), ["120", "30"]);
  const [train2, test2] = grab(/꽃잎 두 특성: 학습 데이터 정확도 ([\d.]+)%, 테스트 데이터 정확도 ([\d.]+)%/);
  const [train4, test4] = grab(/네 특성: 학습 데이터 정확도 ([\d.]+)%, 테스트 데이터 정확도 ([\d.]+)%/);
  assert.ok(Number(train4) > Number(train2), "four features fit the training flowers better");
  named(`네 특성이 ${train4}%`, `두 특성(${train2}%)`, `둘 다 ${test4}%`);
  assert.equal(test2, test4);
  // over eight splits: four features always higher on the training flowers, within one flower on the held-out ones
  const [tUp, tSame, tDown, tm2, tm4] = grab(/학습 데이터: 네 특성이 높은 분할 (\d+)개, 같은 분할 (\d+)개, 낮은 분할 (\d+)개; 평균 정확도 두 특성 ([\d.]+)% → 네 특성 ([\d.]+)%/);
  const [hUp, hSame, hDown, hm2, hm4] = grab(/테스트 데이터: 네 특성이 높은 분할 (\d+)개, 같은 분할 (\d+)개, 낮은 분할 (\d+)개; 평균 정확도 두 특성 ([\d.]+)% → 네 특성 ([\d.]+)%/);
  assert.deepEqual([tUp, tSame, tDown], ["8", "0", "0"]);
  assert.ok(Math.abs(Number(hm4) - Number(hm2)) < 100 / 30, `held-out means ${hm2}% vs ${hm4}% differ by less than one flower`);
  named(`${tm2}%에서 ${tm4}%로`, `${hm2}%에서 ${hm4}%로`, `높은 분할이 ${hUp}개, 같은 분할이 ${hSame}개(낮은 분할은 ${hDown}개)`,
    `${tm2}% → ${tm4}%`, `${hm2}% → ${hm4}%`, "**학습 데이터에서만**");
});

test("the numbers printed: 08 compares optimisers each at its best α, 09/10 accuracies, "
  + "11 agreement to float32 precision and no node-backend notice", () => {
  const all = runs();
  const num = (f: string, re: RegExp): number[] => {
    const m = all[f].stdout.match(re);
    assert.ok(m, `${f} does not print ${re}`);
    return m!.slice(1).map(Number);
  };
  // 08: one list of α for SGD, momentum and Adam (09's rule);
  // iterations to a loss < 0.001 per α (0: not within 1000)
  const sweepRe = /^(SGD|모멘텀|Adam): 손실 < 0\.001까지 (.*) → 가장 좋은 α = ([\d.]+)$/gm;
  const sweep = [...all[BEYOND[0]].stdout.matchAll(sweepRe)];
  assert.deepEqual(sweep.map((m) => m[1]), ["SGD", "모멘텀", "Adam"]);
  const reach = sweep.map((m) => new Map([...m[2].matchAll(/α=([\d.]+) (?:(\d+)번|못 감)/g)]
    .map((r) => [r[1], Number(r[2] ?? 0)])));
  const [sgd, mom, adam] = reach;
  const bestOf = (r: Map<string, number>) => [...r].filter(([, n]) => n > 0)
    .reduce((b, x) => (x[1] < b[1] ? x : b));
  const best = reach.map(bestOf);
  sweep.forEach((m, k) => assert.equal(m[3], best[k][0], `${m[1]}: the best α printed is the fastest one`));
  // at the lesson's α = 0.1 Adam is fastest, which is why one shared α is not a fair race
  const at01 = [sgd, mom, adam].map((r) => r.get("0.1")!);
  assert.ok(at01[2] < at01[1] && at01[1] < at01[0], `at α = 0.1: Adam < momentum < SGD: ${at01}`);
  assert.ok(best.every(([, n]) => n <= 10), `each at its best α within 10 iterations: ${best}`);
  // the runs at those α print the same counts as the sweep
  const label = ["SGD \\(α=", "Momentum \\(α=", "Adam \\(α="];
  best.forEach(([a, n], k) => assert.deepEqual(
    num(BEYOND[0], new RegExp(`${label[k]}${a}[,)].*손실 < 0\\.001까지 (\\d+)번`)), [n]));
  // the prose and the summary name these numbers, and where α works (within 100 iterations) for each
  const md08 = cellsOf(BEYOND[0]).filter((c) => c.cell_type === "markdown").map(src).join("\n");
  const window = (r: Map<string, number>) => {
    const ok = [...r].filter(([, n]) => n > 0 && n <= 100).map(([a]) => a);
    return `${ok[0]}–${ok[ok.length - 1]}`;
  };
  const names = ["SGD", "모멘텀", "Adam"];
  for (const s of [`α = 0.1에서는 SGD ${at01[0]}번, 모멘텀 ${at01[1]}번, Adam ${at01[2]}번`,
    ...best.map(([a, n], k) => `${names[k]} ${n}번(α = ${a})`),
    ...best.map(([a, n], k) => `${names[k]}(α = ${a}) ${n}번`),
    `Adam ${window(adam)}, 모멘텀 ${window(mom)}, SGD ${window(sgd)}`, "보통의 경사하강법"]) {
    assert.ok(md08.includes(s), `08's prose does not name "${s}"`);
  }
  assert.doesNotMatch(md08, /지형/, "08 says 손실 곡면, the course's term");
  // 11: "(train)" is the output after the 1000th update; 00 and 07 print train().last, computed before it
  const [after] = num(BEYOND[3], /\(train\): \[ ([\d.]+),/);
  const [before] = num(BEYOND[3], /업데이트 전 \(train\(\)\.last\): \[ ([\d.]+),/);
  assert.equal(before, 0.7970074218203816, "the value 00 and 07 print");
  assert.ok(after > before && after < 0.8, `the last update moves towards Y: ${before} → ${after}`);
  const md11 = cellsOf(BEYOND[3]).filter((c) => c.cell_type === "markdown").map(src).join("\n");
  for (const v of [after, before]) assert.ok(md11.includes(v.toFixed(7)), `11's prose names ${v.toFixed(7)}`);
  const [moonsTrain, moonsTest] = num(BEYOND[1], /은닉 노드 16개, Adam, 300 에포크: 학습 데이터 정확도 ([\d.]+)%, 테스트 데이터 정확도 ([\d.]+)%/);
  assert.ok(moonsTrain >= 97 && moonsTest >= 95, `09: training ${moonsTrain}%, held-out ${moonsTest}%`);
  // 09 compares SGD and Adam fairly: the same 300 epochs, each at its best α of one list; both come close
  const [sgdBest, adamBest] = num(BEYOND[1], /각자 가장 좋은 α: SGD α = [\d.]+ → ([\d.]+)%,? Adam α = [\d.]+ → ([\d.]+)%/);
  assert.ok(sgdBest >= 97 && adamBest >= 97, `09: best SGD ${sgdBest}%, best Adam ${adamBest}%`);
  // 09's prose names the printed best α and accuracies, and how many trainings the sweep makes
  const printed = /각자 가장 좋은 α: SGD α = ([\d.]+) → ([\d.]+)%,? Adam α = ([\d.]+) → ([\d.]+)%/.exec(all[BEYOND[1]].stdout)!;
  const md09 = cellsOf(BEYOND[1]).filter((c) => c.cell_type === "markdown").map(src).join("\n");
  assert.ok(md09.includes(`SGD(α = ${printed[1]}) ${printed[2]}%, Adam(α = ${printed[3]}) ${printed[4]}%`), `09's prose names ${printed[0]}`);
  const rates = /const rates = \[([^\]]*)\]/.exec(cellsOf(BEYOND[1]).map(src).join("\n"))![1].split(",");
  assert.match(md09, new RegExp(`모두 ${2 * rates.length}번 학습합니다`), `09: ${rates.length} α values, two optimisers`);
  const [irisTrain, irisTest] = num(BEYOND[2], /꽃잎 두 특성: 학습 데이터 정확도 ([\d.]+)%, 테스트 데이터 정확도 ([\d.]+)%/);
  assert.ok(irisTrain >= 94 && irisTest >= 90, `10: training ${irisTrain}%, held-out ${irisTest}%`);
  const [rel] = num(BEYOND[3], /가장 큰 차이 [\d.e+-]+ \(가장 큰 기울기의 ([\d.e+-]+)배\)/);
  assert.ok(rel < 16 * 2 ** -23);
  // 11: the layers model trained with tfjs's Adam follows our Adam (not a silently recompiled SGD)
  const [tfAdam, ourAdam] = num(BEYOND[3], /tfjs adam \(α=0\.01\): 100번째 손실 ([\d.e+-]+)[\s\S]*?우리 Adam \(α=0\.01, ε=1e-7\): 100번째 손실 ([\d.e+-]+)/);
  assert.ok(Math.abs(tfAdam - ourAdam) <= 0.01 * ourAdam, `11: tfjs adam ${tfAdam} vs ours ${ourAdam}`);
  for (const f of BEYOND) assert.ok(!/node backend|tfjs-node/.test(all[f].stdout + all[f].stderr), `${f}: TensorFlow.js notice shown`);
});

test("12 (MNIST): the prose names the numbers the notebook prints (zero pixels, accuracy, loss curves, most confused digits)", () => {
  const f = BEYOND[4];
  const { grab, named } = printedAndProse(f);
  const [zeros] = grab(/값이 0인 화소: ([\d.]+)%/);
  assert.ok(Number(zeros) > 80 && Number(zeros) < 81, `zero pixels ${zeros}%: the prose says "80% 남짓"`);
  named("80% 남짓");
  const [acc, right] = grab(/테스트 데이터 정확도 ([\d.]+)% \((\d+) \/ 2000\)/);
  assert.ok(Number(acc) >= 95, `held-out accuracy ${acc}%`);
  assert.equal((Number(right) / 20).toFixed(1), acc);
  named(`${acc}%`);
  const perEpoch = grab(/에포크마다 테스트 데이터 정확도\(%\): ([\d., ]+)/)[0].split(", ").map(Number);
  assert.equal(perEpoch.length, 9, "epoch 0 (before training) and 8 epochs");
  named(`약 ${Math.round(perEpoch[0])}%`);
  const [trainLoss, testLoss] = grab(/손실: 학습 데이터 ([\d., ]+)\n\s+테스트 데이터 ([\d., ]+)/).map((s) => s.trim().split(", "));
  named(`${trainLoss[1]}에서 ${trainLoss[8]}`, `${testLoss[7]} → ${testLoss[8]}`);
  assert.ok(Number(testLoss[8]) > Number(testLoss[7]), "the test loss rises at the last epoch, as the prose says");
  const [a, b, n1, c, d, n2] = grab(/실제 (\d) → 예측 (\d) (\d+)개, 실제 (\d) → 예측 (\d) (\d+)개/);
  named(`실제 ${a}를 ${b}로 고른 것(${n1}개)`, `${c}을 ${d}으로 고른 것(${n2}개)`);
});
