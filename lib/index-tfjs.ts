/**
 * nn-lesson/tfjs: notebook 11's cross-check with TensorFlow.js (automatic differentiation, tfjs-layers),
 * imported as `import { tfjs, compareLessonGradients } from "nn-lesson/tfjs"` (lib/tfjs/package.json
 * points here). Kept out of lib/index.ts so that only this notebook's cells type-check against
 * TensorFlow.js's declarations; TensorFlow.js itself still loads only when tfjs() first runs.
 */
export type { GradientComparison, LayersTrainResult } from "./beyond/autodiff";
export {
  tfjs, compareLessonGradients, compareClassifierGradients, lessonLayersModel, layersModelWeights, trainLayersModel,
} from "./beyond/autodiff";
