import fc from "fast-check";
import { EngineError } from "../../src/engine/errors";
import { Money } from "../../src/engine/money";
import {
  hampshireRiskBands,
  riskAdjustedContingency,
  riskBand,
  riskScore,
  scoreRegister,
  type RiskBands,
  type RiskEntry,
} from "../../src/engine/riskRegister";

function engineErrorOf(run: () => unknown): EngineError {
  try {
    run();
  } catch (error) {
    if (error instanceof EngineError) return error;
    throw error;
  }
  throw new Error("expected an EngineError");
}

describe("riskScore", () => {
  it("multiplies likelihood by impact", () => {
    expect(riskScore(3, 4)).toBe(12);
    expect(riskScore(1, 1)).toBe(1);
    expect(riskScore(5, 5)).toBe(25);
  });

  it("accepts other scales", () => {
    expect(riskScore(6, 2, { likelihoodMax: 6, impactMax: 3 })).toBe(12);
    expect(() => riskScore(2, 4, { likelihoodMax: 6, impactMax: 3 })).toThrow(EngineError);
  });

  it.each([
    [0, 3, "likelihood"],
    [6, 3, "likelihood"],
    [2.5, 3, "likelihood"],
    [3, 0, "impact"],
    [3, 6, "impact"],
    [3, Number.NaN, "impact"],
    [3, Number.POSITIVE_INFINITY, "impact"],
  ])("rejects likelihood %p, impact %p with an error naming the %s", (likelihood, impact, subject) => {
    const error = engineErrorOf(() => riskScore(likelihood, impact));
    expect(error.kind).toBe("invalidNumber");
    expect(error.subject).toBe(subject);
  });

  it("names the risk in the error when given one", () => {
    const error = engineErrorOf(() => riskScore(7, 2, undefined, "HR 1"));
    expect(error.subject).toBe("likelihood of risk 'HR 1'");
    expect(error.message).toContain("from 1 to 5");
  });

  it("reports a non-number rating as #VALUE!", () => {
    const error = engineErrorOf(() => riskScore("3" as unknown as number, 2));
    expect(error.kind).toBe("invalidValue");
  });

  it("rejects a scale that is not a whole number of points", () => {
    expect(engineErrorOf(() => riskScore(1, 1, { likelihoodMax: 0, impactMax: 5 })).subject).toBe(
      "risk scale likelihoodMax",
    );
    expect(engineErrorOf(() => riskScore(1, 1, { likelihoodMax: 5, impactMax: 4.5 })).subject).toBe(
      "risk scale impactMax",
    );
  });

  it("property: the score is symmetric in likelihood and impact", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 5 }), fc.integer({ min: 1, max: 5 }), (a, b) => {
        expect(riskScore(a, b)).toBe(riskScore(b, a));
      }),
    );
  });

  it("property: raising either rating never lowers the score", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 4 }), fc.integer({ min: 1, max: 5 }), (likelihood, impact) => {
        expect(riskScore(likelihood + 1, impact)).toBeGreaterThan(riskScore(likelihood, impact));
        expect(riskScore(impact, likelihood + 1)).toBeGreaterThan(riskScore(impact, likelihood));
      }),
    );
  });
});

describe("riskBand", () => {
  it("uses Hampshire's bands by default, with thresholds as inclusive upper bounds", () => {
    expect([1, 10, 11, 15, 16, 25].map((score) => riskBand(score))).toEqual([
      "Low",
      "Low",
      "Medium",
      "Medium",
      "High",
      "High",
    ]);
  });

  it("uses configured bands", () => {
    const bands: RiskBands = { thresholds: [4, 9, 16], labels: ["Green", "Amber", "Red", "Black"] };
    expect([4, 5, 9, 10, 16, 17].map((score) => riskBand(score, bands))).toEqual([
      "Green",
      "Amber",
      "Amber",
      "Red",
      "Red",
      "Black",
    ]);
  });

  it("accepts a single band with no thresholds", () => {
    expect(riskBand(25, { thresholds: [], labels: ["Any"] })).toBe("Any");
  });

  it("rejects thresholds that are not ascending", () => {
    const error = engineErrorOf(() => riskBand(5, { thresholds: [15, 10], labels: ["L", "M", "H"] }));
    expect(error.subject).toBe("risk band threshold 2");
    expect(error.message).toContain("ascending");
    expect(() => riskBand(5, { thresholds: [10, 10], labels: ["L", "M", "H"] })).toThrow(EngineError);
  });

  it("rejects a label count that is not one more than the thresholds", () => {
    const error = engineErrorOf(() => riskBand(5, { thresholds: [10, 15], labels: ["L", "H"] }));
    expect(error.subject).toBe("risk band labels");
    expect(error.kind).toBe("invalidValue");
  });

  it("rejects blank or repeated labels and non-finite thresholds", () => {
    expect(() => riskBand(5, { thresholds: [10], labels: ["Low", " "] })).toThrow(EngineError);
    expect(() => riskBand(5, { thresholds: [10], labels: ["Low", "Low"] })).toThrow(EngineError);
    expect(() => riskBand(5, { thresholds: [Number.NaN], labels: ["Low", "High"] })).toThrow(EngineError);
  });

  it("rejects negative and non-finite scores", () => {
    expect(engineErrorOf(() => riskBand(-1)).kind).toBe("invalidNumber");
    expect(engineErrorOf(() => riskBand(Number.NaN)).kind).toBe("invalidNumber");
  });

  const ascendingBands = fc
    .uniqueArray(fc.integer({ min: 0, max: 30 }), { maxLength: 5 })
    .map((values): RiskBands => {
      const thresholds = [...values].sort((a, b) => a - b);
      return { thresholds, labels: [...thresholds, "top"].map((_, index) => `band ${index}`) };
    });

  it("property: the band never falls as the score rises", () => {
    fc.assert(
      fc.property(
        ascendingBands,
        fc.integer({ min: 0, max: 40 }),
        fc.integer({ min: 0, max: 40 }),
        (bands, a, b) => {
          const [low, high] = a <= b ? [a, b] : [b, a];
          const rank = (score: number) => bands.labels.indexOf(riskBand(score, bands));
          expect(rank(low)).toBeLessThanOrEqual(rank(high));
        },
      ),
    );
  });

  it("property: a score equal to a threshold falls in that threshold's band, one above it in the next", () => {
    fc.assert(
      fc.property(ascendingBands, (bands) => {
        bands.thresholds.forEach((threshold, index) => {
          expect(riskBand(threshold, bands)).toBe(bands.labels[index]);
          expect(riskBand(threshold + 0.5, bands)).toBe(bands.labels[index + 1]);
        });
      }),
    );
  });
});

describe("scoreRegister", () => {
  const register: RiskEntry[] = [
    { name: "BP 1", likelihood: 3, impact: 5, factors: [1, 2, 3] },
    { name: "OC 1", likelihood: 4, impact: 4, factors: [3] },
    { name: "HR 1", likelihood: 2, impact: 3, factors: [2, 2] },
    { name: "NS 1", likelihood: 3, impact: 5 },
  ];

  it("scores and bands every risk", () => {
    const summary = scoreRegister(register);
    expect(summary.risks.map((risk) => [risk.name, risk.score, risk.band])).toEqual([
      ["BP 1", 15, "Medium"],
      ["OC 1", 16, "High"],
      ["HR 1", 6, "Low"],
      ["NS 1", 15, "Medium"],
    ]);
    expect(summary.risks[2]?.factors).toEqual([2]);
    expect(summary.risks[3]?.factors).toEqual([]);
  });

  it("counts every band, keeping zero counts, in band order", () => {
    expect(scoreRegister(register).bandCounts).toEqual([
      { band: "Low", count: 1 },
      { band: "Medium", count: 2 },
      { band: "High", count: 1 },
    ]);
    expect(scoreRegister([]).bandCounts).toEqual([
      { band: "Low", count: 0 },
      { band: "Medium", count: 0 },
      { band: "High", count: 0 },
    ]);
  });

  it("lays the heat map out with impact high to low down the rows and likelihood low to high across", () => {
    const { heatMap } = scoreRegister(register);
    expect(heatMap.impactLevels).toEqual([5, 4, 3, 2, 1]);
    expect(heatMap.likelihoodLevels).toEqual([1, 2, 3, 4, 5]);
    expect(heatMap.counts).toEqual([
      [0, 0, 2, 0, 0],
      [0, 0, 0, 1, 0],
      [0, 1, 0, 0, 0],
      [0, 0, 0, 0, 0],
      [0, 0, 0, 0, 0],
    ]);
  });

  it("sizes the heat map to the scale", () => {
    const { heatMap } = scoreRegister([{ name: "A", likelihood: 1, impact: 3 }], {
      scale: { likelihoodMax: 4, impactMax: 3 },
    });
    expect(heatMap.impactLevels).toEqual([3, 2, 1]);
    expect(heatMap.likelihoodLevels).toEqual([1, 2, 3, 4]);
    expect(heatMap.counts).toEqual([
      [1, 0, 0, 0],
      [0, 0, 0, 0],
      [0, 0, 0, 0],
    ]);
  });

  it("lists the achievability factors no risk covers, with names when given", () => {
    expect(scoreRegister(register, { achievabilityFactors: 5 }).uncoveredFactors).toEqual([
      { factor: 4 },
      { factor: 5 },
    ]);
    expect(
      scoreRegister(register, { achievabilityFactors: ["Sponsor", "Vision", "Lead", "Team"] })
        .uncoveredFactors,
    ).toEqual([{ factor: 4, name: "Team" }]);
  });

  it("without a factor count, looks only for gaps below the highest factor mentioned", () => {
    expect(
      scoreRegister([{ name: "A", likelihood: 1, impact: 1, factors: [1, 4] }]).uncoveredFactors,
    ).toEqual([{ factor: 2 }, { factor: 3 }]);
  });

  it("names the risk whose rating or factor is wrong", () => {
    expect(engineErrorOf(() => scoreRegister([{ name: "HR 1", likelihood: 6, impact: 2 }])).subject).toBe(
      "likelihood of risk 'HR 1'",
    );
    expect(engineErrorOf(() => scoreRegister([{ name: "HR 2", likelihood: 2, impact: 1.5 }])).subject).toBe(
      "impact of risk 'HR 2'",
    );
    const factorError = engineErrorOf(() =>
      scoreRegister([{ name: "HR 3", likelihood: 2, impact: 2, factors: [11] }], {
        achievabilityFactors: 10,
      }),
    );
    expect(factorError.subject).toBe("factors of risk 'HR 3'");
    expect(factorError.message).toContain("from 1 to 10");
    expect(() => scoreRegister([{ name: "HR 4", likelihood: 2, impact: 2, factors: [0] }])).toThrow(
      EngineError,
    );
  });

  it("rejects unnamed and duplicated risks", () => {
    expect(engineErrorOf(() => scoreRegister([{ name: "", likelihood: 1, impact: 1 }])).subject).toBe(
      "risk 1",
    );
    expect(
      engineErrorOf(() =>
        scoreRegister([
          { name: "A", likelihood: 1, impact: 1 },
          { name: "A", likelihood: 2, impact: 2 },
        ]),
      ).subject,
    ).toBe("risk 'A'");
  });

  it("rejects a factor count that is not a whole number", () => {
    expect(engineErrorOf(() => scoreRegister(register, { achievabilityFactors: 2.5 })).subject).toBe(
      "achievabilityFactors",
    );
  });

  const riskList = fc
    .array(
      fc.record({ likelihood: fc.integer({ min: 1, max: 5 }), impact: fc.integer({ min: 1, max: 5 }) }),
      {
        maxLength: 40,
      },
    )
    .map((rows) => rows.map((row, index): RiskEntry => ({ name: `Risk ${index + 1}`, ...row })));

  it("property: the heat-map counts sum to the number of risks", () => {
    fc.assert(
      fc.property(riskList, (risks) => {
        const total = scoreRegister(risks)
          .heatMap.counts.flat()
          .reduce((a, b) => a + b, 0);
        expect(total).toBe(risks.length);
      }),
    );
  });

  it("property: the band counts sum to the number of risks", () => {
    fc.assert(
      fc.property(riskList, (risks) => {
        const total = scoreRegister(risks).bandCounts.reduce((a, b) => a + b.count, 0);
        expect(total).toBe(risks.length);
      }),
    );
  });

  it("property: each heat-map cell counts exactly the risks with that impact and likelihood", () => {
    fc.assert(
      fc.property(riskList, (risks) => {
        const { heatMap } = scoreRegister(risks);
        heatMap.impactLevels.forEach((impact, row) => {
          heatMap.likelihoodLevels.forEach((likelihood, column) => {
            const expected = risks.filter((r) => r.impact === impact && r.likelihood === likelihood).length;
            expect(heatMap.counts[row]?.[column]).toBe(expected);
          });
        });
      }),
    );
  });

  it("property: a factor is uncovered exactly when no risk lists it", () => {
    fc.assert(
      fc.property(
        fc.array(fc.uniqueArray(fc.integer({ min: 1, max: 8 }), { maxLength: 8 }), { maxLength: 6 }),
        (factorLists) => {
          const risks = factorLists.map((factors, index) => ({
            name: `R${index}`,
            likelihood: 1,
            impact: 1,
            factors,
          }));
          const uncovered = scoreRegister(risks, { achievabilityFactors: 8 }).uncoveredFactors.map(
            (u) => u.factor,
          );
          for (let factor = 1; factor <= 8; factor++) {
            expect(uncovered.includes(factor)).toBe(!factorLists.some((list) => list.includes(factor)));
          }
        },
      ),
    );
  });
});

describe("riskAdjustedContingency", () => {
  it("sums probability times cost impact exactly", () => {
    const contingency = riskAdjustedContingency([
      { probability: "0.1", costImpact: "0.3" },
      { probability: "0.2", costImpact: "0.1" },
      { probability: 1, costImpact: 250 },
      { probability: 0, costImpact: 1e6 },
    ]);
    // 0.03 + 0.02 + 250, exact in decimals where binary floating point would drift
    expect(contingency.eq(new Money("250.05"))).toBe(true);
  });

  it("is zero for an empty register", () => {
    expect(riskAdjustedContingency([]).isZero()).toBe(true);
  });

  it("rejects probabilities outside 0 to 1, naming the item", () => {
    const error = engineErrorOf(() =>
      riskAdjustedContingency([
        { probability: 0.5, costImpact: 10 },
        { probability: 1.2, costImpact: 10 },
      ]),
    );
    expect(error.subject).toBe("probability of item 2");
    expect(error.kind).toBe("invalidNumber");
    expect(
      engineErrorOf(() =>
        riskAdjustedContingency([{ name: "ICT overrun", probability: -0.1, costImpact: 10 }]),
      ).subject,
    ).toBe("probability of risk 'ICT overrun'");
  });

  it("rejects a cost impact that is not a number", () => {
    const error = engineErrorOf(() => riskAdjustedContingency([{ probability: 0.5, costImpact: "lots" }]));
    expect(error.subject).toBe("cost impact of item 1");
    expect(error.kind).toBe("invalidValue");
  });

  it("property: the contingency lies between zero and the total cost impact for non-negative costs", () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            probability: fc.integer({ min: 0, max: 100 }).map((p) => new Money(p).div(100)),
            costImpact: fc.integer({ min: 0, max: 1_000_000 }),
          }),
          { maxLength: 20 },
        ),
        (items) => {
          const contingency = riskAdjustedContingency(items);
          const totalImpact = items.reduce((a, b) => a + b.costImpact, 0);
          expect(contingency.gte(0)).toBe(true);
          expect(contingency.lte(totalImpact)).toBe(true);
        },
      ),
    );
  });
});

describe("hampshireRiskBands", () => {
  it("is Hampshire's 10 / 15 split into Low, Medium, High", () => {
    expect(hampshireRiskBands).toEqual({ thresholds: [10, 15], labels: ["Low", "Medium", "High"] });
  });
});
