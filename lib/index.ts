/**
 * nn-lesson: the lesson's neural network, one small module per step.
 *
 *   matrix.ts        Vector / Matrix, dot, outer, transpose (the numpy calls the lesson uses)
 *   random.ts        step 2: seeded random initial weights
 *   activation.ts    the sigmoid and its derivative
 *   forward.ts       step 3: the forward pass (A = dot(W, ·), Z = sigmoid(A))
 *   loss.ts          step 4: which loss is which (Σ(y−o)² printed, ½Σ(y−o)² differentiated)
 *   backward.ts      step 5: deltas, gradients, the weight update
 *   gradcheck.ts     central-difference gradient check
 *   network.ts       the same computation on typed arrays, for speed
 *   train.ts         step 6: the training loop with a history
 *   surface.ts       loss along one weight, over two weights, gradient descent on one weight
 *   network-file.ts  the lesson's data and the JSON weights format
 */
export * from "./matrix";
export * from "./random";
export * from "./activation";
export * from "./forward";
export * from "./loss";
export * from "./backward";
export * from "./gradcheck";
export * from "./network";
export * from "./train";
export * from "./surface";
export * from "./network-file";
// plots (issue 3): displaying plotly figures inline; figure builders (data in, figure out)
export * from "./plot";
export * from "./figures";
// the lesson notebooks (issue 4): self-check helpers and the glossary
export * from "./check";
export * from "./glossary";
export * from "./show";
// beyond the lesson (issue 5): optimisers, classification, data sets
export * from "./optim";
export * from "./classify";
export * from "./dataset";
export * from "./figures-classify";
// TensorFlow.js is loaded lazily inside ./autodiff, so importing nn-lesson never loads it.
export * from "./autodiff";
