"""The lesson's numpy program (lesson.ko.txt, step 5) with its fixed weights, timed. Used by `npm run bench`.

Usage: python3 scripts/bench/lesson_numpy.py ITERATIONS REPEATS
Prints one JSON line: the median seconds of the training loop over REPEATS runs, and the last output.
"""
import json
import sys
import time

import numpy as np


def run(iterations):
    X = np.array([0.5, 0.3, 0.2])
    W1 = np.array([[0.1, 0.2, 0.3], [0.4, 0.5, 0.6]])
    W2 = np.array([[0.2, 0.3], [0.4, 0.5], [0.6, 0.7]])
    W3 = np.array([[0.3, 0.4, 0.5], [0.6, 0.7, 0.8]])
    Y = np.array([0.8, 0.6])
    learning_rate = 0.1
    start = time.perf_counter()
    for i in range(iterations):
        A1 = np.dot(W1, X)
        Z1 = 1 / (1 + np.exp(-A1))
        A2 = np.dot(W2, Z1)
        Z2 = 1 / (1 + np.exp(-A2))
        A3 = np.dot(W3, Z2)
        Z3 = 1 / (1 + np.exp(-A3))
        loss = np.sum((Y - Z3) ** 2)
        delta3 = (Z3 - Y) * Z3 * (1 - Z3)
        delta2 = np.dot(W3.T, delta3) * Z2 * (1 - Z2)
        delta1 = np.dot(W2.T, delta2) * Z1 * (1 - Z1)
        W3 -= learning_rate * np.outer(delta3, Z2)
        W2 -= learning_rate * np.outer(delta2, Z1)
        W1 -= learning_rate * np.outer(delta1, X)
    return time.perf_counter() - start, Z3, loss


def main():
    iterations, repeats = int(sys.argv[1]), int(sys.argv[2])
    times = []
    for _ in range(repeats):
        seconds, out, loss = run(iterations)
        times.append(seconds)
    times.sort()
    print(json.dumps({"seconds": times[len(times) // 2], "last": out.tolist(), "loss": float(loss), "numpy": np.__version__}))


if __name__ == "__main__":
    main()
