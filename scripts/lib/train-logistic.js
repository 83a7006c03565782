// Weighted L2-regularised logistic regression by Newton's method (IRLS): a
// fixed number of steps from zero weights over standardized features, so
// that the same rows give the same model, to the digit, on every machine.

const ROUND = 1e6;
const round = (x) => Math.round(x * ROUND) / ROUND;

/** Solves A x = b (A symmetric positive definite, small) by Gaussian elimination with partial pivoting. */
function solve(A, b) {
  const n = b.length;
  const M = A.map((row, i) => [...row, b[i]]);
  for (let c = 0; c < n; c++) {
    let p = c;
    for (let r = c + 1; r < n; r++) if (Math.abs(M[r][c]) > Math.abs(M[p][c])) p = r;
    [M[c], M[p]] = [M[p], M[c]];
    const d = M[c][c] || 1e-12;
    for (let r = c + 1; r < n; r++) {
      const f = M[r][c] / d;
      if (f) for (let k = c; k <= n; k++) M[r][k] -= f * M[c][k];
    }
  }
  const x = new Array(n).fill(0);
  for (let r = n - 1; r >= 0; r--) {
    let s = M[r][n];
    for (let k = r + 1; k < n; k++) s -= M[r][k] * x[k];
    x[r] = s / (M[r][r] || 1e-12);
  }
  return x;
}

/**
 * Trains on rows `{ x: number[], y: 0|1, w: number }`. Returns
 * `{ bias, weights, mean, scale }`: p = σ(bias + Σ weights_j (x_j − mean_j) / scale_j).
 */
export function trainLogistic(rows, { l2 = 1, steps = 25 } = {}) {
  const d = rows[0]?.x.length ?? 0;
  const W = rows.reduce((s, r) => s + r.w, 0) || 1;
  const mean = new Array(d).fill(0);
  for (const r of rows) for (let j = 0; j < d; j++) mean[j] += (r.w * r.x[j]) / W;
  const scale = new Array(d).fill(0);
  for (const r of rows) for (let j = 0; j < d; j++) scale[j] += (r.w * (r.x[j] - mean[j]) ** 2) / W;
  for (let j = 0; j < d; j++) scale[j] = Math.sqrt(scale[j]) > 1e-9 ? Math.sqrt(scale[j]) : 1;
  const Z = rows.map((r) => [1, ...r.x.map((v, j) => (v - mean[j]) / scale[j])]);
  let beta = new Array(d + 1).fill(0);
  for (let step = 0; step < steps; step++) {
    const H = Array.from({ length: d + 1 }, () => new Array(d + 1).fill(0));
    const g = new Array(d + 1).fill(0);
    rows.forEach((r, i) => {
      const z = Z[i];
      let t = 0;
      for (let j = 0; j <= d; j++) t += beta[j] * z[j];
      const p = 1 / (1 + Math.exp(-t));
      const gw = r.w * (r.y - p);
      const hw = r.w * Math.max(p * (1 - p), 1e-9);
      for (let j = 0; j <= d; j++) {
        g[j] += gw * z[j];
        const hz = hw * z[j];
        if (hz) for (let k = j; k <= d; k++) H[j][k] += hz * z[k];
      }
    });
    for (let j = 0; j <= d; j++) for (let k = 0; k < j; k++) H[j][k] = H[k][j];
    // The penalty (not on the bias): gradient −λβ, Hessian +λ.
    for (let j = 1; j <= d; j++) {
      g[j] -= l2 * beta[j];
      H[j][j] += l2;
    }
    const delta = solve(H, g);
    beta = beta.map((b, j) => b + delta[j]);
  }
  return { bias: round(beta[0]), weights: beta.slice(1).map(round), mean: mean.map(round), scale: scale.map(round) };
}
