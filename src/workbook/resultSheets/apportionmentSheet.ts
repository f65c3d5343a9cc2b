import {
  type Allocation,
  type BusinessCaseModel,
  type BusinessCaseResult,
  notQuantified,
  type Timing,
} from "../../engine/businessCaseModel";
import { programme } from "../../engine/businessCase";
import { Money } from "../../engine/money";
import { poolTotals } from "../../engine/poolTotals";
import type { CellValue, OwnedSheet } from "../workbookPort";
import { amountFormat, quantityFormat, shareFormat } from "./numberFormats";
import { SheetLayout } from "./sheetLayout";

/** The apportionment sheet's name. */
export const apportionmentSheetName = "CBA Apportionment";

/** Output names users can reference on the CBA Apportionment sheet. */
export const apportionmentBlockNames = {
  shares: "CBA_Out_Shares",
  poolTotals: "CBA_Out_PoolTotals",
  lineParts: "CBA_Out_LineParts",
  partnerTotals: "CBA_Out_PartnerTotals",
} as const;

const timingLabels: Record<Timing, string> = { oneOff: "One-off", recurring: "Recurring" };

function allocationLabel(allocation: Allocation): string {
  return allocation.kind === "pool" ? allocation.pool : `${allocation.partner} (direct)`;
}

const basisLabels = { baseline: "Baseline", fte: "FTE", equal: "Equal", manual: "Manual" } as const;

/**
 * The CBA Apportionment sheet: each pool's shares (raw and applied), each pool's totals split
 * per partner per timing and case (the published apportionment table), every line's parts, and
 * each partner's totals split apportioned / direct.
 *
 * @example
 * const sheet = apportionmentSheet(model, result);
 * sheet.blocks.map((b) => b.name); // ["CBA_Out_Shares", "CBA_Out_PoolTotals", …]
 */
export function apportionmentSheet(model: BusinessCaseModel, result: BusinessCaseResult): OwnedSheet {
  const unit = model.settings.unitLabel;
  const amount = amountFormat(new Money(model.settings.roundingUnit));
  const partnerCodes = model.partners.map((p) => p.code);
  const layout = new SheetLayout();
  const caseNames = result.cases.map((c) => c.name);

  const sharesRows: CellValue[][] = [];
  const bases: Money[] = [];
  let shareDecimals = 0;
  for (const pool of result.pools) {
    const definition = model.pools.find((p) => p.name === pool.pool);
    shareDecimals = Math.max(shareDecimals, definition?.shareDecimals ?? 2);
    pool.partners.forEach((code, index) => {
      const base = pool.bases[index]!;
      bases.push(base);
      sharesRows.push([
        pool.pool,
        definition ? basisLabels[definition.basis] : "",
        code,
        base.toNumber(),
        pool.shares.raw[index]!.toNumber(),
        pool.shares.applied[index]!.toNumber(),
      ]);
    });
  }

  const poolRows: CellValue[][] = poolTotals(result, caseNames).map((entry) => [
    entry.pool,
    timingLabels[entry.timing],
    entry.caseName,
    entry.total === notQuantified ? "N/A" : entry.total.toNumber(),
    ...partnerCodes.map((code) => entry.parts[code]?.toNumber() ?? null),
  ]);

  const lineRows: CellValue[][] = [];
  for (const line of result.lines) {
    for (const caseName of caseNames) {
      const entry = line.byCase[caseName];
      if (!entry) continue;
      const quantified = entry.amount !== notQuantified;
      lineRows.push([
        line.label,
        timingLabels[line.timing],
        allocationLabel(line.allocation),
        caseName,
        quantified ? (entry.amount as Money).toNumber() : "N/A",
        ...partnerCodes.map((code) => (quantified ? (entry.parts?.[code]?.toNumber() ?? null) : null)),
      ]);
    }
  }

  const partnerRows: CellValue[][] = [];
  for (const code of [...partnerCodes, programme]) {
    for (const caseResult of result.cases) {
      const partner = caseResult.partners.find((p) => p.partner === code);
      if (!partner) continue;
      partnerRows.push([
        code,
        caseResult.name,
        partner.setUp.apportioned.toNumber(),
        partner.setUp.direct.toNumber(),
        partner.setUp.total.toNumber(),
        partner.annual.apportioned.toNumber(),
        partner.annual.direct.toNumber(),
        partner.annual.total.toNumber(),
      ]);
    }
  }

  const blocks = [
    layout.place({
      name: apportionmentBlockNames.shares,
      title: "Shares per pool: raw = exact share of the bases; applied = the share the case uses",
      header: ["Pool", "Basis", "Partner", "Base", "Raw share", "Applied share"],
      rows: sharesRows,
      columnFormats: [null, null, null, quantityFormat(bases), "0.00%", shareFormat(shareDecimals)],
    }),
    layout.place({
      name: apportionmentBlockNames.poolTotals,
      title: `Pool totals apportioned per partner (${unit}; costs positive, savings in brackets)`,
      header: ["Pool", "Timing", "Case", "Total", ...partnerCodes],
      rows: poolRows,
      columnFormats: [null, null, null, amount, ...partnerCodes.map(() => amount)],
    }),
    layout.place({
      name: apportionmentBlockNames.partnerTotals,
      title: `Per-partner totals, apportioned and direct (${unit}; set-up one-off, annual recurring at full rate)`,
      header: [
        "Partner",
        "Case",
        "Set-up apportioned",
        "Set-up direct",
        "Set-up total",
        "Annual apportioned",
        "Annual direct",
        "Annual total",
      ],
      rows: partnerRows,
      columnFormats: [null, null, amount, amount, amount, amount, amount, amount],
    }),
    layout.place({
      name: apportionmentBlockNames.lineParts,
      title: `Each line's parts per partner (${unit}; N/A = not quantified, which is not zero)`,
      header: ["Line", "Timing", "Allocation", "Case", "Amount", ...partnerCodes],
      rows: lineRows,
      columnFormats: [null, null, null, null, amount, ...partnerCodes.map(() => amount)],
    }),
  ];
  return { name: apportionmentSheetName, blocks, charts: [] };
}
