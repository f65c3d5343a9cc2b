import * as fs from "fs";
import * as path from "path";
import { hampshireRiskBands, riskBand, riskScore, scoreRegister } from "../../src/engine/riskRegister";

interface GoldenRisk {
  risk: string;
  likelihood: number;
  impact: number;
  score: number;
  band: string;
  factors: number[];
}

interface HampshireRiskRegister {
  method: string;
  rows: GoldenRisk[];
  achievability_factors: string[];
  observations: string;
}

// CI checks the shared folder out beside the repository.
const goldenPath = path.resolve(__dirname, "../../../shared/golden/hampshire.json");
const golden = JSON.parse(fs.readFileSync(goldenPath, "utf8")) as { risk_register: HampshireRiskRegister };
const register = golden.risk_register;

const summary = scoreRegister(
  register.rows.map((row) => ({
    name: row.risk,
    likelihood: row.likelihood,
    impact: row.impact,
    factors: row.factors,
  })),
  { bands: hampshireRiskBands, achievabilityFactors: register.achievability_factors },
);

describe("Hampshire risk register (Appendix I)", () => {
  it("has the twelve published risks", () => {
    expect(register.rows).toHaveLength(12);
    expect(summary.risks).toHaveLength(register.rows.length);
  });

  it("states the bands the engine's Hampshire bands encode", () => {
    // "1-10 Low, 11-15 Medium, 16-25 High" → upper bounds 10 and 15, labels in order
    const bands = [...register.method.matchAll(/(\d+)-(\d+) (\w+)/g)].map((m) => ({
      upper: Number(m[2]),
      label: m[3],
    }));
    expect(bands.map((b) => b.label)).toEqual(hampshireRiskBands.labels);
    expect(bands.slice(0, -1).map((b) => b.upper)).toEqual(hampshireRiskBands.thresholds);
  });

  it.each(register.rows.map((row, index) => [row.risk, index] as const))(
    "scores and bands '%s' from its likelihood and impact",
    (_name, index) => {
      const row = register.rows[index]!;
      const computed = summary.risks[index]!;
      expect(computed.name).toBe(row.risk);
      expect(computed.score).toBe(row.score);
      expect(computed.band).toBe(row.band);
      // The single-risk functions agree with the register summary.
      expect(riskScore(row.likelihood, row.impact)).toBe(row.score);
      expect(riskBand(computed.score)).toBe(row.band);
    },
  );

  it("reproduces the band counts in the observations", () => {
    const observed = Object.fromEntries(
      [...register.observations.matchAll(/(\d+) (Low|Medium|High)/g)].map((m) => [m[2], Number(m[1])]),
    );
    expect(Object.keys(observed).sort()).toEqual([...hampshireRiskBands.labels].sort());
    expect(Object.fromEntries(summary.bandCounts.map((b) => [b.band, b.count]))).toEqual(observed);
  });

  it("finds the achievability factor linked to no risk", () => {
    const stated = [...register.observations.matchAll(/factor (\d+) is linked to no risk/g)].map((m) =>
      Number(m[1]),
    );
    expect(stated.length).toBeGreaterThan(0);
    expect(summary.uncoveredFactors.map((u) => u.factor)).toEqual(stated);
    expect(summary.uncoveredFactors.map((u) => u.name)).toEqual(
      stated.map((factor) => register.achievability_factors[factor - 1]),
    );
  });

  it("places every risk in the heat map cell for its impact (row, high first) and likelihood (column)", () => {
    const { heatMap } = summary;
    expect(heatMap.counts.flat().reduce((a, b) => a + b, 0)).toBe(register.rows.length);
    for (const row of register.rows) {
      const r = heatMap.impactLevels.indexOf(row.impact);
      const c = heatMap.likelihoodLevels.indexOf(row.likelihood);
      const sameCell = register.rows.filter(
        (o) => o.impact === row.impact && o.likelihood === row.likelihood,
      );
      expect(heatMap.counts[r]?.[c]).toBe(sameCell.length);
    }
    expect(heatMap.impactLevels[0]).toBeGreaterThan(heatMap.impactLevels[heatMap.impactLevels.length - 1]!);
  });
});
