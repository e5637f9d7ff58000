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
 * The free parameters' design matrix in compressed sparse rows (most candidate features are
 * zero), and the fixed part of each row's log-odds.
 */
interface FreeDesign {
  /** Intercept (always free, as -1) followed by the features whose weights are fitted. */
  free: number[];
  /** Start of each row's entries, with one extra end offset. */
  rowStarts: Uint32Array;
  columns: Uint16Array;
  values: Float64Array;
  offsets: Float64Array;
}

/**
 * Copies the rows once into typed arrays over the free parameters, with a leading 1 for the
 * intercept, so that the Newton steps allocate nothing per row and skip zeros. Fixed weights
 * cost nothing in the steps, because their contribution goes into a per-row offset.
 */
function freeDesign(rows: FitLogisticOptions['rows'], fixed: ReadonlyMap<number, number>): FreeDesign {
  const featureCount = rows[0]?.length ?? 0;
  const free = [-1, ...Array.from({ length: featureCount }, (_, feature) => feature).filter((feature) => !fixed.has(feature))];
  const rowStarts = new Uint32Array(rows.length + 1);
  const columns: number[] = [];
  const values: number[] = [];
  const offsets = new Float64Array(rows.length);
  for (let position = 0; position < rows.length; position += 1) {
    const row = rows[position]!;
    for (let column = 0; column < free.length; column += 1) {
      const value = free[column] === -1 ? 1 : row[free[column]!]!;
      if (value === 0) continue;
      columns.push(column);
      values.push(value);
    }
    rowStarts[position + 1] = columns.length;
    let offset = 0;
    for (const [feature, weight] of fixed) offset += weight * row[feature]!;
    offsets[position] = offset;
  }
  return { free, rowStarts, columns: Uint16Array.from(columns), values: Float64Array.from(values), offsets };
}

/** Adds one Newton step's gradient and upper-triangle Hessian over all rows. */
function accumulate(design: FreeDesign, labels: readonly (0 | 1)[], beta: readonly number[], gradient: Float64Array, hessian: Float64Array): void {
  const { rowStarts, columns, values, offsets } = design;
  const width = beta.length;
  gradient.fill(0);
  hessian.fill(0);
  for (let position = 0; position + 1 < rowStarts.length; position += 1) {
    const start = rowStarts[position]!;
    const end = rowStarts[position + 1]!;
    let z = offsets[position]!;
    for (let entry = start; entry < end; entry += 1) z += beta[columns[entry]!]! * values[entry]!;
    const p = 1 / (1 + Math.exp(-z));
    const residual = labels[position]! - p;
    const curvature = Math.max(p * (1 - p), 1e-9);
    for (let a = start; a < end; a += 1) {
      const i = columns[a]!;
      const scaled = curvature * values[a]!;
      gradient[i]! += residual * values[a]!;
      // Columns within a row are ascending, so j >= i fills the upper triangle.
      for (let b = a; b < end; b += 1) hessian[i * width + columns[b]!]! += scaled * values[b]!;
    }
  }
}

/**
 * Fits a logistic regression by Newton's method with an L2 penalty. Returns the weights, which
 * are also the model's calibrated probabilities on data like the training rows.
 */
export function fitLogistic({ rows, labels, l2 = 1, iterations = 30, fixed = new Map() }: FitLogisticOptions): LogisticModel {
  const design = freeDesign(rows, fixed);
  const width = design.free.length;
  let beta = new Array<number>(width).fill(0);
  const gradient = new Float64Array(width);
  const hessian = new Float64Array(width * width);
  for (let iteration = 0; iteration < iterations; iteration += 1) {
    accumulate(design, labels, beta, gradient, hessian);
    const step = solve(penalise(gradient, hessian, beta, { width, l2 }), [...gradient]);
    beta = beta.map((value, position) => value + step[position]!);
    if (Math.max(...step.map(Math.abs)) < 1e-6) break;
  }
  const weights = Array.from({ length: rows[0]?.length ?? 0 }, (_, feature) => fixed.get(feature) ?? 0);
  design.free.forEach((feature, column) => {
    if (feature >= 0) weights[feature] = beta[column]!;
  });
  return { intercept: beta[0]!, weights };
}

/**
 * Completes the Newton system in place: mirrors the upper triangle of the Hessian and adds
 * the L2 penalty (not on the intercept, which is column 0). Returns the Hessian as rows.
 */
function penalise(gradient: Float64Array, hessian: Float64Array, beta: readonly number[], { width, l2 }: { width: number; l2: number }): number[][] {
  const rows = Array.from({ length: width }, (_, i) => Array.from({ length: width }, (_, j) => (j >= i ? hessian[i * width + j]! : hessian[j * width + i]!)));
  for (let i = 1; i < width; i += 1) {
    gradient[i]! -= l2 * beta[i]!;
    rows[i]![i]! += l2;
  }
  return rows;
}
