import fc from "fast-check";
import { driverAmounts, driverCases, driverCasesByName } from "../../src/engine/unitCostDrivers";
import { expectEngineError } from "./expectEngineError";

describe("driverAmounts", () => {
  it("multiplies a unit cost by a volume per period, either factor one value or a row", () => {
    expect(driverAmounts(350, [1200, 1250, 1300]).map(String)).toEqual(["420000", "437500", "455000"]);
    expect(driverAmounts([-2.5, -2.6], 10000).map(String)).toEqual(["-25000", "-26000"]);
    expect(driverAmounts([10, 20], [3, 4]).map(String)).toEqual(["30", "80"]);
    expect(driverAmounts(0.1, 3).map(String)).toEqual(["0.3"]);
  });

  it("refuses a negative volume naming the period, and rows of different lengths", () => {
    expectEngineError(() => driverAmounts(10, [5, -1]), "invalidNumber", "volume[1]");
    expectEngineError(() => driverAmounts([1, 2, 3], [1, 2]), "invalidValue", "volume");
    expectEngineError(() => driverAmounts("a lot", 2), "invalidValue", "unitCost");
  });

  it("property: with a single volume, the amounts are the unit costs scaled by it, period by period", () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: -1e6, max: 1e6 }), { minLength: 1, maxLength: 10 }),
        fc.integer({ min: 0, max: 1e5 }),
        (costs, volume) => {
          expect(driverAmounts(costs, volume).map(Number)).toEqual(costs.map((c) => c * volume || 0));
        },
      ),
    );
  });
});

describe("driverCases", () => {
  it("takes the range on either factor, keeping a single factor the same in every case", () => {
    const cases = driverCases(
      { best: 300, base: 350, worst: 400 },
      { best: [1000, 1100], worst: [900, 950] },
    );
    expect(cases.best.map(String)).toEqual(["300000", "330000"]);
    expect(cases.worst.map(String)).toEqual(["360000", "380000"]);
    expect(cases.base).toBeUndefined(); // the volume gives no base case
    const both = driverCases({ best: 300, base: 350, worst: 400 }, 10);
    expect(both.base!.map(String)).toEqual(["3500"]);
  });
});

describe("driverCasesByName", () => {
  it("works out every case both factors name, and leaves out a case one of them does not give", () => {
    const cases = driverCasesByName(
      { Best: 300, Base: 350, Worst: 400 },
      { Best: 1100, Worst: 900, "Demand +10%": 990 },
    );
    expect(Object.keys(cases)).toEqual(["Best", "Worst"]);
    expect(cases["Worst"]!.map(String)).toEqual(["360000"]);
  });

  it("takes a factor given once as the same in every case", () => {
    const cases = driverCasesByName(350, { Low: [100, 200], High: [150, 250], "Demand +10%": [110, 220] });
    expect(cases["Demand +10%"]!.map(String)).toEqual(["38500", "77000"]);
  });

  it("refuses two single factors, which name no case", () => {
    expectEngineError(() => driverCasesByName(1, 2), "invalidValue", "unitCost and volume");
  });
});
