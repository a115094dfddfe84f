/**
 * npm run --silent train -- [--weights FILE] [--iterations N] [--lr A] [--seed S] [--json]
 *
 * Runs the lesson's whole program (its last code block) through the library.
 */
import { parseArgs } from "util";
import {
  DEFAULT_SEED, InputError, LESSON_ITERATIONS, LESSON_LEARNING_RATE, initWeights, lessonData, positiveSetting, readNetworkFile, trainFast,
} from "nn-lesson/dist/internal";

const USAGE = "usage: npm run --silent train -- [--weights FILE] [--iterations N] [--lr A] [--seed S] [--json]";

/** A flag's value as a positive number; decimal notation only (no "0x10", no empty string). */
function positiveNumber(text: string | undefined, flag: string, integer: boolean): number | undefined {
  if (text === undefined) return undefined;
  if (!/^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i.test(text.trim())) throw new InputError(`${flag} must be a number, got "${text}"`);
  return positiveSetting(Number(text), flag, integer);
}

function fmt(v: number[]): string {
  return `[${v.map((n) => n.toFixed(8)).join(" ")}]`;
}

/** Let `--lr -0.1` reach our own range check ("must be positive") instead of parseArgs' "ambiguous". */
function joinNegativeNumbers(argv: string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const next = argv[i + 1];
    if (/^--(iterations|lr)$/.test(argv[i]) && next !== undefined && /^-[\d.]/.test(next)) {
      out.push(`${argv[i]}=${next}`);
      i++;
    } else out.push(argv[i]);
  }
  return out;
}

function main(argv: string[]): void {
  let values;
  try {
    ({ values } = parseArgs({
      args: joinNegativeNumbers(argv),
      options: {
        weights: { type: "string" },
        iterations: { type: "string" },
        lr: { type: "string" },
        seed: { type: "string" },
        json: { type: "boolean" },
        help: { type: "boolean", short: "h" },
      },
      strict: true,
      allowPositionals: false,
    }));
  } catch (e) {
    const message = (e as Error).message.split("\n")[0];
    const missing = /Option '(--\w+)[^']*' argument (is ambiguous|missing)/.exec(message);
    throw new InputError(`${missing ? `${missing[1]} needs a value` : message} (${USAGE})`);
  }
  if (values.help) {
    console.log(USAGE);
    return;
  }
  const lesson = lessonData();
  if (values.weights !== undefined && values.seed !== undefined) {
    throw new InputError("--seed chooses random weights; it cannot be used together with --weights");
  }
  if (values.seed !== undefined && values.seed.trim() === "") throw new InputError("--seed must not be empty");
  const seed = values.seed ?? DEFAULT_SEED;
  const net = values.weights !== undefined
    ? readNetworkFile(values.weights, lesson)
    : { weights: initWeights([3, 2, 3, 2], seed), x: lesson.x, y: lesson.y, learningRate: undefined, iterations: undefined };
  // The command line wins over settings stored in the file, which win over the lesson's.
  const iterations = positiveNumber(values.iterations, "--iterations", true) ?? net.iterations ?? LESSON_ITERATIONS;
  const lr = positiveNumber(values.lr, "--lr", false) ?? net.learningRate ?? LESSON_LEARNING_RATE;

  // Progress on stderr for long runs only: nothing is drawn during the first half second.
  const started = Date.now();
  let drawn = false;
  const onProgress = !values.json && process.stderr.isTTY
    ? (done: number, total: number) => {
      if (Date.now() - started < 500) return;
      drawn = true;
      process.stderr.write(`\rtraining: ${Math.round((100 * done) / total)}% (${done}/${total})`);
    }
    : undefined;
  const result = trainFast({ weights: net.weights, x: net.x, y: net.y, learningRate: lr, iterations, onProgress });
  if (drawn) process.stderr.write("\r\x1b[K");

  if (values.json) {
    console.log(JSON.stringify({
      first: result.first, last: result.last, loss: Array.from(result.loss),
      weights: result.weights, trainSeconds: result.trainSeconds,
    }));
    return;
  }
  const source = values.weights !== undefined ? `weights from ${values.weights}` : `random weights, seed "${seed}"`;
  console.log(`network ${[net.weights[0][0].length, ...net.weights.map((W) => W.length)].join("-")}, ${source}, lr ${lr}, ${iterations} iterations`);
  console.log(`first output: ${fmt(result.first)}   (target ${fmt(net.y)})`);
  const every = Math.max(1, Math.round(iterations / 10));
  for (let i = 0; i < iterations; i += every) console.log(`  [${i + 1}] loss: ${result.loss[i].toExponential(6)}`);
  console.log(`  [${iterations}] loss: ${result.loss[iterations - 1].toExponential(6)}`);
  console.log(`last output:  ${fmt(result.last)}`);
  console.log(`training loop: ${(result.trainSeconds * 1000).toFixed(2)} ms`);
}

try {
  main(process.argv.slice(2));
} catch (e) {
  if (e instanceof InputError) {
    console.error(`train: ${e.message}`);
    process.exit(2);
  }
  console.error(`train: unexpected error: ${(e as Error).message}`);
  process.exit(1);
}
