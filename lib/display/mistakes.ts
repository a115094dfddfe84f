/**
 * Notebooks 02, 04–07, 08, 09: the typical wrong answers of the self-check exercises, as `related` maps for
 * check / checkFunction (display/check.ts), so that a learner who makes one of them reads what it is
 * ("흔한 실수와 같은 값입니다: …") instead of a generic hint. Each function takes the exercise's
 * arguments and computes the wrong answers with the lesson's own functions.
 */
import { Matrix, Vector, WeightIndex, cloneMatrices, dot, transpose } from "../lesson/matrix";
import { descend } from "../lesson/descent";
import { sigmoid } from "../lesson/activation";
import { gradients } from "../lesson/backward";
import { Related } from "./hints";
import { subscript } from "./figures/layout";

/** 02, one layer's forward pass Z = σ(W·input): the sigmoid left out, or σ(−A) (the minus of e^(−a) left out). */
export function layerMistakes(W: Matrix, input: Vector): Related {
  const A = dot(W, input);
  return {
    "W·input (시그모이드를 적용하기 전의 가중합 A)": { value: A, hint: "A에 시그모이드 σ(a) = 1 / (1 + e^(−a))를 적용해야 Z가 됩니다." },
    "σ(−A) (Math.exp(-a)의 마이너스를 빠뜨림)": {
      value: A.map((a) => sigmoid(-a)),
      hint: "시그모이드는 1 / (1 + Math.exp(-a))입니다. Math.exp(a)로 쓰면 σ(−a), 곧 1 − σ(a)가 됩니다.",
    },
  };
}

/**
 * 03, the loss the lesson's code prints, Σ(y−o)²: the first output only (the starter cell), the squares
 * left out, the sum squared instead of each difference, and the other two losses (the mean, ½Σ).
 */
export function sumSquaredErrorMistakes(y: Vector, o: Vector): Related {
  const diffs = y.map((yk, k) => yk - o[k]);
  const sum = diffs.reduce((a, d) => a + d, 0);
  const squares = diffs.reduce((a, d) => a + d * d, 0);
  const scaled: Related = y.length === 2
    ? { "평균제곱오차 = ½Σ(y−o)² (출력이 2개라서 같은 값)": { value: squares / 2, hint: "수업 코드가 출력하는 손실은 합입니다: n으로 나누거나 ½을 곱하지 마세요." } }
    : {
      "평균제곱오차 (n으로 나눈 값)": { value: squares / y.length, hint: "수업 코드의 손실은 평균이 아니라 합입니다: n으로 나누지 마세요." },
      "½Σ(y−o)²": { value: squares / 2, hint: "이것은 델타 식이 미분하는 E입니다. 수업 코드가 출력하는 손실에는 ½이 없습니다." },
    };
  return {
    "첫 번째 출력의 (y₀ − o₀)²만": { value: diffs[0] ** 2, hint: "k = 0 하나만 계산했습니다: 출력 노드 k마다 (y_k − o_k)²를 구해 모두 더하세요 (for 반복문이나 map과 math.sum)." },
    "Σ(y−o) (제곱하지 않은 합)": { value: sum, hint: "차이를 제곱한 뒤에 더합니다: (y_k − o_k) ** 2. 제곱하지 않으면 +와 −의 오차가 서로 지워집니다." },
    "(Σ(y−o))² (합을 제곱한 값)": { value: sum ** 2, hint: "차이를 먼저 모두 더하고 제곱했습니다: 차이마다 제곱한 뒤에 더해야 합니다." },
    ...scaled,
  };
}

/**
 * 04, the learner's descent loop w₀, w₁, …, w_steps on one weight (slope by central difference):
 * the step taken uphill (w + α·slope), w never updated (every entry w₀, or w₁ again and again), the slope
 * measured once before the loop (equal steps),
 * only the last w returned, w₀ left out, and a slope twice too large (Σ(y−o)² instead of ½Σ, or ÷h for ÷2h).
 */
export function descentMistakes(weights: readonly Matrix[], x: Vector, y: Vector, p: WeightIndex, start: number, learningRate: number, steps: number): Related {
  const path = (rate: number) => descend(cloneMatrices(weights), x, y, p, start, rate, steps);
  const rightPath = path(learningRate);
  const right = rightPath.w, firstSlope = rightPath.slope[0];
  const last = right.length - 1;
  return {
    // descending with −α is the uphill walk: w − (−α)·slope is w + α·slope to the last bit
    "w + α·기울기로 올라간 경로": { value: path(-learningRate).w, hint: "경사하강법은 기울기의 반대 방향으로 갑니다: w ← w − α·기울기 (더하기가 아니라 빼기)." },
    "w가 한 번도 바뀌지 않은 경로 (모두 w₀)": {
      value: right.map(() => start),
      hint: "반복문 안에서 지금의 w를 새 값 w − α·기울기로 바꿔야 다음 걸음이 새 자리에서 기울기를 잽니다.",
    },
    "w₁만 되풀이한 경로 (w를 업데이트하지 않음)": {
      value: right.map((w, i) => (i === 0 ? start : right[1])),
      hint: "새 값을 배열에 넣기만 하고 지금의 w는 그대로 두었습니다: 걸음마다 w 자체를 w − α·기울기로 바꾼 뒤, 바뀐 w를 배열에 넣으세요.",
    },
    "기울기를 처음에 한 번만 잰 경로 (걸음이 모두 같음)": {
      value: right.map((_, i) => start - i * learningRate * firstSlope),
      hint: "기울기를 반복문 밖에서 한 번만 쟀습니다: 걸음마다 지금의 w에서 기울기를 다시 재야 최솟값 근처에서 걸음이 작아집니다.",
    },
    [`마지막 값 w${subscript(last)}`]: { value: right[last], hint: `마지막 값 하나가 아니라 w₀부터 w${subscript(last)}까지 ${last + 1}개를 모두 배열에 넣어 돌려주세요.` },
    [`w₁…w${subscript(last)} (처음 값 w₀가 빠진 경로)`]: { value: right.slice(1), hint: "배열은 처음 값 w₀(= start)로 시작합니다." },
    "기울기가 2배인 경로": {
      value: path(2 * learningRate).w,
      hint: "기울기가 2배입니다: E = ½Σ(y−o)² 대신 Σ(y−o)²를 미분했거나, 중앙 차분을 2h가 아니라 h로 나누었는지 확인해 보세요.",
    },
  };
}

/**
 * 05, the output delta (o − y)·o(1 − o): the factor o(1 − o) left out (also with the starter cell's y − o),
 * or only o of it kept. (The sign alone and 2× are recognised by check itself.)
 */
export function outputDeltaMistakes(o: Vector, y: Vector): Related {
  const slope = "연쇄 법칙의 가운데 항 ∂o/∂a = o(1−o)를 곱해야 합니다.";
  return {
    "o − y (시그모이드의 도함수 o(1−o)를 곱하지 않은 값)": {
      value: o.map((ok, k) => ok - y[k]),
      hint: `${slope} (o − y만 남는 것은 교차 엔트로피와 함께 쓸 때입니다, 09 노트북.)`,
    },
    "y − o (o(1−o)를 곱하지 않았고 빼는 순서도 반대인 값)": {
      value: o.map((ok, k) => y[k] - ok),
      hint: `${slope} 또 ∂E/∂o = o − y이므로 y − o가 아니라 o − y로 빼야 합니다.`,
    },
    "(o − y)·o (o(1−o)에서 (1 − o)를 빠뜨린 값)": {
      value: o.map((ok, k) => (ok - y[k]) * ok),
      hint: "시그모이드의 도함수는 o가 아니라 o(1−o)입니다: (1 − o)도 곱하세요.",
    },
  };
}

/** 06, a hidden delta (Wnextᵀ·deltaNext) ⊙ Z(1 − Z): Z(1 − Z) left out, h(h − 1) for h(1 − h), the transpose left out. */
export function hiddenDeltaMistakes(Wnext: Matrix, deltaNext: Vector, Z: Vector): Related {
  const back = dot(transpose(Wnext), deltaNext);
  const related: Related = {
    "Wnextᵀ·deltaNext (Z(1−Z)를 곱하지 않은 값)": { value: back, hint: "이 층의 시그모이드 도함수 Z(1−Z)를 원소마다 곱해야 합니다." },
    "Z(Z−1)을 곱한 값 (수업의 h(h−1))": {
      value: back.map((b, j) => b * Z[j] * (Z[j] - 1)),
      hint: "수업의 h(h−1)은 부호가 반대입니다 (06의 ⚠️ 수업 노트). 코드의 델타는 Z(1−Z)를 곱합니다.",
    },
  };
  related["σ(Z)(1−σ(Z))를 곱한 값 (시그모이드를 두 번 적용)"] = {
    value: back.map((b, j) => b * sigmoid(Z[j]) * (1 - sigmoid(Z[j]))),
    hint: "Z는 이미 σ(A)입니다: 도함수 σ'(a) = Z(1−Z)에는 Z를 그대로 씁니다. σ(Z)로 시그모이드를 한 번 더 적용하지 마세요.",
  };
  if (Wnext.length === Wnext[0].length) {
    const noT = dot(Wnext, deltaNext);
    related["Wnext·deltaNext·Z(1−Z) (전치를 빠뜨린 값)"] = {
      value: noT.map((b, j) => b * Z[j] * (1 - Z[j])),
      hint: "노드 j에서 다음 층 노드 k로 가는 가중치는 Wnext[k][j]입니다: Wnext의 전치(Wnextᵀ)를 델타와 곱하세요.",
    };
  }
  return related;
}

/** 06, the hint of the hidden-delta exercise with this input's shapes: Wnext is (next layer) × (this layer). */
export function hiddenDeltaHint(Wnext: Matrix, deltaNext: Vector): string {
  const next = Wnext.length, here = Wnext[0]?.length ?? 0;
  return `Wnext는 (다음 층 노드 수)×(이 층 노드 수) 행렬입니다(이 입력에서는 ${next}×${here}). ` +
    `전치한 Wnextᵀ(${here}×${next})를 델타(${deltaNext.length}개)와 곱해야 이 층의 노드 수(${here}개)만큼 나옵니다.`;
}

/** 07, one iteration W ← W − α·∂E/∂W, layer by layer: the step taken uphill, no step, the learning rate left out. */
export function stepMistakes(weights: readonly Matrix[], x: Vector, y: Vector, learningRate: number): Related[] {
  const g = gradients(weights, x, y);
  const move = (l: number, f: (w: number, d: number) => number) => weights[l].map((row, k) => row.map((w, i) => f(w, g[l][k][i])));
  return weights.map((W, l) => ({
    "W + α·기울기 (기울기 방향으로 올라간 값)": { value: move(l, (w, d) => w + learningRate * d), hint: "경사하강법은 기울기의 반대 방향으로 갑니다: w ← w − α·∂E/∂w." },
    "처음 가중치 (업데이트하지 않은 값)": { value: W, hint: "새 가중치에 α·기울기를 빼는 줄이 빠졌는지 확인해 보세요." },
    "W − 기울기 (학습률을 곱하지 않은 값)": { value: move(l, (w, d) => w - d), hint: "기울기에 학습률 lr을 곱해야 합니다." },
  }));
}

/** 09, the binary cross-entropy's delta σ(a) − y: the MSE delta (o − y)·o(1 − o) instead. */
export function logitDeltaMistakes(y: number, a: number): Related {
  const o = sigmoid(a);
  return {
    "(o − y)·o(1−o) (수업의 MSE 델타)": {
      value: (o - y) * o * (1 - o),
      hint: "교차 엔트로피의 ∂L/∂o = (o − y) / (o(1−o))에 ∂o/∂a = o(1−o)를 곱하면 o(1−o)가 약분됩니다.",
    },
  };
}

/**
 * 09, the central difference (L(a + ε) − L(a − ε)) / 2ε of the binary cross-entropy: divided by ε instead
 * of 2ε, which gives twice the slope (the loss here has no ½ to blame).
 */
export function centralDifferenceMistakes(y: number, a: number): Related {
  const delta = sigmoid(a) - y;
  return {
    "(L(a+ε) − L(a−ε)) / ε (분모의 2를 빠뜨림, 기울기의 2배)": {
      value: 2 * delta,
      hint: "중앙 차분은 a − ε에서 a + ε까지, 곧 2ε만큼 움직였을 때의 변화이므로 2ε로 나눕니다. ε로 나누면 정확히 2배가 됩니다.",
    },
  };
}

/**
 * 08, the learner's Adam loop on one weight (β₁ = 0.9, β₂ = 0.999, ε = 1e-8): the bias correction left out
 * (the first step is about 3.16α, not α), and m, v never updated (the weight stays at w₀).
 */
export function adamMistakes(w0: number, grads: readonly number[], alpha: number): Related {
  let w = w0, m = 0, v = 0;
  const uncorrected = grads.map((g) => {
    m = 0.9 * m + 0.1 * g;
    v = 0.999 * v + 0.001 * g * g;
    w -= (alpha * m) / (Math.sqrt(v) + 1e-8);
    return w;
  });
  return {
    "편향 보정을 빠뜨린 값 (m̂ = m, v̂ = v)": { value: uncorrected, hint: "m̂ = m / (1 − β₁ᵗ), v̂ = v / (1 − β₂ᵗ)로 나누어야 첫 걸음이 약 3.16α가 아니라 α가 됩니다." },
    "처음 가중치 그대로 (m, v를 업데이트하지 않은 값)": { value: grads.map(() => w0), hint: "m과 v가 0에 머물면 걸음도 0입니다. TODO의 식으로 m과 v를 먼저 업데이트하세요." },
  };
}

/** A number as a hint label shows it, with a real minus sign ("−2"). */
const shown = (v: number): string => String(v).replace("-", "−");

/**
 * 07b and 11, the learner's backward rule for out = a × b with an incoming gradient `upstream`, as the
 * gradients [∂/∂a, ∂/∂b] it hands on: the addition rule (upstream to both), out.grad left out
 * ([b, a]), and each value multiplied by itself instead of the other one.
 */
export function mulBackwardMistakes(a: number, b: number, upstream: number): Related {
  const pair = (x: number, y: number) => `[${shown(x)}, ${shown(y)}]`;
  return {
    [`${pair(upstream, upstream)} (덧셈의 규칙)`]: { value: [upstream, upstream], hint: "곱셈은 받은 기울기에 상대편 값을 곱해 넘깁니다: ∂(ab)/∂a = b." },
    [`${pair(b, a)} (뒤에서 온 기울기를 곱하지 않음)`]: {
      value: [b, a], hint: `연쇄 법칙: 뒤에서 온 기울기(07b의 out.grad, 11의 dc; 여기서는 ${shown(upstream)})를 곱하세요.`,
    },
    [`${pair(a * upstream, b * upstream)} (자기 값을 곱함)`]: { value: [a * upstream, b * upstream], hint: "a의 기울기에는 a가 아니라 상대편 b의 값이 곱해집니다." },
  };
}

/**
 * 07b, the same rule on t × t (one value in both places, incoming gradient 1), as ∂/∂t: `=` instead of
 * `+=` keeps one share (t), the addition rule gives 1 + 1.
 */
export function mulSameValueMistakes(t: number): Related {
  return {
    [`${shown(t)} (= 로 덮어씀)`]: { value: t, hint: "t가 a와 b 두 자리에 모두 쓰였습니다. 둘째 줄이 첫째 줄의 기여분을 덮어쓰지 않게 += 로 더하세요." },
    "2 (덧셈의 규칙)": { value: 2, hint: "곱셈은 상대편 값을 곱해 넘깁니다: ∂(t·t)/∂t = t + t." },
  };
}
