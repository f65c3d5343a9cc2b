import fc from "fast-check";
import { netAdditionalBenefits } from "../../src/engine/additionality";
import { Money } from "../../src/engine/money";
import { expectEngineError } from "./expectEngineError";

describe("netAdditionalBenefits", () => {
  it("takes off deadweight and attribution, then drops off year on year from the benefit's first year", () => {
    const result = netAdditionalBenefits([0, 1000, 1000, 1000], {
      deadweight: 0.2,
      attribution: 0.25,
      dropOff: 0.1,
    });
    // 1000 × 0.8 × 0.75 = 600 in the first year of benefit, then 90% of the year before's share.
    expect(result.net.map(String)).toEqual(["0", "600", "540", "486"]);
    expect(result.factors.map(String)).toEqual(["0.6", "0.6", "0.54", "0.486"]);
  });

  it("keeps the sign of savings entered as negative amounts", () => {
    expect(netAdditionalBenefits([-500], { deadweight: 0.1, attribution: 0 }).net.map(String)).toEqual([
      "-450",
    ]);
  });

  it("refuses fractions outside 0 to 1, naming them", () => {
    expectEngineError(
      () => netAdditionalBenefits([1], { deadweight: 1.2, attribution: 0 }),
      "invalidNumber",
      "deadweight",
    );
    expectEngineError(
      () => netAdditionalBenefits([1], { deadweight: 0, attribution: -0.1 }),
      "invalidNumber",
      "attribution",
    );
    expectEngineError(
      () => netAdditionalBenefits([1], { deadweight: 0, attribution: 0, dropOff: 2 }),
      "invalidNumber",
      "dropOff",
    );
    expectEngineError(
      () => netAdditionalBenefits([1, "x"], { deadweight: 0, attribution: 0 }),
      "invalidValue",
      "benefits[1]",
    );
  });

  it("property: with no deadweight, attribution or drop-off the net benefit is the gross benefit", () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: -1e9, max: 1e9 }), { minLength: 1, maxLength: 12 }), (gross) => {
        expect(
          netAdditionalBenefits(gross, { deadweight: 0, attribution: 0, dropOff: 0 }).net.map(Number),
        ).toEqual(gross.map((g) => g || 0));
      }),
    );
  });

  it("property: the net benefit never exceeds the gross in size, and each year after the first keeps (1 − drop-off) of the year before's factor", () => {
    const fraction = fc.integer({ min: 0, max: 100 }).map((p) => new Money(p).div(100));
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 1, max: 1e6 }), { minLength: 2, maxLength: 10 }),
        fraction,
        fraction,
        fraction,
        (gross, deadweight, attribution, dropOff) => {
          const { net, factors } = netAdditionalBenefits(gross, { deadweight, attribution, dropOff });
          net.forEach((n, t) => expect(n.abs().lte(gross[t]!)).toBe(true));
          for (let t = 1; t < factors.length; t++) {
            expect(factors[t]!.equals(factors[t - 1]!.times(new Money(1).minus(dropOff)))).toBe(true);
          }
        },
      ),
    );
  });
});
