import * as formulajs from "@formulajs/formulajs";
import fc from "fast-check";
import {
  additionality,
  beneficiarySplit,
  driver,
  fundingGap,
  healthDiscountRates,
  loanRepayments,
  nominalToReal,
  npv,
  optimismBias,
  optimismBiasGrade,
  optimismBiasRate,
  realToNominal,
} from "../../src/functions/functions";
import {
  RuntimeErrorDouble,
  installCustomFunctionsDouble,
  removeCustomFunctionsDouble,
} from "./customFunctionsRuntimeDouble";

beforeAll(installCustomFunctionsDouble);
afterAll(removeCustomFunctionsDouble);

function expectError(result: unknown, code: "#VALUE!" | "#NUM!" | "#N/A", message: RegExp): void {
  expect(result).toBeInstanceOf(RuntimeErrorDouble);
  expect((result as RuntimeErrorDouble).code).toBe(code);
  expect((result as RuntimeErrorDouble).message).toMatch(message);
}
const grid = (result: unknown): number[][] => {
  expect(Array.isArray(result)).toBe(true);
  return result as number[][];
};
const row = (...values: unknown[]): unknown[][] => [values];
const column = (...values: unknown[]): unknown[][] => values.map((value) => [value]);
const near = (a: number, b: number, tolerance: number) =>
  expect(Math.abs(a - b)).toBeLessThanOrEqual(tolerance);

describe("CBA.OPTIMISMBIAS", () => {
  it("uplifts a row of costs and reduces a column of benefits, spilling the way they run", () => {
    expect(optimismBias(row(100, "", 200), 0.24)).toEqual([[124, 0, 248]]);
    expect(optimismBias(column(1000, 500), 0.15, "Benefit")).toEqual([[850], [425]]);
  });

  it("names the argument at fault", () => {
    expectError(optimismBias(row(1), -0.1), "#NUM!", /^percent: .*cannot be negative/);
    expectError(optimismBias(row(1), 1.5, "benefit"), "#NUM!", /^percent: .*more than 100%/);
    expectError(optimismBias(row(1), 0.2, "savings"), "#VALUE!", /^direction: must be "cost" or "benefit"/);
    expectError(optimismBias(row(1, "x"), 0.2), "#VALUE!", /^amounts\[1\]: is not a number/);
  });
});

describe("CBA.OPTIMISMBIASRATE", () => {
  it("gives the Green Book table's bounds", () => {
    expect(optimismBiasRate("Non-standard buildings")).toBe(0.51);
    expect(optimismBiasRate("equipment/development", "lower")).toBe(0.1);
    expect(optimismBiasRate("Standard civil engineering", "upper", "duration")).toBe(0.2);
    expect(optimismBiasRate("Outsourcing")).toBe(0.41);
  });

  it("says #N/A for outsourcing's duration and #VALUE! for an unknown type, naming it", () => {
    expectError(
      optimismBiasRate("Outsourcing", "upper", "duration"),
      "#N/A",
      /no optimism bias for the duration of outsourcing/,
    );
    expectError(optimismBiasRate("Bridges"), "#VALUE!", /^projectType: "Bridges" is not a project type/);
    expectError(optimismBiasRate(""), "#VALUE!", /^projectType: is blank/);
  });
});

describe("CBA.OPTIMISMBIASGRADE", () => {
  it("uses the default grades, or the partnership's own", () => {
    expect(optimismBiasGrade(5)).toBe(0.25);
    expect(optimismBiasGrade(2, row(1, 2, 3), row(0, 0.08, 0.2))).toBe(0.08);
  });

  it("refuses a grade not in the table, half a table, and rates that do not match the grades", () => {
    expectError(optimismBiasGrade(7), "#N/A", /^grade: 7 is not a confidence grade/);
    expectError(optimismBiasGrade(1, row(1, 2)), "#VALUE!", /^rates: is missing/);
    expectError(optimismBiasGrade(1, row(1, 2), row(0)), "#VALUE!", /^rates: gives 1 rates for 2 grades/);
    expectError(optimismBiasGrade(1, row(1, 2), row(0, -1)), "#NUM!", /^rates\[2\]: /);
  });
});

describe("CBA.DRIVER", () => {
  it("multiplies unit cost by volume per period", () => {
    expect(driver([[350]], row(1200, 1250, 1300))).toEqual([[420000, 437500, 455000]]);
    expect(driver(column(10, 20), [[3]])).toEqual([[30], [60]]);
  });

  it("refuses negative volumes and rows of different lengths", () => {
    expectError(driver([[10]], row(5, -1)), "#NUM!", /^volume\[1\]: .*cannot be negative/);
    expectError(
      driver(row(1, 2, 3), row(1, 2)),
      "#VALUE!",
      /^volume: covers 2 periods but unitCost covers 3/,
    );
  });
});

describe("CBA.ADDITIONALITY", () => {
  it("takes off deadweight and attribution and drops off from the benefit's first year", () => {
    const result = grid(additionality(row(0, 1000, 1000, 1000), 0.2, 0.25, 0.1))[0]!;
    [0, 600, 540, 486].forEach((expected, t) => near(result[t]!, expected, 1e-9));
  });

  it("names a fraction outside 0 to 1", () => {
    expectError(additionality(row(1), 1.2, 0), "#NUM!", /^deadweight: is 1.2/);
    expectError(additionality(row(1), 0, 0, -0.5), "#NUM!", /^dropOff: is -0.5/);
  });
});

describe("CBA.REALTONOMINAL and CBA.NOMINALTOREAL", () => {
  it("inflate and deflate by the index relative to the base year", () => {
    const nominal = grid(realToNominal(row(100, 100, 100), row(100, 102, 104.04)))[0]!;
    [100, 102, 104.04].forEach((expected, t) => near(nominal[t]!, expected, 1e-9));
    const real = grid(nominalToReal(row(100, 102, 104.04), column(100, 102, 104.04), 1))[0]!;
    [102, 102, 102].forEach((expected, t) => near(real[t]!, expected, 1e-9));
  });

  it("refuse a short index, a zero index value and a base year outside the index", () => {
    expectError(
      realToNominal(row(1, 2, 3), row(1, 1)),
      "#VALUE!",
      /^index: has 2 values but the amounts cover 3 periods/,
    );
    expectError(realToNominal(row(1, 2), row(1, 0)), "#NUM!", /^index\[1\]: .*greater than zero/);
    expectError(nominalToReal(row(1, 2), row(1, 1), 2), "#NUM!", /^baseYear: is 2/);
    expectError(nominalToReal(row(1, 2), row(1, ""), 0), "#VALUE!", /^index\[2\]: is blank/);
  });
});

describe("CBA.HEALTHDISCOUNTRATES", () => {
  it("gives 1.5% to year 30 and 1.286% from year 31, usable as CBA.NPV's rate", () => {
    const rates = grid(healthDiscountRates(31))[0]!;
    expect(rates).toHaveLength(31);
    expect(rates[29]).toBe(0.015);
    expect(rates[30]).toBe(0.01286);
    const value = npv(
      healthDiscountRates(31) as unknown[][],
      row(-100, ...Array.from({ length: 31 }, () => 10)),
    ) as number;
    let expected = -100;
    let factor = 1;
    for (let t = 1; t <= 31; t++) {
      factor /= t <= 30 ? 1.015 : 1.01286;
      expected += 10 * factor;
    }
    near(value, expected, 1e-9);
  });

  it("refuses more than 125 years", () => {
    expectError(healthDiscountRates(126), "#NUM!", /^periods: must be a whole number from 1 to 125/);
  });
});

describe("CBA.LOANREPAYMENTS", () => {
  // Microsoft's documented PMT example: PMT(8%/12, 10, 10000) = −1,037.03 (to the cent).
  it("an annuity's payment equals Excel's PMT(8%/12, 10, 10000) = −1,037.03 with the sign turned round, within half a cent", () => {
    const schedule = grid(loanRepayments(10000, 0.08 / 12, 10));
    expect(schedule).toHaveLength(10);
    schedule.forEach(([, , payment]) => near(payment!, 1037.03, 0.005));
    near(schedule[9]![3]!, 0, 1e-9);
  });

  it("property: an annuity's payment agrees with @formulajs/formulajs's PMT (a peer, not the truth) to a millionth of its size", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 10_000_000 }),
        fc.integer({ min: 0, max: 2000 }),
        fc.integer({ min: 1, max: 50 }),
        (principal, basisPoints, years) => {
          const payment = grid(loanRepayments(principal, basisPoints / 10000, years))[0]![2]!;
          const peer = -(formulajs.PMT(basisPoints / 10000, years, principal) as number);
          near(payment, peer, Math.abs(peer) * 1e-6);
        },
      ),
    );
  });

  it("straight line repays equal principal with interest on the falling balance", () => {
    expect(loanRepayments(1000, 0.1, 4, "Straight line")).toEqual([
      [100, 250, 350, 750],
      [75, 250, 325, 500],
      [50, 250, 300, 250],
      [25, 250, 275, 0],
    ]);
  });

  it("names a bad method, years or rate", () => {
    expectError(
      loanRepayments(1000, 0.1, 4, "balloon"),
      "#VALUE!",
      /^method: must be "annuity" or "straight line"/,
    );
    expectError(loanRepayments(1000, 0.1, 0), "#NUM!", /^years: must be a whole number from 1/);
    expectError(loanRepayments(1000, -0.1, 3), "#NUM!", /^rate: .*below zero/);
    expectError(loanRepayments(-5, 0.1, 3), "#NUM!", /^principal: .*cannot be negative/);
  });

  it("property: the principal repaid adds up to the amount borrowed (within a millionth), by either method", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 10_000_000 }),
        fc.integer({ min: 0, max: 1500 }),
        fc.integer({ min: 1, max: 40 }),
        fc.constantFrom("annuity", "straight line"),
        (principal, basisPoints, years, method) => {
          const schedule = grid(loanRepayments(principal, basisPoints / 10000, years, method));
          near(
            schedule.reduce((total, year) => total + year[1]!, 0),
            principal,
            1e-6,
          );
        },
      ),
    );
  });
});

describe("CBA.FUNDINGGAP", () => {
  it("gives each line's shortfall (positive) or over-funding (negative) from amounts", () => {
    expect(
      fundingGap(column(1000, 400, 200), [
        [500, 500],
        [300, 150],
        [150, ""],
      ]),
    ).toEqual([[0], [-50], [50]]);
  });

  it("takes funding as fractions of each line's cost", () => {
    expect(
      fundingGap(
        column(1000, 200),
        [
          [0.5, 0.5],
          [0.25, 0.25],
        ],
        "percent",
      ),
    ).toEqual([[0], [100]]);
  });

  it("names the cell at fault", () => {
    expectError(
      fundingGap(column(100, 200), [[50]]),
      "#VALUE!",
      /^funding: has 1 row but there are 2 cost lines/,
    );
    expectError(fundingGap(column(100), [[-5, 1]]), "#NUM!", /^funding row 1, column 1: is -5/);
    expectError(fundingGap(column(100), [[1.5]], "percent"), "#NUM!", /^funding row 1, column 1: is 1.5/);
    expectError(fundingGap(column(100, -1), [[1], [1]]), "#NUM!", /^costs\[2\]: is -1/);
    expectError(fundingGap(column(100, ""), [[1], [1]]), "#VALUE!", /^costs\[2\]: is blank/);
  });

  it("property: a line funded by amounts that add up to its cost has no gap", () => {
    fc.assert(
      fc.property(
        fc.array(fc.array(fc.integer({ min: 0, max: 100000 }), { minLength: 1, maxLength: 4 }), {
          minLength: 1,
          maxLength: 6,
        }),
        (parts) => {
          const width = Math.max(...parts.map((p) => p.length));
          const table = parts.map((p) => [...p, ...Array.from({ length: width - p.length }, () => "")]);
          const costs = parts.map((p) => [p.reduce((a, b) => a + b, 0)]);
          expect(fundingGap(costs, table)).toEqual(costs.map(() => [0]));
        },
      ),
    );
  });
});

describe("CBA.BENEFICIARYSPLIT", () => {
  it("splits each benefit by its row of shares in whole units, each row adding up to its benefit", () => {
    expect(
      beneficiarySplit(
        column(1000, 250),
        [
          [0.16, 0.6, 0.24],
          [1 / 3, 1 / 3, 1 / 3],
        ],
        1,
      ),
    ).toEqual([
      [160, 600, 240],
      [84, 83, 83],
    ]);
    expect(beneficiarySplit(column(100, 50), row(0.5, 0.5), 1)).toEqual([
      [50, 50],
      [25, 25],
    ]);
  });

  it("refuses shares that do not add up to 100%, naming the row", () => {
    expectError(
      beneficiarySplit(
        column(100, 100),
        [
          [0.5, 0.5],
          [0.6, 0.35],
        ],
        1,
      ),
      "#VALUE!",
      /^shares row 2: .*add up to 95%, not 100%/,
    );
    expectError(
      beneficiarySplit(column(100), [[0.5, -0.5, 1]], 1),
      "#NUM!",
      /^shares row 1, column 2: is -0.5: a share cannot be negative/,
    );
    expectError(
      beneficiarySplit(column(100.5), row(1), 1),
      "#NUM!",
      /^benefits: 100.5 is not a whole number of rounding units/,
    );
    expectError(
      beneficiarySplit(column(1, 2, 3), [[1], [1]]),
      "#VALUE!",
      /^shares: has 2 rows for 3 benefits/,
    );
  });

  it("property: each row of parts adds up to exactly its benefit", () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 1_000_000 }), { minLength: 1, maxLength: 5 }),
        fc.array(fc.integer({ min: 1, max: 100 }), { minLength: 1, maxLength: 5 }),
        (benefits, weights) => {
          const total = weights.reduce((a, b) => a + b, 0);
          const shares = [weights.map((w) => w / total)];
          const parts = grid(
            beneficiarySplit(
              benefits.map((b) => [b]),
              shares,
              1,
            ),
          );
          parts.forEach((p, r) => expect(p.reduce((a, b) => a + b, 0)).toBe(benefits[r]));
        },
      ),
    );
  });
});
