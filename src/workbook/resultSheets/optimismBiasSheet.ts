import { countsAsCost, programme } from "../../engine/businessCase";
import type { BusinessCaseModel, BusinessCaseResult, LineValue } from "../../engine/businessCaseModel";
import { notQuantified } from "../../engine/businessCaseModel";
import { Money, sum } from "../../engine/money";
import { greenBookOptimismBias } from "../../engine/optimismBias";
import { appliesToNames, type ResolvedOptimismBiasCategory } from "../optimismBiasCategories";
import type { OptimismBiasStep } from "../optimismBiasStep";
import type { CellValue, OwnedSheet, TableBlock } from "../workbookPort";
import { amountFormat } from "./numberFormats";
import { paybackYears } from "./partnersSheet";
import { SheetLayout } from "./sheetLayout";

/** The optimism-bias step's sheet: written only for a workbook with CBA_OptimismBias. */
export const optimismBiasSheetName = "CBA Optimism Bias";

export const optimismBiasBlockNames = {
  categories: "CBA_Out_OB_Categories",
  lines: "CBA_Out_OB_Lines",
  totals: "CBA_Out_OB_Totals",
  results: "CBA_Out_OB_Results",
  bounds: "CBA_Out_OB_Bounds",
  grades: "CBA_Out_OB_Grades",
} as const;

/** Optimism-bias rates: 4.08% shows as such; the stored value is exact. */
const rateFormat = "0.00%";

/**
 * The CBA Optimism Bias sheet, the documented step: each category (project type, what it applies
 * to, upper bound and where it came from, mitigation and its reason, rate applied); each line per
 * input case before and after, with the uplift; totals per case and timing; programme results
 * without and with optimism bias; and the bounds and grade tables in force.
 *
 * @example
 * optimismBiasSheet(model, result, step).blocks.map((b) => b.name); // ["CBA_Out_OB_Categories", …]
 */
export function optimismBiasSheet(
  model: BusinessCaseModel,
  result: BusinessCaseResult,
  step: OptimismBiasStep,
): OwnedSheet {
  const unit = model.settings.unitLabel;
  const amount = amountFormat(new Money(model.settings.roundingUnit));
  const layout = new SheetLayout();
  const stored = (value: Money) => value.toDecimalPlaces(8, Money.ROUND_HALF_UP).toNumber();
  const valueCell = (value: LineValue | undefined): CellValue =>
    value === undefined || value === notQuantified ? "N/A" : stored(value);
  const rate = (value: Money) => value.toDecimalPlaces(10, Money.ROUND_HALF_UP).toNumber();

  const categoryRows = step.categories.map((category) => [
    category.input.name,
    category.projectType === undefined ? "" : greenBookOptimismBias[category.projectType].name,
    appliesToNames[category.appliesTo],
    rate(category.upperBound),
    upperBoundSource(category, step),
    rate(category.mitigation),
    category.input.reason,
    rate(category.rate),
    category.appliesTo === "duration"
      ? "Reported only: lengthen the works duration (and the profiles of the lines it delays) by this rate; no amount is changed"
      : "",
  ]);

  const lineRows: CellValue[][] = [];
  for (const record of step.cases) {
    record.lines.forEach((line, l) => {
      const category = step.lineCategories[l];
      lineRows.push([
        line.label,
        record.from,
        category?.input.name ?? "",
        category?.projectType === undefined ? "" : greenBookOptimismBias[category.projectType].name,
        category === undefined ? "" : appliesToNames[category.appliesTo],
        category === undefined ? null : rate(category.upperBound),
        category === undefined ? null : rate(category.mitigation),
        category?.input.reason ?? "",
        rate(line.bias?.appliedRate ?? new Money(0)),
        valueCell(line.before),
        line.uplift === undefined ? "N/A" : stored(line.uplift),
        valueCell(line.after),
      ]);
    });
  }

  const totalRows: CellValue[][] = [];
  for (const record of step.cases) {
    for (const timing of ["oneOff", "recurring"] as const) {
      const costs = { before: [] as Money[], after: [] as Money[] };
      const benefits = { before: [] as Money[], after: [] as Money[] };
      record.lines.forEach((line, l) => {
        const modelLine = model.lines[l]!;
        if (modelLine.timing !== timing || line.before === notQuantified || line.after === notQuantified)
          return;
        const side = countsAsCost(modelLine, line.before) ? costs : benefits;
        side.before.push(line.before);
        side.after.push(line.after);
      });
      const before = sum([...costs.before, ...benefits.before]);
      const after = sum([...costs.after, ...benefits.after]);
      totalRows.push([
        record.from,
        timing === "oneOff" ? "One-off" : "Recurring (annual)",
        stored(sum(costs.before)),
        stored(sum(costs.after)),
        stored(sum(benefits.before)),
        stored(sum(benefits.after)),
        stored(before),
        stored(after),
        stored(after.minus(before)),
      ]);
    }
  }

  const resultRows: CellValue[][] = [];
  for (const record of step.cases) {
    const without = result.cases
      .find((c) => c.name === record.from)
      ?.partners.find((p) => p.partner === programme);
    const withBias = result.cases
      .find((c) => c.name === record.name)
      ?.partners.find((p) => p.partner === programme);
    if (!without || !withBias) continue;
    resultRows.push([
      record.from,
      record.name,
      stored(without.setUp.total),
      stored(withBias.setUp.total),
      stored(without.annual.total),
      stored(withBias.annual.total),
      stored(without.netPresentValue),
      stored(withBias.netPresentValue),
      paybackYears(without.payback),
      paybackYears(withBias.payback),
    ]);
  }

  const boundRows: CellValue[][] = Object.values(greenBookOptimismBias).map((guideline) => [
    guideline.name,
    guideline.duration === undefined ? "n/a" : rate(guideline.duration.upper),
    guideline.duration === undefined ? "n/a" : rate(guideline.duration.lower),
    rate(guideline.cost.upper),
    rate(guideline.cost.lower),
    guideline.costsUplifted === "capital" ? "Capital costs" : "Operating costs",
  ]);

  const gradeRows: CellValue[][] = step.grades.map((grade) => [
    grade.grade,
    rate(grade.rate),
    grade.evidence,
  ]);

  const blocks: TableBlock[] = [
    layout.place({
      name: optimismBiasBlockNames.categories,
      title:
        "Optimism bias categories (CBA_OptimismBias): rate applied = upper bound × (1 − mitigation); costs × (1 + rate), benefits × (1 − rate)",
      header: [
        "Category",
        "Project type",
        "Applies to",
        "Upper bound",
        "Upper bound from",
        "Mitigation",
        "Reason",
        "Rate applied",
        "Note",
      ],
      rows: categoryRows,
      columnFormats: [null, null, null, rateFormat, null, rateFormat, null, rateFormat, null],
    }),
    layout.place({
      name: optimismBiasBlockNames.lines,
      title: `Each line per input case, without and with optimism bias (${unit}; costs positive, savings negative; uplift = after − before, so a saving reduced shows a positive uplift; after is rounded to the rounding unit)`,
      header: [
        "Line",
        "Case",
        "Category",
        "Project type",
        "Applies to",
        "Upper bound",
        "Mitigation",
        "Reason",
        "Rate applied",
        "Amount before",
        "Uplift",
        "Amount after",
      ],
      rows: lineRows,
      columnFormats: [
        null,
        null,
        null,
        null,
        null,
        rateFormat,
        rateFormat,
        null,
        rateFormat,
        amount,
        amount,
        amount,
      ],
    }),
    layout.place({
      name: optimismBiasBlockNames.totals,
      title: `Totals per input case (${unit}; one-off amounts and full annual recurring amounts, before phasing)`,
      header: [
        "Case",
        "Timing",
        "Costs before",
        "Costs after",
        "Benefits before",
        "Benefits after",
        "Net before",
        "Net after",
        "Adjustment",
      ],
      rows: totalRows,
      columnFormats: [null, null, amount, amount, amount, amount, amount, amount, amount],
    }),
    layout.place({
      name: optimismBiasBlockNames.results,
      title: `Programme results without and with optimism bias (${unit}; every partner's are on CBA Partners and CBA Scenarios)`,
      header: [
        "Case",
        "With optimism bias",
        "Set-up without",
        "Set-up with",
        "Annual without",
        "Annual with",
        "NPV without",
        "NPV with",
        "Payback without (years)",
        "Payback with (years)",
      ],
      rows: resultRows,
      columnFormats: [null, null, amount, amount, amount, amount, amount, amount, "0.00", "0.00"],
    }),
    layout.place({
      name: optimismBiasBlockNames.bounds,
      title:
        "Green Book optimism bias upper and lower bounds in force (HM Treasury, Supplementary Green Book Guidance: Optimism Bias, Table 1; outsourcing figures are for operating costs)",
      header: [
        "Project type",
        "Works duration upper",
        "Works duration lower",
        "Cost upper",
        "Cost lower",
        "Costs uplifted",
      ],
      rows: boundRows,
      columnFormats: [null, rateFormat, rateFormat, rateFormat, rateFormat, null],
    }),
    layout.place({
      name: optimismBiasBlockNames.grades,
      title:
        step.gradesSource === "workbook"
          ? "Confidence grades in force (from CBA_ConfidenceGrades)"
          : "Confidence grades in force: the product's illustrative default, not a published table; edit it by adding a CBA_ConfidenceGrades range (Grade, Reduction)",
      header: ["Grade", "Reduction", "Evidence"],
      rows: gradeRows,
      columnFormats: [null, rateFormat, null],
    }),
  ];
  return { name: optimismBiasSheetName, blocks, charts: [] };
}

function upperBoundSource(category: ResolvedOptimismBiasCategory, step: OptimismBiasStep): string {
  if (category.upperBoundSource === "workbook") return "CBA_OptimismBias";
  if (category.upperBoundSource === "grade")
    return `Confidence grade ${category.input.grade!.toString()} (${step.gradesSource === "workbook" ? "CBA_ConfidenceGrades" : "illustrative default table"})`;
  return "Green Book table";
}
