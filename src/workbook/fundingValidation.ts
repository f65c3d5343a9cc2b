import { EngineError } from "../engine/errors";
import { Money } from "../engine/money";
import { amountText, decimalsOf } from "./amountText";
import type { ContractInputs } from "./contractInputs";
import { ContractLookup } from "./contractLookup";
import { type ContractProblem, hasErrors, inputError, inputWarning } from "./contractProblems";
import { fundedLine, fundingChecks, fundingSource, lineExpenditure } from "./fundingFromContract";
import { fundingRangeNames, inputRangeNames } from "./inputContract";

/** Kinds of source that are a partner's own money, so should say whose. */
const ownMoneyKinds = new Set(["matchFunding", "reserves", "borrowing"]);

/**
 * Checks CBA_Funding and CBA_LineFunding against the other ranges: every line, source and partner
 * named exists, borrowing has a rate and a term, a restricted source funds only lines of its
 * expenditure type. When those hold, each input case's funding is checked: a line short of
 * funding or over-funded, a grant above its pump-priming limit and a source used beyond its stated
 * amount are warnings naming the cell (the refresh still runs and shows the gap).
 */
export function validateFunding(inputs: ContractInputs, problems: ContractProblem[]): void {
  const { funding, lineFunding } = inputs;
  if (!funding && !lineFunding) return;
  if (!inputs.lines) {
    problems.push(
      inputWarning(
        funding?.range ?? lineFunding!.range,
        undefined,
        "Funding without lines",
        `funding is checked against the cost lines of ${inputRangeNames.lines}, which the workbook does not have; it is ignored`,
      ),
    );
    return;
  }
  if (!funding) {
    problems.push(
      inputError(
        lineFunding!.range,
        undefined,
        "Missing range",
        `the workbook has no ${fundingRangeNames.funding}, or it lists no sources, and ${lineFunding!.range} needs it for the sources it names`,
      ),
    );
    return;
  }
  const found: ContractProblem[] = [];
  const lookup = new ContractLookup(inputs);
  for (const source of funding.sources) {
    if (source.partner !== undefined && lookup.partner(source.partner) === undefined) {
      found.push(
        inputError(
          funding.range,
          source.partnerCell,
          "Unknown partner code",
          `funding source "${source.name}" is the money of "${source.partner}", which is not a code in ${inputRangeNames.partners}`,
        ),
      );
    }
    if (source.partner === undefined && ownMoneyKinds.has(source.kind)) {
      found.push(
        inputWarning(
          funding.range,
          source.partnerCell,
          "No partner named",
          `funding source "${source.name}" is ${source.kind === "borrowing" ? "borrowing" : "a partner's own money"} but names no partner, so it is not shown against any partner`,
        ),
      );
    }
    if (source.kind !== "grant") {
      for (const [given, cell, what] of [
        [source.award !== undefined, source.awardCell, "an award"],
        [source.pumpPrimingLimit !== undefined, source.pumpPrimingCell, "a pump-priming limit"],
      ] as const) {
        if (!given) continue;
        found.push(
          inputWarning(
            funding.range,
            cell,
            "Only for grants",
            `funding source "${source.name}" is not a grant, so its ${what.replace(/^an? /, "")} is ignored`,
          ),
        );
      }
    }
    if (source.kind === "borrowing") {
      for (const [given, cell, what] of [
        [source.rate !== undefined, source.rateCell, "an interest rate"],
        [source.termYears !== undefined, source.termCell, "a term in years"],
      ] as const) {
        if (given) continue;
        found.push(
          inputError(
            funding.range,
            cell,
            "Borrowing incomplete",
            `borrowing "${source.name}" has no ${what.replace(/^an? /, "")}: give ${what} so its repayments can be worked out`,
          ),
        );
      }
    }
  }
  const labels = new Map<string, number>();
  for (const line of inputs.lines.lines)
    labels.set(line.label.toLowerCase(), (labels.get(line.label.toLowerCase()) ?? 0) + 1);
  for (const row of lineFunding?.rows ?? []) {
    const line = fundedLine(inputs, row.line);
    const source = fundingSource(inputs, row.source);
    if (line === undefined) {
      found.push(
        inputError(
          lineFunding!.range,
          row.lineCell,
          "Unknown line",
          `"${row.line}" is not a line of ${inputs.lines.range}`,
        ),
      );
    } else if ((labels.get(line.label.toLowerCase()) ?? 0) > 1) {
      found.push(
        inputError(
          lineFunding!.range,
          row.lineCell,
          "Ambiguous line",
          `${inputs.lines.range} has more than one line labelled "${line.label}"; give each funded line its own label`,
        ),
      );
    } else if (
      line.kind === "benefit" ||
      (line.kind === undefined &&
        line.timing === "recurring" &&
        [...line.values.values()].every(({ value }) => !(value instanceof Money) || value.isNegative()))
    ) {
      found.push(
        inputError(
          lineFunding!.range,
          row.lineCell,
          "Not a cost line",
          `line "${line.label}" is a saving or benefit, not a cost: only cost lines are funded`,
        ),
      );
    }
    const rejected = funding.rejected.some((name) => name.toLowerCase() === row.source.trim().toLowerCase());
    if (source === undefined && !rejected) {
      found.push(
        inputError(
          lineFunding!.range,
          row.sourceCell,
          "Unknown source",
          `"${row.source}" is not a source in ${funding.range} (${funding.sources.map((s) => s.name).join(", ") || "none given"})`,
        ),
      );
    }
    if (line === undefined || source?.restrictedTo === undefined) continue;
    if (line.expenditure === undefined) {
      found.push(
        inputError(
          lineFunding!.range,
          row.sourceCell,
          "Expenditure not stated",
          `"${source.name}" may fund only ${source.restrictedTo} costs, but line "${line.label}" does not say whether it is capital or revenue: fill its Expenditure cell in ${inputs.lines.range}`,
        ),
      );
    } else if (lineExpenditure(line) !== source.restrictedTo) {
      found.push(
        inputError(
          lineFunding!.range,
          row.sourceCell,
          "Restricted source",
          `"${source.name}" may fund only ${source.restrictedTo} costs, and line "${line.label}" is ${line.expenditure} (${line.expenditureCell})`,
        ),
      );
    }
  }
  problems.push(...found);
  // Gaps are worked out only on a complete funding table: a source left out would show as a gap.
  if (
    hasErrors(found) ||
    hasErrors(problems) ||
    funding.rejected.length > 0 ||
    (lineFunding?.rejected ?? 0) > 0
  )
    return;
  try {
    problems.push(...fundingWarnings(inputs));
  } catch (error) {
    // Anything the checks above missed surfaces when the refresh computes the funding.
    if (!(error instanceof EngineError)) throw error;
  }
}

/** Gaps, pump-priming and stated amounts per input case, as warnings naming the cell. */
function fundingWarnings(inputs: ContractInputs): ContractProblem[] {
  const problems: ContractProblem[] = [];
  const lineRange = inputs.lineFunding?.range ?? fundingRangeNames.lineFunding;
  const fundingRange = inputs.funding!.range;
  const decimals = decimalsOf(inputs.settings.roundingUnit);
  const shown = (value: Money) => amountText(value, decimals);
  for (const { caseName, lines, check } of fundingChecks(inputs)) {
    check.lines.forEach((line, index) => {
      const input = lines[index]!.input;
      if (line.shortfall.gt(0)) {
        problems.push(
          inputWarning(
            lineRange,
            input.cell,
            "Funding shortfall",
            `${caseName}: line "${line.label}" has ${shown(line.shortfall)} of its cost of ${shown(line.cost)} not funded`,
          ),
        );
      }
      if (line.overFunding.gt(0)) {
        problems.push(
          inputWarning(
            lineRange,
            input.cell,
            "Over-funded",
            `${caseName}: line "${line.label}" is funded ${shown(line.overFunding)} more than its cost of ${shown(line.cost)}`,
          ),
        );
      }
    });
    for (const pumpPriming of check.pumpPriming) {
      if (pumpPriming.withinLimit) continue;
      const source = fundingSource(inputs, pumpPriming.source)!;
      problems.push(
        inputWarning(
          fundingRange,
          source.pumpPrimingCell,
          "Above pump-priming limit",
          `${caseName}: grant "${source.name}" meets ${percentText(pumpPriming.share)} of the costs, above its pump-priming limit of ${percentText(pumpPriming.limit!)}`,
        ),
      );
    }
    for (const source of inputs.funding!.sources) {
      const used = check.bySource[source.name]!;
      if (source.amount === undefined || !used.gt(source.amount)) continue;
      problems.push(
        inputWarning(
          fundingRange,
          source.amountCell,
          "Beyond the amount available",
          `${caseName}: "${source.name}" funds ${shown(used)} of the lines, more than its amount of ${shown(source.amount)}`,
        ),
      );
    }
  }
  return problems;
}

function percentText(fraction: Money): string {
  return `${fraction.times(100).toDecimalPlaces(2, Money.ROUND_HALF_UP).toString()}%`;
}
