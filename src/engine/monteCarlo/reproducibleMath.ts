/*
 * Logarithm, exponential and log-gamma built only from +, −, ×, ÷ and sqrt, which IEEE 754
 * rounds exactly the same way on every machine. `Math.log`, `Math.exp` and `Math.pow` are not
 * specified to the last bit and differ between JavaScript engines (Excel runs add-ins in V8 on
 * Windows and the web, JavaScriptCore on the Mac), so a simulation that used them could give
 * different percentiles for the same seed. These are accurate to about one unit in the last place,
 * which is far below any Monte Carlo error; what matters is that they are identical everywhere.
 */

// ln 2 split so that k × ln2High is exact for any exponent k (its low 32 bits are zero).
const ln2High = 6.9314718036912381649e-1;
const ln2Low = 1.90821492927058770002e-10;
const sqrtTwo = 1.4142135623730951;
const smallestNormal = 2.2250738585072014e-308;

// Every power of two a double can hold, 2^−1074 … 2^1023, each built by exact halving or doubling.
const lowestExponent = -1074;
const powersOfTwo = new Float64Array(1023 - lowestExponent + 1);
powersOfTwo[-lowestExponent] = 1;
for (let k = 1; k <= 1023; k++) powersOfTwo[k - lowestExponent] = powersOfTwo[k - 1 - lowestExponent]! * 2;
for (let k = -1; k >= lowestExponent; k--)
  powersOfTwo[k - lowestExponent] = powersOfTwo[k + 1 - lowestExponent]! / 2;

/** 2^k for whole k from −1074 to 1023. */
function powerOfTwo(k: number): number {
  return powersOfTwo[k - lowestExponent]!;
}

/**
 * Natural logarithm, the same to the last bit in every JavaScript engine.
 *
 * @example
 * reproducibleLog(Math.E) // → 1 (within one unit in the last place)
 * reproducibleLog(0) // → -Infinity
 */
export function reproducibleLog(x: number): number {
  if (!(x > 0)) return x === 0 ? -Infinity : NaN;
  if (x === Infinity) return Infinity;
  let k = 0;
  if (x < smallestNormal) {
    // Subnormal: scale into the normal range first (2^54 is exact).
    x *= powerOfTwo(54);
    k = -54;
  }
  // Math.log2 only proposes the exponent; the exact rescaling and the checks below settle it, so an
  // engine whose log2 is a unit out still arrives at the same m and k.
  const guess = Math.min(Math.max(Math.floor(Math.log2(x)), -1022), 1023);
  let m = x * powerOfTwo(-guess);
  k += guess;
  while (m >= 2) {
    m /= 2;
    k += 1;
  }
  while (m < 1) {
    m *= 2;
    k -= 1;
  }
  if (m > sqrtTwo) {
    m /= 2;
    k += 1;
  }
  // log m = 2 atanh(s) with s = (m − 1) / (m + 1), |s| ≤ 0.1716, so s² ≤ 0.0295.
  const f = m - 1;
  const s = f / (2 + f);
  const s2 = s * s;
  const series =
    1 +
    s2 *
      (1 / 3 +
        s2 *
          (1 / 5 +
            s2 *
              (1 / 7 +
                s2 *
                  (1 / 9 +
                    s2 *
                      (1 / 11 + s2 * (1 / 13 + s2 * (1 / 15 + s2 * (1 / 17 + s2 * (1 / 19 + s2 / 21)))))))));
  const logM = 2 * s * series;
  return k * ln2High + (logM + k * ln2Low);
}

/**
 * Exponential, the same to the last bit in every JavaScript engine.
 *
 * @example
 * reproducibleExp(1) // → 2.718281828459045 (within one unit in the last place)
 * reproducibleExp(-1000) // → 0
 */
export function reproducibleExp(x: number): number {
  if (Number.isNaN(x)) return NaN;
  if (x > 709.782712893384) return Infinity;
  if (x < -745.1332191019412) return 0;
  const k = Math.floor(x / (ln2High + ln2Low) + 0.5);
  // r = x − k ln 2 in two steps so the reduction loses nothing: |r| ≤ 0.347.
  const r = x - k * ln2High - k * ln2Low;
  // Taylor series to r^15 / 15!: the first omitted term is below 2^−60 of the result.
  const series =
    1 +
    r *
      (1 +
        r *
          (1 / 2 +
            r *
              (1 / 6 +
                r *
                  (1 / 24 +
                    r *
                      (1 / 120 +
                        r *
                          (1 / 720 +
                            r *
                              (1 / 5040 +
                                r *
                                  (1 / 40320 +
                                    r *
                                      (1 / 362880 +
                                        r *
                                          (1 / 3628800 +
                                            r *
                                              (1 / 39916800 +
                                                r *
                                                  (1 / 479001600 +
                                                    r *
                                                      (1 / 6227020800 +
                                                        r *
                                                          (1 / 87178291200 + r / 1307674368000))))))))))))));
  // Scale by 2^k: one multiplication by an exact power of two, so at most one rounding.
  if (k > 1023) return series * 2 * powerOfTwo(k - 1);
  if (k < lowestExponent) return (series / 2) * powerOfTwo(k + 1);
  return series * powerOfTwo(k);
}

const halfLogTwoPi = 0.9189385332046728;

/**
 * ln Γ(x) for x > 0, by Stirling's series after shifting x up to at least 10 (error below 1e−15
 * relative there), the same in every JavaScript engine.
 *
 * @example
 * reproducibleLogGamma(5) // → 3.1780538303479458 (ln 24)
 */
export function reproducibleLogGamma(x: number): number {
  if (!(x > 0) || !Number.isFinite(x)) return NaN;
  let shift = 1;
  while (x < 10) {
    shift *= x;
    x += 1;
  }
  const inverse = 1 / x;
  const inverse2 = inverse * inverse;
  // Stirling's series with Bernoulli-number coefficients 1/12, −1/360, 1/1260, −1/1680, 1/1188, −691/360360.
  const tail =
    inverse *
    (1 / 12 +
      inverse2 *
        (-1 / 360 +
          inverse2 *
            (1 / 1260 + inverse2 * (-1 / 1680 + inverse2 * (1 / 1188 - (inverse2 * 691) / 360360)))));
  return (x - 0.5) * reproducibleLog(x) - x + halfLogTwoPi + tail - reproducibleLog(shift);
}
