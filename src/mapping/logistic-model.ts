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
  const width = (rows[0]?.length ?? 0) + 1;
  // Rows are copied once into one typed matrix with a leading 1 for the intercept, so that
  // the Newton steps below allocate nothing per row.
  const matrix = new Float64Array(rows.length * width);
  rows.forEach((row, position) => {
    matrix[position * width] = 1;
    for (let k = 1; k < width; k += 1) matrix[position * width + k] = row[k - 1]!;
  });
  let beta = new Array<number>(width).fill(0);
  for (const [feature, weight] of fixed) beta[feature + 1] = weight;
  const gradient = new Float64Array(width);
  const hessian = new Float64Array(width * width);
  for (let iteration = 0; iteration < iterations; iteration += 1) {
    gradient.fill(0);
    hessian.fill(0);
    for (let position = 0; position < rows.length; position += 1) {
      const offset = position * width;
      let z = 0;
      for (let k = 0; k < width; k += 1) z += beta[k]! * matrix[offset + k]!;
      const p = 1 / (1 + Math.exp(-z));
      const residual = labels[position]! - p;
      const curvature = Math.max(p * (1 - p), 1e-9);
      for (let i = 0; i < width; i += 1) {
        const xi = matrix[offset + i]!;
        if (xi === 0) continue;
        gradient[i]! += residual * xi;
        const scaled = curvature * xi;
        for (let j = i; j < width; j += 1) hessian[i * width + j]! += scaled * matrix[offset + j]!;
      }
    }
    const step = solve(penalise(gradient, hessian, beta, { width, l2, fixed }), [...gradient]);
    beta = beta.map((value, position) => value + step[position]!);
    if (Math.max(...step.map(Math.abs)) < 1e-6) break;
  }
  return { intercept: beta[0]!, weights: beta.slice(1) };
}

/**
 * Completes the Newton system in place: mirrors the upper triangle of the Hessian, adds the
 * L2 penalty (not on the intercept) and freezes fixed weights. Returns the Hessian as rows.
 */
function penalise(
  gradient: Float64Array,
  hessian: Float64Array,
  beta: readonly number[],
  { width, l2, fixed }: { width: number; l2: number; fixed: ReadonlyMap<number, number> },
): number[][] {
  const rows = Array.from({ length: width }, (_, i) => Array.from({ length: width }, (_, j) => (j >= i ? hessian[i * width + j]! : hessian[j * width + i]!)));
  for (let i = 1; i < width; i += 1) {
    gradient[i]! -= l2 * beta[i]!;
    rows[i]![i]! += l2;
  }
  for (const feature of fixed.keys()) {
    const i = feature + 1;
    gradient[i] = 0;
    for (let j = 0; j < width; j += 1) {
      rows[i]![j] = 0;
      rows[j]![i] = 0;
    }
    rows[i]![i] = 1;
  }
  return rows;
}
