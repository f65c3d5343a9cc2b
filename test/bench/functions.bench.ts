import { readFileSync } from "node:fs";
import path from "node:path";
import * as customFunctions from "../../src/functions/functions";
import type { BenchCase, BenchSection } from "./benchmark";

/**
 * What a recalculation costs: 10,000 calls of each CBA function on inputs the size of a real
 * business case (Hampshire's baseline and risk register, ten-year cashflows), as Excel would pass
 * them (ranges as rows of cells); a Monte Carlo call is a whole simulation, so its rows make 100 or
 * 10 calls and say so. The result column counts the calls that answered with values rather than
 * an error, so a fast case that only produced errors would show.
 */
const calls = 10_000;

interface Hampshire {
  baseline: { gbp_k: Record<string, number[]> };
  risk_register: { rows: { likelihood: number; impact: number; score: number }[] };
}

function hampshire(): Hampshire {
  return JSON.parse(
    readFileSync(path.resolve(__dirname, "../../../shared/golden/hampshire.json"), "utf8"),
  ) as Hampshire;
}

// A ten-year case in £k: set-up costs in years 0–1, savings ramping up from year 1.
const costs = [2545, 300, 40, 40, 40, 40, 40, 40, 40, 40, 40];
const benefits = [0, 500, 1400, 1950, 1950, 1950, 1950, 1950, 1950, 1950, 1950];
const net = costs.map((cost, t) => benefits[t]! - cost);
const row = (values: readonly unknown[]): unknown[][] => [[...values]];

type Call = () => unknown;

/** `count` calls of one function; fewer than 10,000 only where one call is a whole simulation. */
function timedCalls(name: string, prepare: () => Call, count = calls): BenchCase {
  return {
    name,
    setup: prepare,
    run: (prepared) => {
      const call = prepared as Call;
      let answered = 0;
      for (let i = 0; i < count; i++) {
        const result = call();
        if (typeof result === "number" || Array.isArray(result)) answered++;
      }
      return `${answered}/${count} answered`;
    },
  };
}

/** The ten-year case as low / likely / high ranges, `lines` lines of each: costs −10% / +30%, benefits −40% / +10%. */
function uncertainCase(lines: number): unknown[][][] {
  const table = (values: readonly number[], factor: number): number[][] =>
    Array.from({ length: lines }, () => values.map((v) => v * factor));
  return [
    table(costs, 0.9),
    table(costs, 1),
    table(costs, 1.3),
    table(benefits, 0.6),
    table(benefits, 1),
    table(benefits, 1.1),
  ];
}

const f = customFunctions;

export const sections: BenchSection[] = [
  {
    title: "Custom functions: 10,000 calls each (Monte Carlo: as named)",
    workload:
      "Hampshire baseline (4 areas × 3 partners) and 12-risk register; ten-year cashflows (11 periods) at 3.5%; ranges passed as rows of cells.",
    cases: [
      timedCalls("CBA.SHARES (4 × 3 table, whole percent)", () => {
        const table = Object.entries(hampshire().baseline.gbp_k)
          .filter(([area]) => area !== "Occupational Health")
          .map(([, values]) => values);
        return () => f.shares(table, 0);
      }),
      timedCalls("CBA.APPORTION (4 amounts × 3 partners, £k)", () => {
        const amounts = [[2545], [2845], [-1950], [-870]];
        const weights = [[0.73, 0.22, 0.05]];
        return () => f.apportion(amounts, weights, 1);
      }),
      timedCalls("CBA.NPV (11 periods)", () => () => f.npv([[0.035]], row(net))),
      timedCalls("CBA.PRESENTVALUES (11 periods)", () => () => f.presentValues([[0.035]], row(net))),
      timedCalls("CBA.DISCOUNTFACTORS (periods 0–10)", () => () => f.discountFactors([[0.035]], 10)),
      timedCalls("CBA.GREENBOOKRATES (40 years)", () => () => f.greenBookRates(40)),
      timedCalls("CBA.IRR (11 periods)", () => () => f.irr(row(net))),
      timedCalls("CBA.PAYBACK (11 periods, discounted)", () => () => f.payback(row(net), [[0.035]])),
      timedCalls("CBA.ROI (11 periods)", () => () => f.roi(row(costs), row(benefits))),
      timedCalls(
        "CBA.BENEFITMULTIPLE (11 periods)",
        () => () => f.benefitMultiple(row(costs), row(benefits)),
      ),
      timedCalls("CBA.BCR (11 periods, 3.5%)", () => () => f.bcr(row(costs), row(benefits))),
      timedCalls("CBA.YEARSTORECOVER", () => () => f.yearsToRecover(1858, -1804)),
      timedCalls("CBA.PHASE (ramp-up over 11 periods)", () => () => f.phase(-1804, [[0.25, 0.5, 1]], 11)),
      timedCalls(
        "CBA.SCENARIO (11 periods, costs × 1.2, benefits × 0.8, 1-year delay)",
        () => () => f.scenario(row(costs), row(benefits), 1.2, 0.8, 1),
      ),
      timedCalls(
        "CBA.SWITCHINGVALUE (11 periods, 3.5%, benefits)",
        () => () => f.switchingValue(row(costs), row(benefits)),
      ),
      timedCalls(
        "CBA.PAYBACKDELAY (11 periods, discounted)",
        () => () => f.paybackDelay(row(costs), row(benefits), [[0.035]]),
      ),
      timedCalls(
        "CBA.NPVPERCENTILES (1 + 1 lines, 11 periods, 5,000 trials): 100 calls, not 10,000",
        () => {
          const [cl, cm, ch, bl, bm, bh] = uncertainCase(1);
          return () => f.npvPercentiles(cl!, cm!, ch!, bl!, bm!, bh!);
        },
        100,
      ),
      timedCalls(
        "CBA.NPVPERCENTILES (4 + 4 lines, 11 periods, 5,000 trials, PERT): 100 calls, not 10,000",
        () => {
          const [cl, cm, ch, bl, bm, bh] = uncertainCase(4);
          return () => f.npvPercentiles(cl!, cm!, ch!, bl!, bm!, bh!, undefined, undefined, "pert");
        },
        100,
      ),
      timedCalls(
        "CBA.NPVPERCENTILES (4 + 4 lines, 11 periods, 100,000 trials): 10 calls, not 10,000",
        () => {
          const [cl, cm, ch, bl, bm, bh] = uncertainCase(4);
          return () =>
            f.npvPercentiles(cl!, cm!, ch!, bl!, bm!, bh!, undefined, undefined, undefined, 100_000);
        },
        10,
      ),
      timedCalls("CBA.RISKSCORE (12 risks)", () => {
        const risks = hampshire().risk_register.rows;
        const likelihood = risks.map((risk) => [risk.likelihood]);
        const impact = risks.map((risk) => [risk.impact]);
        return () => f.riskScore(likelihood, impact);
      }),
      timedCalls("CBA.RISKBAND (12 risks)", () => {
        const scores = hampshire().risk_register.rows.map((risk) => [risk.score]);
        return () => f.riskBand(scores);
      }),
    ],
  },
];
