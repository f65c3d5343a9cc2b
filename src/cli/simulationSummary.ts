import { programme } from "../engine/businessCase";
import { Money } from "../engine/money";
import type { SimulationResult } from "../engine/monteCarlo/simulation";
import { amountText, decimalsOf } from "../workbook/amountText";
import { textTable } from "./summaryTable";

function percentText(fraction: number): string {
  return `${(fraction * 100).toFixed(1)}%`;
}

/**
 * The summary `cba simulate` prints: per partner and the programme, NPV at P10, P50 and P90, the
 * chance of a negative NPV and of paying back within N years, after a line saying how it was run.
 *
 * @example
 * simulationSummary(result, new Money(1), "£'000"); // "10,000 trials, seed 7, Latin hypercube …"
 */
export function simulationSummary(result: SimulationResult, roundingUnit: Money, unitLabel: string): string {
  const decimals = decimalsOf(roundingUnit);
  const at = (percentiles: { percentile: number; value: Money }[], wanted: number) => {
    const found = percentiles.find((p) => Math.abs(p.percentile - wanted) < 1e-9);
    return found ? amountText(found.value, decimals) : "-";
  };
  const rows = result.partners.map((partner) => [
    partner.partner === programme ? "Programme" : partner.partner,
    at(partner.netPresentValue.percentiles, 0.1),
    at(partner.netPresentValue.percentiles, 0.5),
    at(partner.netPresentValue.percentiles, 0.9),
    percentText(partner.netPresentValue.probabilityNegative),
    percentText(partner.payback.probabilityWithin),
  ]);
  const sampling = result.sampling === "latinHypercube" ? "Latin hypercube" : "plain random";
  return [
    `${amountText(new Money(result.trials), 0)} trials, seed ${result.seed}, ${sampling} sampling; ${result.simulatedLines.length} lines simulated.`,
    textTable(
      [
        "Partner",
        `NPV P10 ${unitLabel}`,
        `NPV P50 ${unitLabel}`,
        `NPV P90 ${unitLabel}`,
        "P(NPV < 0)",
        `P(payback within ${result.paybackWithinYears} yrs)`,
      ],
      rows,
      [false, true, true, true, true, true],
    ),
  ].join("\n");
}
