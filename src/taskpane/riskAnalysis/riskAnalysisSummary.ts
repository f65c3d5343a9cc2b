/**
 * What the panel shows once a simulation has been written: per partner and for the programme, NPV
 * at P10, P50 and P90 and the chance of paying back within N years, with how it was run.
 */
import { programme } from "../../engine/businessCase";
import type { Money } from "../../engine/money";
import type { DistributionShape } from "../../engine/monteCarlo/distributions";
import type { SamplingMethod } from "../../engine/monteCarlo/sampling";
import type { SimulationOptions, SimulationResult } from "../../engine/monteCarlo/simulation";
import { decimalsOf } from "../../workbook/amountText";
import type { SimulationModel } from "./riskAnalysisActions";

export interface PartnerRiskSummary {
  /** Partner code, or "Programme". */
  code: string;
  name: string;
  /** NPV percentiles (net benefit, positive = better off); null if the run did not compute one. */
  netPresentValue: { p10: Money | null; p50: Money | null; p90: Money | null };
  /** Share of trials with NPV below zero. */
  probabilityNegative: number;
  /** Share of trials paying back within `paybackWithinYears`. */
  probabilityOfPayback: number;
}

export interface RiskAnalysisSummary {
  trials: number;
  seed: number;
  sampling: SamplingMethod;
  distribution: DistributionShape;
  paybackWithinYears: number;
  unitLabel: string;
  /** Decimals amounts are shown with, from the case's rounding unit. */
  decimals: number;
  /** Time the worker took, from receiving the model to the summary. */
  simulationMs: number;
  sheet: string;
  cellsWritten: number;
  partners: PartnerRiskSummary[];
}

/**
 * @example
 * riskAnalysisSummary(result, reading, options, { simulationMs: 900, sheet: "CBA Simulation", cellsWritten: 1200 }).partners[0].netPresentValue.p50
 */
export function riskAnalysisSummary(
  result: SimulationResult,
  reading: Pick<SimulationModel, "partners" | "unitLabel" | "roundingUnit">,
  options: SimulationOptions,
  run: { simulationMs: number; sheet: string; cellsWritten: number },
): RiskAnalysisSummary {
  const names = new Map(reading.partners.map((p) => [p.code, p.name] as const));
  return {
    trials: result.trials,
    seed: result.seed,
    sampling: result.sampling,
    distribution: options.distribution ?? "triangular",
    paybackWithinYears: result.paybackWithinYears,
    unitLabel: reading.unitLabel,
    decimals: decimalsOf(reading.roundingUnit),
    simulationMs: run.simulationMs,
    sheet: run.sheet,
    cellsWritten: run.cellsWritten,
    partners: result.partners.map((partner) => {
      const at = (wanted: number) =>
        partner.netPresentValue.percentiles.find((p) => Math.abs(p.percentile - wanted) < 1e-9)?.value ??
        null;
      return {
        code: partner.partner,
        name:
          partner.partner === programme ? "Total programme" : (names.get(partner.partner) ?? partner.partner),
        netPresentValue: { p10: at(0.1), p50: at(0.5), p90: at(0.9) },
        probabilityNegative: partner.netPresentValue.probabilityNegative,
        probabilityOfPayback: partner.payback.probabilityWithin,
      };
    }),
  };
}
