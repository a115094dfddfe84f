/**
 * Everything in the library, for the scripts and tests ("nn-lesson/dist/internal"). Notebooks use
 * the smaller public API in index.ts.
 */
export * from "./lesson/matrix";
export * from "./lesson/errors";
export * from "./lesson/random";
export * from "./lesson/activation";
export * from "./lesson/forward";
export * from "./lesson/loss";
export * from "./lesson/descent";
export * from "./lesson/backward";
export * from "./lesson/gradcheck";
export * from "./lesson/train";
export * from "./lesson/progress";
export * from "./lesson/data";
export * from "./fast/network";
export * from "./fast/train";
export * from "./fast/surface";
export * from "./beyond/optim";
export * from "./beyond/dataset";
export * from "./beyond/classify";
export * from "./beyond/autodiff";
export * from "./beyond/deep";
export * from "./beyond/mnist";
export * from "./display/output";
export * from "./display/progress";
export * from "./display/plot";
export * from "./display/tables";
export * from "./display/check";
export * from "./display/mistakes";
export * from "./display/glossary";
export * from "./display/explain";
export * from "./display/figures/layout";
export * from "./display/figures/lesson";
export * from "./display/figures/classify";
export * from "./display/figures/perceptron";
export * from "./display/figures/graph";
export * from "./display/figures/fit";
export * from "./display/figures/digits";
export * from "./display/mnist";
export * from "./display/digit-pad";
export * from "./node/files";
export * from "./node/network-file";
export * from "./node/plotly-file";
export * from "./node/mnist-file";
