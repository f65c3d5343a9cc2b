import { programme } from "../../engine/businessCase";
import type { IrrResult } from "../../engine/irr";
import type {
  BusinessCaseModel,
  BusinessCaseResult,
  PartnerCaseResult,
} from "../../engine/businessCaseModel";
import { Money } from "../../engine/money";
import type { PaybackResult } from "../../engine/payback";
import { columnLetters, parseCellAddress } from "../cellAddress";
import type { CellValue, ChartSpec, OwnedSheet, TableBlock } from "../workbookPort";
import { cashflowFormulas, discountRateOperand, netPresentValueFormula } from "./cashflowFormulas";
import { amountFormat, returnFormat, yearsFormat } from "./numberFormats";
import { blockName, SheetLayout } from "./sheetLayout";

/** The partner results sheet's name. */
export const partnersSheetName = "CBA Partners";

export const partnerBlockNames = {
  cases: "CBA_Out_Cases",
  results: "CBA_Out_Results",
  cashflows: "CBA_Out_Cashflows",
  paybackPrefix: "CBA_Out_Payback_",
} as const;

/** Rows a payback block reserves so that its chart, placed beside it, never overlaps the next one. */
const chartHeightRows = 18;

/** "does not pay back within 10 years" is an answer, never a number. */
export function paybackText(result: PaybackResult): CellValue {
  return result.kind === "paysBack"
    ? result.periods.toNumber()
    : `does not pay back within ${yearsText(result.horizon)}`;
}

/** A payback as a number for a numeric column; null (a blank) when there is none. */
export function paybackYears(result: PaybackResult): number | null {
  return result.kind === "paysBack"
    ? result.periods.toDecimalPlaces(4, Money.ROUND_HALF_UP).toNumber()
    : null;
}

/**
 * What the payback columns cannot say as numbers, in words: no payback within the horizon, or a
 * first payback after which the case falls back below zero by the end (so no final payback).
 *
 * @example
 * paybackNote(first, final, "discounted payback"); // "discounted payback: first in year 2.50, but falls back below zero by year 10, so no final payback"
 */
export function paybackNote(first: PaybackResult, final: PaybackResult, what: string): string | undefined {
  if (first.kind === "never") return `${what}: does not pay back within ${yearsText(first.horizon)}`;
  if (final.kind === "never")
    return `${what}: first in year ${first.periods.toFixed(2)}, but falls back below zero by year ${final.horizon}, so no final payback`;
  return undefined;
}

function yearsText(count: number): string {
  return `${count} ${count === 1 ? "year" : "years"}`;
}

export function partnerLabel(model: BusinessCaseModel, code: string): string {
  if (code === programme) return "Total programme";
  return model.partners.find((p) => p.code === code)?.name ?? code;
}

/**
 * The CBA Partners sheet: per partner and for the programme, per case, the set-up, annual
 * position, NPV, net ROI, first and final payback (simple and discounted, blank with a note when
 * there is none or the case falls back below zero), years to recover and cashflows by year,
 * with a payback chart per partner (cumulative net position by year).
 *
 * @example
 * partnersSheet(model, result, new Map()).charts.length; // one per partner plus the programme
 */
export function partnersSheet(
  model: BusinessCaseModel,
  result: BusinessCaseResult,
  derivedCases: ReadonlyMap<string, { from: string; description: string }>,
  discountRateCell?: string,
): OwnedSheet {
  const unit = model.settings.unitLabel;
  const amount = amountFormat(new Money(model.settings.roundingUnit));
  const codes = [...model.partners.map((p) => p.code), programme];
  const layout = new SheetLayout();
  // Stored to two decimals beyond the rounding unit (net ROI to 6 decimals, years to 4), so no cell
  // holds a long binary fraction such as 17.240000000000002; the formats show the rounding unit.
  const amountDecimals = Math.min(Math.max(new Money(model.settings.roundingUnit).decimalPlaces(), 0), 6) + 2;
  const stored = (value: Money) => value.toDecimalPlaces(amountDecimals, Money.ROUND_HALF_UP).toNumber();
  const each = (visit: (partner: PartnerCaseResult, caseName: string, code: string) => void) => {
    for (const code of codes) {
      for (const caseResult of result.cases) {
        const partner = caseResult.partners.find((p) => p.partner === code);
        if (partner) visit(partner, caseResult.name, code);
      }
    }
  };

  const caseRows: CellValue[][] = result.cases.map((c) => {
    const derived = derivedCases.get(c.name);
    return [
      c.name,
      derived ? derived.from : "(input)",
      derived ? derived.description : "Values as entered in CBA_Lines",
    ];
  });

  const resultRows: CellValue[][] = [];
  each((partner, caseName, code) =>
    resultRows.push([
      code,
      partnerLabel(model, code),
      caseName,
      stored(partner.setUp.total),
      stored(partner.annual.total),
      stored(partner.netPresentValue),
      partner.netReturnOnInvestment === null
        ? "no costs"
        : partner.netReturnOnInvestment.toDecimalPlaces(6, Money.ROUND_HALF_UP).toNumber(),
      irrCell(partner.internalRateOfReturn),
      paybackYears(partner.payback),
      paybackYears(partner.finalPayback),
      paybackYears(partner.discountedPayback),
      paybackYears(partner.finalDiscountedPayback),
      // A years column holds numbers only: no annual saving is a blank, said in the note.
      partner.yearsToRecover === null
        ? null
        : partner.yearsToRecover.toDecimalPlaces(4, Money.ROUND_HALF_UP).toNumber(),
      partner.notQuantified.join("; "),
      [
        paybackNote(partner.payback, partner.finalPayback, "payback"),
        paybackNote(partner.discountedPayback, partner.finalDiscountedPayback, "discounted payback"),
        partner.yearsToRecover === null ? "years to recover: no annual saving" : undefined,
      ]
        .filter((note) => note !== undefined)
        .join("; "),
    ]),
  );

  const cashflowRows: CellValue[][] = [];
  each((partner, caseName, code) => {
    const measures: [string, Money[]][] = [
      ["Costs", partner.costs],
      ["Benefits", partner.benefits],
      ["Net benefit", partner.netBenefit],
      ["Cumulative net benefit", partner.cumulativeNetBenefit],
    ];
    for (const [measure, values] of measures)
      cashflowRows.push([code, caseName, measure, ...values.map(stored)]);
  });

  const resultHeader = [
    "Partner",
    "Name",
    "Case",
    "Set-up",
    "Annual cost / (saving)",
    "NPV",
    "Net ROI",
    "IRR",
    "Payback (years)",
    "Final payback (years)",
    "Discounted payback (years)",
    "Final discounted payback (years)",
    "Years to recover",
    "Not quantified",
    "Payback note",
  ];
  const cases = layout.place({
    name: partnerBlockNames.cases,
    title: "Cases",
    header: ["Case", "Based on", "Description"],
    rows: caseRows,
  });
  const results = layout.place({
    name: partnerBlockNames.results,
    title: `Results per partner and case (${unit}; set-up costs positive, annual savings in brackets; NPV and cashflows are net benefit, savings minus costs; payback is first and final, blank with a note when there is none; NPV, net benefit and the cumulative position are live formulas on the cashflows below)`,
    header: resultHeader,
    rows: resultRows,
    columnFormats: [
      null,
      null,
      null,
      amount,
      amount,
      amount,
      returnFormat,
      returnFormat,
      yearsFormat,
      yearsFormat,
      yearsFormat,
      yearsFormat,
      yearsFormat,
      null,
      null,
    ],
  });
  const cashflows = layout.place({
    name: partnerBlockNames.cashflows,
    title: `Cashflows by year (${unit}; costs and benefits as positive amounts, net benefit = benefits − costs)`,
    header: ["Partner", "Case", "Measure", ...result.years],
    rows: cashflowRows,
    columnFormats: [null, null, null, ...result.years.map(() => amount)],
  });
  cashflows.formulas = cashflowFormulas(cashflows, 3);
  const rate = discountRateOperand(
    discountRateCell === undefined
      ? { rate: model.settings.discountRate }
      : { rate: model.settings.discountRate, cell: discountRateCell },
    result.years.length,
  );
  if (rate !== undefined) {
    const npvColumn = resultHeader.indexOf("NPV");
    results.formulas = resultRows.map((row, index) =>
      row.map((_, column) =>
        column === npvColumn ? netPresentValueFormula(cashflows, 3, 4 * index + 2, rate) : null,
      ),
    );
  }
  const blocks: TableBlock[] = [cases, results, cashflows];

  const charts: ChartSpec[] = [];
  const taken = new Set<string>(Object.values(partnerBlockNames).map((n) => n.toLowerCase()));
  for (const code of codes) {
    const rows: CellValue[][] = result.cases.map((caseResult) => {
      const partner = caseResult.partners.find((p) => p.partner === code);
      return [caseResult.name, ...(partner?.cumulativeNetBenefit ?? []).map(stored)];
    });
    const block = layout.place(
      {
        name: blockName(partnerBlockNames.paybackPrefix, code, taken),
        title: `${partnerLabel(model, code)}: cumulative net position by year (${unit})`,
        header: ["Case", ...result.years],
        rows,
        columnFormats: [null, ...result.years.map(() => amount)],
      },
      chartHeightRows,
    );
    blocks.push(block);
    const top = parseCellAddress(block.topLeft);
    charts.push({
      kind: "line",
      title: `${partnerLabel(model, code)} payback: cumulative net position (${unit})`,
      sourceBlock: block.name,
      seriesBy: "rows",
      anchor: `${columnLetters(top.column + block.header.length + 1)}${Math.max(top.row - 1, 1)}`,
    });
  }
  return { name: partnersSheetName, blocks, charts };
}

/**
 * The IRR as a rate, or words when there is none. With several rates (cashflows that change sign
 * more than once) the one nearest 10% is shown, and the others are named so nobody is misled.
 */
function irrCell(result: IrrResult): CellValue {
  if (result.kind === "none") return `no IRR: ${result.reason}`;
  if (result.roots.length > 1) {
    return `${(result.rate * 100).toFixed(1)}% (also ${result.roots
      .filter((root) => root !== result.rate)
      .map((root) => `${(root * 100).toFixed(1)}%`)
      .join(", ")})`;
  }
  // Full precision: the rate is the root of the NPV, and a rounded rate would no longer bring it to zero.
  return result.rate;
}
