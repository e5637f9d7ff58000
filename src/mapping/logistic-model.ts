/** A fitted logistic regression: weights per feature plus an intercept. */
export interface LogisticModel {
  weights: number[];
  intercept: number;
}

/** Returns the model's probability for one feature vector. */
export function predictProbability(model: LogisticModel, features: readonly number[]): number {
  let z = model.intercept;
  for (let position = 0; position < features.length; position += 1) z += model.weights[position]! * features[position]!;
  return 1 / (1 + Math.exp(-z));
}

function solve(matrix: number[][], vector: number[]): number[] {
  const size = vector.length;
  const a = matrix.map((row, position) => [...row, vector[position]!]);
  for (let column = 0; column < size; column += 1) {
    let pivot = column;
    for (let row = column + 1; row < size; row += 1) if (Math.abs(a[row]![column]!) > Math.abs(a[pivot]![column]!)) pivot = row;
    [a[column], a[pivot]] = [a[pivot]!, a[column]!];
    const divisor = a[column]![column]! || 1e-12;
    for (let row = 0; row < size; row += 1) {
      if (row === column) continue;
      const factor = a[row]![column]! / divisor;
      for (let k = column; k <= size; k += 1) a[row]![k]! -= factor * a[column]![k]!;
    }
  }
  return a.map((row, position) => row[size]! / (row[position]! || 1e-12));
}

export interface FitLogisticOptions {
  rows: readonly (readonly number[])[];
  labels: readonly (0 | 1)[];
  /** L2 penalty on the weights (not the intercept); keeps unused features near zero. */
  l2?: number;
  iterations?: number;
  /** Weights set by the caller instead of fitted, by feature position. */
  fixed?: ReadonlyMap<number, number>;
}

/**
 * Fits a logistic regression by Newton's method with an L2 penalty. Returns the weights, which
 * are also the model's calibrated probabilities on data like the training rows.
 */
export function fitLogistic({ rows, labels, l2 = 1, iterations = 30, fixed = new Map() }: FitLogisticOptions): LogisticModel {
  const width = rows[0]?.length ?? 0;
  let beta = new Array<number>(width + 1).fill(0);
  for (const [feature, weight] of fixed) beta[feature + 1] = weight;
  for (let iteration = 0; iteration < iterations; iteration += 1) {
    const gradient = new Array<number>(width + 1).fill(0);
    const hessian = Array.from({ length: width + 1 }, () => new Array<number>(width + 1).fill(0));
    rows.forEach((row, position) => {
      const x = [1, ...row];
      let z = 0;
      for (let k = 0; k <= width; k += 1) z += beta[k]! * x[k]!;
      const p = 1 / (1 + Math.exp(-z));
      const residual = labels[position]! - p;
      const curvature = Math.max(p * (1 - p), 1e-9);
      for (let i = 0; i <= width; i += 1) {
        gradient[i]! += residual * x[i]!;
        for (let j = i; j <= width; j += 1) hessian[i]![j]! += curvature * x[i]! * x[j]!;
      }
    });
    for (let i = 0; i <= width; i += 1) {
      for (let j = 0; j < i; j += 1) hessian[i]![j] = hessian[j]![i]!;
      if (i > 0) {
        gradient[i]! -= l2 * beta[i]!;
        hessian[i]![i]! += l2;
      }
    }
    for (const feature of fixed.keys()) {
      const i = feature + 1;
      gradient[i] = 0;
      for (let j = 0; j <= width; j += 1) {
        hessian[i]![j] = 0;
        hessian[j]![i] = 0;
      }
      hessian[i]![i] = 1;
    }
    const step = solve(hessian, gradient);
    beta = beta.map((value, position) => value + step[position]!);
    if (Math.max(...step.map(Math.abs)) < 1e-6) break;
  }
  return { intercept: beta[0]!, weights: beta.slice(1) };
}
