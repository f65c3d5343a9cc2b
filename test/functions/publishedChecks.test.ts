import fs from "node:fs";
import path from "node:path";
import fc from "fast-check";
import { checkHeadline, checkTotal } from "../../src/functions/functions";
import {
  installCustomFunctionsDouble,
  removeCustomFunctionsDouble,
  RuntimeErrorDouble,
} from "./customFunctionsRuntimeDouble";

beforeAll(installCustomFunctionsDouble);
afterAll(removeCustomFunctionsDouble);

const row = (...values: unknown[]) => [values];

interface DarlingtonGolden {
  rows: { net: number; min: number | null; max: number | null }[];
  totals: { net: number; min: number; max: number };
}
const darlington = JSON.parse(
  fs.readFileSync(path.resolve(__dirname, "../../../shared/golden/darlington.json"), "utf8"),
) as DarlingtonGolden;

describe("CBA.CHECKTOTAL", () => {
  test("TRUE when the total foots; otherwise both figures and the difference", () => {
    expect(checkTotal(row(1140, 900, 400, 140, 80, 330), 2990)).toBe(true);
    expect(checkTotal(row(1140, 900, 400, 140, 80, 330), 2980)).toBe(
      "Total row 'Total' shows 2,980 but its lines sum to 2,990 (difference -10)",
    );
  });

  test("blank and N/A lines are left out; a printed rounding allows half of it either way", () => {
    expect(checkTotal([[100], [""], ["N/A"], [50]], 150)).toBe(true);
    expect(checkTotal(row(1400, 1600), 3000, 1000)).toBe(true);
    expect(typeof checkTotal(row(1400, 1600), 4000, 1000)).toBe("string");
  });

  test("text that is not a number is an error naming the line", () => {
    const result = checkTotal(row(100, "lots"), 100);
    expect(result).toBeInstanceOf(RuntimeErrorDouble);
    expect((result as RuntimeErrorDouble).message).toContain("lines[2]");
  });

  test("property: a total equal to the sum of its lines always agrees", () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: -1e6, max: 1e6 }), { minLength: 1, maxLength: 12 }), (lines) => {
        expect(
          checkTotal(
            [lines],
            lines.reduce((a, b) => a + b, 0),
          ),
        ).toBe(true);
      }),
    );
  });
});

describe("CBA.CHECKHEADLINE", () => {
  const inScope = darlington.totals.net - darlington.rows.find((r) => r.min === null)!.net;

  test("Darlington's 3.6% and 5.7% headlines do not follow from the table's totals over the whole net budget", () => {
    const minimum = darlington.totals.min / darlington.totals.net; // 3.4%
    const maximum = darlington.totals.max / darlington.totals.net; // 5.3%
    expect(checkHeadline("3.6%", minimum, "0.1%")).toMatch(
      /^The headline is published as 0\.036 but the calculation gives 0\.0344/,
    );
    expect(typeof checkHeadline("5.7%", maximum, "0.1%")).toBe("string");
  });

  test("they do follow from the rounded £5.4m and £8.4m over the in-scope budget, which is how they were worked out", () => {
    expect(checkHeadline(0.036, 5_400_000 / inScope, 0.001)).toBe(true);
    expect(checkHeadline(0.057, 8_400_000 / inScope, 0.001)).toBe(true);
  });

  test("without a printed rounding, the decimals of the published figure set it", () => {
    expect(checkHeadline(18, 18.4)).toBe(true);
    expect(typeof checkHeadline(18, 18.6)).toBe("string");
  });
});
