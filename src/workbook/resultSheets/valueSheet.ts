import {
  type BenefitClass,
  benefitClasses,
  type BodyPosition,
  type ViewTotals,
} from "../../engine/beneficiaries";
import type { BusinessCaseModel } from "../../engine/businessCaseModel";
import { Money } from "../../engine/money";
import type { CaseValue, ViewMeasures } from "../valueFromContract";
import type { CellValue, OwnedSheet, TableBlock } from "../workbookPort";
import { amountFormat, returnFormat } from "./numberFormats";
import { partnerLabel } from "./partnersSheet";
import { SheetLayout } from "./sheetLayout";

/** Who pays versus who benefits: written only when the workbook asks who benefits. */
export const valueSheetName = "CBA Value";

export const valueBlockNames = {
  bodies: "CBA_Out_ValueBodies",
  views: "CBA_Out_ValueViews",
  lines: "CBA_Out_ValueLines",
} as const;

const benefitClassLabels: Readonly<Record<BenefitClass, string>> = {
  fiscalCashable: "Fiscal cashable",
  fiscalNonCashable: "Fiscal non-cashable",
  economic: "Economic",
  social: "Social",
};

/**
 * The CBA Value sheet: who pays versus who benefits, per input case. Every body (each partner, then
 * each outside body) with its benefits by class, its costs and its net over the appraisal period;
 * the partnership view and the whole-public-sector view side by side with their NPV and
 * benefit–cost ratio; and each shared benefit line's parts.
 *
 * @example
 * valueSheet(model, contractValue(model, result, contract.beneficiaries!, labels)).name; // "CBA Value"
 */
export function valueSheet(model: BusinessCaseModel, cases: readonly CaseValue[]): OwnedSheet {
  const unit = model.settings.unitLabel;
  const amount = amountFormat(new Money(model.settings.roundingUnit));
  const decimals = Math.min(Math.max(new Money(model.settings.roundingUnit).decimalPlaces(), 0), 6) + 2;
  const stored = (value: Money) => value.toDecimalPlaces(decimals, Money.ROUND_HALF_UP).toNumber();
  const classCells = (byClass: Readonly<Record<BenefitClass, Money>>) =>
    benefitClasses.map((c) => stored(byClass[c]));
  const layout = new SheetLayout();
  const classHeaders = benefitClasses.map((c) => benefitClassLabels[c]);

  const bodyRows: CellValue[][] = [];
  for (const c of cases) {
    const row = (
      body: string,
      name: string,
      role: string,
      totals: ViewTotals | BodyPosition,
    ): CellValue[] => [
      c.name,
      body,
      name,
      role,
      ...classCells(totals.byClass),
      stored(totals.benefits),
      stored(totals.pays),
      stored(totals.benefits.minus(totals.pays)),
    ];
    for (const b of c.value.bodies)
      bodyRows.push(
        row(
          b.body,
          b.isPartner ? partnerLabel(model, b.body) : b.body,
          b.isPartner ? "Partner" : "Outside the partnership",
          b,
        ),
      );
    bodyRows.push(row("Partnership", "The partners together", "View", c.value.partnership));
    bodyRows.push(row("Other bodies", "Every body outside the partnership", "View", c.value.otherBodies));
    bodyRows.push(row("Whole public sector", "Partners and other bodies", "View", c.value.wholePublicSector));
  }

  const viewRows: CellValue[][] = [];
  for (const c of cases) {
    const row = (view: string, totals: ViewTotals, m: ViewMeasures): CellValue[] => [
      c.name,
      view,
      ...classCells(totals.byClass),
      stored(totals.benefits),
      stored(totals.pays),
      stored(totals.benefits.minus(totals.pays)),
      stored(m.netPresentValue),
      m.benefitCostRatio === null
        ? "no costs"
        : m.benefitCostRatio.toDecimalPlaces(6, Money.ROUND_HALF_UP).toNumber(),
    ];
    viewRows.push(row("Partnership", c.value.partnership, c.partnership));
    viewRows.push(row("Whole public sector", c.value.wholePublicSector, c.wholePublicSector));
  }

  const lineRows: CellValue[][] = [];
  for (const c of cases)
    for (const line of c.lines)
      for (const [body, part] of line.parts)
        lineRows.push([
          c.name,
          line.label,
          benefitClassLabels[line.benefitClass],
          stored(line.amount),
          body,
          stored(part),
          line.amount.isZero() ? 0 : part.div(line.amount).toDecimalPlaces(6, Money.ROUND_HALF_UP).toNumber(),
        ]);

  const blocks: TableBlock[] = [
    layout.place({
      name: valueBlockNames.bodies,
      title: `Who pays and who benefits, per input case (${unit}, over the appraisal period, undiscounted; benefit lines without a class count as fiscal cashable)`,
      header: [
        "Case",
        "Body",
        "Name",
        "Role",
        ...classHeaders,
        "Benefits received",
        "Costs paid",
        "Net (benefits − costs)",
      ],
      rows: bodyRows,
      columnFormats: [null, null, null, null, ...classHeaders.map(() => amount), amount, amount, amount],
    }),
    layout.place({
      name: valueBlockNames.views,
      title: `Partnership view and whole-public-sector view (${unit}; NPV and benefit–cost ratio discounted at the case's discount rate)`,
      header: ["Case", "View", ...classHeaders, "Benefits", "Costs", "Net", "NPV", "Benefit–cost ratio"],
      rows: viewRows,
      columnFormats: [null, null, ...classHeaders.map(() => amount), amount, amount, amount, amount, "0.00"],
    }),
    layout.place({
      name: valueBlockNames.lines,
      title: `Benefit lines: who receives what (${unit}, as entered: a one-off amount or a full year's; positive = benefit)`,
      header: ["Case", "Line", "Benefit class", "Whole benefit", "Body", "Part", "Share"],
      rows: lineRows,
      columnFormats: [null, null, null, amount, null, amount, returnFormat],
    }),
  ];
  return { name: valueSheetName, blocks, charts: [] };
}
