import fc from "fast-check";
import {
  reproducibleExp,
  reproducibleLog,
  reproducibleLogGamma,
} from "../../../src/engine/monteCarlo/reproducibleMath";

const ulp = Number.EPSILON;

describe("reproducibleLog", () => {
  it("property: agrees with Math.log to within two units in the last place over the whole range of doubles", () => {
    fc.assert(
      fc.property(fc.double({ min: 5e-324, max: 1.7e308, noNaN: true }), (x) => {
        const expected = Math.log(x);
        const error = Math.abs(reproducibleLog(x) - expected);
        expect(error).toBeLessThanOrEqual(2 * ulp * Math.max(Math.abs(expected), 1e-300) + 1e-300);
      }),
      { numRuns: 2000 },
    );
  });

  it("is exact where the answer is: log 1 = 0, and whole powers of two are multiples of ln 2", () => {
    expect(reproducibleLog(1)).toBe(0);
    expect(reproducibleLog(2) / Math.LN2).toBeCloseTo(1, 15);
    expect(reproducibleLog(2 ** -1074)).toBeCloseTo(-1074 * Math.LN2, 10);
  });

  it("gives −Infinity at 0 and NaN for negatives, as Math.log does", () => {
    expect(reproducibleLog(0)).toBe(-Infinity);
    expect(reproducibleLog(-1)).toBeNaN();
    expect(reproducibleLog(Infinity)).toBe(Infinity);
  });
});

describe("reproducibleExp", () => {
  it("property: agrees with Math.exp to within two units in the last place", () => {
    fc.assert(
      fc.property(fc.double({ min: -708, max: 709, noNaN: true }), (x) => {
        const expected = Math.exp(x);
        expect(Math.abs(reproducibleExp(x) - expected)).toBeLessThanOrEqual(2 * ulp * expected);
      }),
      { numRuns: 2000 },
    );
  });

  it("property: undoes reproducibleLog", () => {
    fc.assert(
      fc.property(fc.double({ min: 1e-300, max: 1e300, noNaN: true }), (x) => {
        expect(Math.abs(reproducibleExp(reproducibleLog(x)) - x)).toBeLessThanOrEqual(1e-12 * x);
      }),
    );
  });

  it("handles the ends of the range: 1 at 0, subnormals, underflow to 0 and overflow to Infinity", () => {
    expect(reproducibleExp(0)).toBe(1);
    expect(reproducibleExp(-744) / Math.exp(-744)).toBeCloseTo(1, 0);
    expect(reproducibleExp(-800)).toBe(0);
    expect(reproducibleExp(710)).toBe(Infinity);
  });
});

describe("reproducibleLogGamma", () => {
  it("matches ln((n − 1)!) at whole numbers and ln √π at one half", () => {
    let factorial = 1;
    for (let n = 1; n <= 20; n++) {
      expect(reproducibleLogGamma(n)).toBeCloseTo(Math.log(factorial), 12);
      factorial *= n;
    }
    expect(reproducibleLogGamma(0.5)).toBeCloseTo(Math.log(Math.sqrt(Math.PI)), 13);
  });

  it("property: satisfies Γ(x + 1) = x Γ(x)", () => {
    fc.assert(
      fc.property(fc.double({ min: 0.05, max: 50, noNaN: true }), (x) => {
        expect(reproducibleLogGamma(x + 1) - reproducibleLogGamma(x)).toBeCloseTo(Math.log(x), 11);
      }),
    );
  });
});
