import { programme } from "../engine/businessCase";
import { type BusinessCaseModel, type BusinessCaseResult, notQuantified } from "../engine/businessCaseModel";
import { Money } from "../engine/money";
import { measureValue } from "../engine/publishedMeasures";
import { checkPublishedFigures, checkTotal, printedRoundingOf, totalOfLines } from "../engine/reconciliation";
import type { ContractInputs } from "./contractInputs";
import { ContractLookup } from "./contractLookup";

/**
 * One published figure beside what the product computes from the inputs: a printed total row of
 * CBA_Lines, or a row of CBA_Published. Published figures say whether the *document* is right,
 * unlike the self-consistency checks, which re-add the product's own results.
 */
export interface PublishedCheckRow {
  agrees: boolean;
  /** The figure's name ("Annual saving headline", "Total"). */
  figure: string;
  /** What it summarises, as typed or described ("Net ROI", "lines 1 to 6"). */
  summarises: string;
  caseName: string;
  /** Partner code, or "Programme". */
  partner: string;
  /** Sheet-qualified cell of the published value. */
  cell: string;
  published: Money;
  /** What the product computes; null when there is no such figure (e.g. it never pays back). */
  computed: Money | null;
  /** The rounding of the print; zero = must agree exactly. */
  printedTo: Money;
  message: string;
}

/**
 * Checks every published figure in the workbook against the computed business case: total rows
 * pasted into CBA_Lines against the lines they cover (exactly), and each CBA_Published row against
 * its measure for its case and partner, within half of its printed rounding.
 *
 * @example
 * checkPublished(inputs, model, result).filter((row) => !row.agrees); // the document's slips
 */
export function checkPublished(
  inputs: ContractInputs,
  model: BusinessCaseModel,
  result: BusinessCaseResult,
): PublishedCheckRow[] {
  const rows: PublishedCheckRow[] = [];
  const lines = inputs.lines;
  if (!lines) return rows;
  for (const total of lines.totalRows) {
    const covered = lines.lines.slice(total.from, total.to);
    const summarises =
      covered.length === 0
        ? "no lines"
        : `${covered.length} ${covered.length === 1 ? "line" : "lines"} above it (${covered[0]!.label} to ${covered[covered.length - 1]!.label})`;
    for (const [caseName, { value, cell }] of total.values) {
      const amounts = covered.map((line) => {
        const entry = line.values.get(caseName);
        return entry === undefined || entry.value === notQuantified ? null : entry.value;
      });
      const computed = totalOfLines(amounts);
      const findings = checkTotal(`${total.label} (${caseName})`, value, amounts);
      rows.push({
        agrees: findings.length === 0,
        figure: total.label,
        summarises,
        caseName,
        partner: programme,
        cell,
        published: value,
        computed,
        printedTo: new Money(0),
        message:
          findings[0]?.message ??
          `Total row '${total.label} (${caseName})' equals its lines; it is left out of the computation`,
      });
    }
  }
  if (!inputs.published) return rows;
  const lookup = new ContractLookup(inputs);
  for (const figure of inputs.published.figures) {
    const caseName =
      figure.caseName === undefined
        ? result.cases[0]!.name
        : result.cases.find((c) => c.name.toLowerCase() === figure.caseName!.toLowerCase())!.name;
    const code = figure.partner === undefined ? programme : lookup.partner(figure.partner)!;
    const printedTo = figure.printedTo ?? printedRoundingOf(figure.value);
    const computed = measureValue(result, figure.measure, {
      caseName,
      partner: code,
      discountRate: model.settings.discountRate,
      savingPrintedNegative: figure.value.isNegative(),
    });
    const base = {
      figure: figure.figure,
      summarises: figure.measureText,
      caseName,
      partner: code,
      cell: figure.valueCell,
      published: figure.value,
      printedTo,
    };
    const where = `${figure.figure} (${figure.valueCell})`;
    if (computed.kind === "none") {
      rows.push({
        ...base,
        agrees: false,
        computed: null,
        message: `${where} is published as ${figure.value.toString()} but ${computed.reason}`,
      });
      continue;
    }
    // A net ROI is a fraction (1.545 for 154.5%): the message shows it in percent, as printed.
    const percent = figure.measure.kind === "netReturnOnInvestment" ? 100 : 1;
    const findings = checkPublishedFigures([
      {
        location: where,
        published: figure.value.times(percent),
        printedTo: printedTo.times(percent),
        computed: computed.value.times(percent),
        what: `the ${caseName} case ${code === programme ? "programme" : code} ${figure.measureText}`,
        ...(percent === 100 ? { suffix: "%" } : {}),
      },
    ]);
    rows.push({
      ...base,
      agrees: findings.length === 0,
      computed: computed.value,
      message:
        findings[0]?.message ??
        `${where} agrees with the computed ${figure.measureText} within the printed rounding (${printedTo.toString()})`,
    });
  }
  return rows;
}
