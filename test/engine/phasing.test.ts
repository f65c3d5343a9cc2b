import fc from "fast-check";
import { Money } from "../../src/engine/money";
import { oneOffProfileTotal, phase } from "../../src/engine/phasing";
import { expectEngineError } from "./expectEngineError";

describe("phase", () => {
  it("multiplies the annual amount by each fraction and carries the last fraction on", () => {
    // Hampshire's HCC full annual saving of (1,804) ramped 25%, 50%, then in full.
    expect(phase(-1804, [0.25, 0.5, 1], 5).map(String)).toEqual(["-451", "-902", "-1804", "-1804", "-1804"]);
  });

  it("defaults to the profile's length and truncates a profile longer than the periods asked for", () => {
    expect(phase(1000, [0, 0.5, 1]).map(String)).toEqual(["0", "500", "1000"]);
    expect(phase(1000, [0, 0.5, 1], 2).map(String)).toEqual(["0", "500"]);
    expect(phase(1000, [0.5], 0)).toEqual([]);
  });

  it("keeps exact decimals (a third of £1,000 is not rounded) and never gives −0", () => {
    expect(
      phase(1000, [new Money(1).div(3)])[0]!
        .times(3)
        .minus(1000)
        .abs()
        .lt(1e-35),
    ).toBe(true);
    const zeroYear = phase(-1804, [0, 1])[0]!;
    expect(zeroYear.isZero() && !zeroYear.isNegative()).toBe(true);
  });

  it("property: every period after the profile ends repeats the last fraction's amount", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -1_000_000, max: 1_000_000 }),
        fc.array(fc.integer({ min: 0, max: 150 }), { minLength: 1, maxLength: 8 }),
        fc.integer({ min: 0, max: 20 }),
        (annual, percents, periods) => {
          const profile = percents.map((p) => new Money(p).div(100));
          const phased = phase(annual, profile, periods);
          expect(phased).toHaveLength(periods);
          phased.forEach((amount, t) => {
            const fraction = profile[Math.min(t, profile.length - 1)]!;
            expect(amount.eq(fraction.times(annual))).toBe(true);
          });
        },
      ),
    );
  });

  it("refuses an empty profile, negative fractions and bad periods, naming them", () => {
    expectEngineError(() => phase(1000, []), "invalidValue", "profile");
    expectEngineError(() => phase(1000, [0.5, -0.5]), "invalidNumber", "profile[1]");
    expectEngineError(() => phase(1000, [0.5, "half"]), "invalidValue", "profile[1]");
    expectEngineError(() => phase("a lot", [1]), "invalidValue", "annual");
    expectEngineError(() => phase(1000, [1], -1), "invalidNumber", "periods");
    expectEngineError(() => phase(1000, [1], 2.5), "invalidNumber", "periods");
    expectEngineError(() => phase(1000, "1" as unknown as number[]), "invalidValue", "profile");
  });
});

describe("oneOffProfileTotal", () => {
  it("adds the fractions and says whether they make the whole amount", () => {
    // 0.5 + 0.3 = 0.8: 20% of a one-off line would fall outside the profile.
    const short = oneOffProfileTotal([0.5, 0.3]);
    expect(short.total.toString()).toBe("0.8");
    expect(short.addsToWhole).toBe(false);
    // 0.25 + 0.25 + 0.5 = 1 exactly.
    expect(oneOffProfileTotal([0.25, 0.25, 0.5]).addsToWhole).toBe(true);
    // 0.6 + 0.6 = 1.2: more than the amount.
    expect(oneOffProfileTotal([0.6, 0.6]).addsToWhole).toBe(false);
  });

  it("accepts thirds typed as formulas, whose binary rounding is far inside 1e-9", () => {
    // =1/3 three times reads as 0.333…33 (17 digits) each: 1 − 3 × that is about 1e-16.
    expect(oneOffProfileTotal([1 / 3, 1 / 3, 1 / 3]).addsToWhole).toBe(true);
    expect(oneOffProfileTotal([0.5, 0.5 + 2e-9]).addsToWhole).toBe(false);
  });

  it("names a fraction that is not a number", () => {
    expect(() => oneOffProfileTotal([0.5, "x"])).toThrow(
      expect.objectContaining({ kind: "invalidValue", subject: "profile year 1" }),
    );
  });
});
