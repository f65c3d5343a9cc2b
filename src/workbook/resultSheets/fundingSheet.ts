import type { BusinessCaseModel, BusinessCaseResult } from "../../engine/businessCaseModel";
import type { FundingSourceKind } from "../../engine/funding";
import { Money } from "../../engine/money";
import type { AwardPosition } from "../../engine/partnerFunding";
import type { FundingResults } from "../fundingFromContract";
import type { CellValue, OwnedSheet } from "../workbookPort";
import { amountFormat, yearsFormat } from "./numberFormats";
import { paybackNote, paybackYears } from "./partnersSheet";
import { SheetLayout } from "./sheetLayout";

/** The funding sheet's name: written only when the workbook has CBA_Funding. */
export const fundingSheetName = "CBA Funding";

export const fundingBlockNames = {
  lines: "CBA_Out_FundingLines",
  sources: "CBA_Out_FundingSources",
  expenditure: "CBA_Out_FundingExpenditure",
  pumpPriming: "CBA_Out_FundingPumpPriming",
  borrowing: "CBA_Out_FundingBorrowing",
  partnerLines: "CBA_Out_FundingPartnerLines",
  partners: "CBA_Out_FundingPartners",
} as const;

/** The CBA Funding sheet's block names: a refresh checks that no user table already has one. */
export const fundingOutputNames: readonly string[] = Object.values(fundingBlockNames);

const kindText: Readonly<Record<FundingSourceKind, string>> = {
  grant: "Grant",
  matchFunding: "Match funding",
  reserves: "Reserves",
  borrowing: "Borrowing",
  other: "Other",
};

const fractionFormat = "0.00%";

function capitalised(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/**
 * The CBA Funding sheet, per input case: funding of every cost line by source with its gap, the
 * totals by source and by capital or revenue, each grant's pump-priming share, the borrowing
 * repayment schedules, and each partner's position (its part of the funded lines' cost, the grants
 * reaching it, its own contribution, NPV and payback net of grants) with every grant in full and
 * at its fallback award.
 *
 * @example
 * fundingSheet(model, result, computeFunding(inputs, model, result)).blocks.length; // 7
 */
export function fundingSheet(
  model: BusinessCaseModel,
  result: BusinessCaseResult,
  funding: FundingResults,
): OwnedSheet {
  const unit = model.settings.unitLabel;
  const roundingUnit = new Money(model.settings.roundingUnit);
  const amount = amountFormat(roundingUnit);
  const amountDecimals = Math.min(Math.max(roundingUnit.decimalPlaces(), 0), 6) + 2;
  const stored = (value: Money) => value.toDecimalPlaces(amountDecimals, Money.ROUND_HALF_UP).toNumber();
  const fraction = (value: Money) => value.toDecimalPlaces(6, Money.ROUND_HALF_UP).toNumber();
  const names = funding.sources.map((s) => s.name);
  const layout = new SheetLayout();

  const lineRows: CellValue[][] = [];
  const sourceRows: CellValue[][] = [];
  const expenditureRows: CellValue[][] = [];
  const pumpRows: CellValue[][] = [];
  const borrowingRows: CellValue[][] = [];
  const partnerRows: CellValue[][] = [];
  const partnerLineRows: CellValue[][] = [];
  for (const caseFunding of funding.cases) {
    const { caseName, check } = caseFunding;
    check.lines.forEach((line, index) => {
      const stated = caseFunding.lines[index]!.expenditureStated;
      lineRows.push([
        caseName,
        line.label,
        stated ? capitalised(line.expenditure) : `${capitalised(line.expenditure)} (by timing)`,
        stored(line.cost),
        ...names.map((name) => (line.bySource[name] === undefined ? null : stored(line.bySource[name]!))),
        stored(line.funded),
        stored(line.shortfall),
        stored(line.overFunding),
      ]);
    });
    for (const source of funding.sources) {
      const engine = funding.engineSources.find((s) => s.name === source.name)!;
      const total = check.bySource[source.name]!;
      sourceRows.push([
        caseName,
        source.name,
        kindText[source.kind],
        engine.partner ?? null,
        source.restrictedTo === undefined ? "Either" : capitalised(source.restrictedTo),
        stored(total),
        source.amount === undefined ? null : stored(source.amount),
        check.total.cost.isZero() ? null : fraction(total.div(check.total.cost)),
      ]);
    }
    for (const [label, position] of [
      ["Capital", check.byExpenditure.capital],
      ["Revenue", check.byExpenditure.revenue],
      ["Total", check.total],
    ] as const) {
      expenditureRows.push([
        caseName,
        label,
        stored(position.cost),
        stored(position.funded),
        stored(position.shortfall),
        stored(position.overFunding),
      ]);
    }
    for (const grant of check.pumpPriming) {
      pumpRows.push([
        caseName,
        grant.source,
        fraction(grant.share),
        grant.limit === undefined ? null : fraction(grant.limit),
        grant.limit === undefined ? "no limit" : grant.withinLimit ? "within limit" : "ABOVE LIMIT",
      ]);
    }
    for (const loan of caseFunding.borrowing) {
      for (const year of loan.schedule) {
        borrowingRows.push([
          caseName,
          loan.source,
          loan.partner ?? null,
          result.years[year.year] ?? `Year ${year.year}`,
          stored(year.openingBalance),
          stored(year.interest),
          stored(year.principal),
          stored(year.payment),
          stored(year.closingBalance),
        ]);
      }
    }
    const award = (position: AwardPosition): CellValue[] => [
      stored(position.externalFunding),
      stored(position.ownContribution),
      stored(position.netPresentValue),
      paybackYears(position.payback),
    ];
    for (const partner of caseFunding.partners) {
      for (const line of partner.byLine) {
        if (line.cost.isZero() && line.grantsFullAward.isZero()) continue;
        partnerLineRows.push([
          caseName,
          partner.partner,
          line.label,
          stored(line.cost),
          stored(line.grantsFullAward),
          stored(line.cost.minus(line.grantsFullAward)),
          stored(line.grantsFallbackAward),
          stored(line.cost.minus(line.grantsFallbackAward)),
        ]);
      }
      const note = (position: AwardPosition, what: string) =>
        position.payback.kind === "never" ? paybackNote(position.payback, position.payback, what) : undefined;
      partnerRows.push([
        caseName,
        partner.partner,
        funding.partnerNames[partner.partner] ?? partner.partner,
        stored(partner.apportionedCost),
        stored(caseFunding.namedSources[partner.partner]!),
        ...award(partner.fullAward),
        ...award(partner.fallbackAward),
        [note(partner.fullAward, "full award"), note(partner.fallbackAward, "fallback award")]
          .filter((n) => n !== undefined)
          .join("; "),
      ]);
    }
  }
  const orNone = (rows: CellValue[][], width: number, text: string): CellValue[][] =>
    rows.length > 0 ? rows : [[text, ...Array.from({ length: width - 1 }, () => null)]];

  const blocks = [
    layout.place({
      name: fundingBlockNames.lines,
      title: `Funding by line and source, per input case (${unit}; a percent is of the line's amount in the case, an amount is the same in every case; a recurring line's amount is a year's)`,
      header: ["Case", "Line", "Expenditure", "Cost", ...names, "Funded", "Shortfall", "Over-funding"],
      rows: orNone(lineRows, names.length + 7, "(no cost lines)"),
      columnFormats: [null, null, null, amount, ...names.map(() => amount), amount, amount, amount],
    }),
    layout.place({
      name: fundingBlockNames.sources,
      title: `Totals by source (${unit}; amount = the sum available or awarded, as stated in CBA_Funding)`,
      header: [
        "Case",
        "Source",
        "Kind",
        "Partner",
        "Restricted to",
        "Funds",
        "Amount stated",
        "Share of costs",
      ],
      rows: orNone(sourceRows, 8, "(no sources)"),
      columnFormats: [null, null, null, null, null, amount, amount, fractionFormat],
    }),
    layout.place({
      name: fundingBlockNames.expenditure,
      title: `Totals by capital and revenue (${unit}; shortfalls and over-funding added line by line)`,
      header: ["Case", "Expenditure", "Cost", "Funded", "Shortfall", "Over-funding"],
      rows: expenditureRows,
      columnFormats: [null, null, amount, amount, amount, amount],
    }),
    layout.place({
      name: fundingBlockNames.pumpPriming,
      title: "Pump-priming check: each grant's share of the total costs against its limit",
      header: ["Case", "Grant", "Share of costs", "Limit", "Result"],
      rows: orNone(pumpRows, 5, "(no grants)"),
      columnFormats: [null, null, fractionFormat, fractionFormat, null],
    }),
    layout.place({
      name: fundingBlockNames.borrowing,
      title: `Borrowing: drawn in the first year, repaid over its term (${unit}; the payment, interest plus principal, is a cost of the borrowing partner)`,
      header: [
        "Case",
        "Source",
        "Partner",
        "Year",
        "Opening balance",
        "Interest",
        "Principal",
        "Payment",
        "Closing balance",
      ],
      rows: orNone(borrowingRows, 9, "(no borrowing)"),
      columnFormats: [null, null, null, null, amount, amount, amount, amount, amount],
    }),
    layout.place({
      name: fundingBlockNames.partnerLines,
      title: `Per partner and funded line (${unit}; the partner's apportioned part of the line's cost over the years, and the grants on the line reaching it in proportion to that part)`,
      header: [
        "Case",
        "Partner",
        "Line",
        "Partner's cost",
        "Grants (full award)",
        "Own contribution (full award)",
        "Grants (fallback award)",
        "Own contribution (fallback award)",
      ],
      rows: orNone(partnerLineRows, 8, "(no funded lines)"),
      columnFormats: [null, null, null, amount, amount, amount, amount, amount],
    }),
    layout.place({
      name: fundingBlockNames.partners,
      title: `Per partner, full award and fallback award (${unit}; cost = the partner's apportioned part of the funded lines over the years; a grant on a shared line reaches each partner in proportion to its part of that line; own contribution = cost − grants; NPV and payback are of the partner's net benefit with the grants)`,
      header: [
        "Case",
        "Partner",
        "Name",
        "Cost of funded lines",
        "Sources named as the partner's",
        "Grants (full award)",
        "Own contribution (full award)",
        "NPV (full award)",
        "Payback years (full award)",
        "Grants (fallback award)",
        "Own contribution (fallback award)",
        "NPV (fallback award)",
        "Payback years (fallback award)",
        "Payback note",
      ],
      rows: orNone(partnerRows, 14, "(no partners)"),
      columnFormats: [
        null,
        null,
        null,
        amount,
        amount,
        amount,
        amount,
        amount,
        yearsFormat,
        amount,
        amount,
        amount,
        yearsFormat,
        null,
      ],
    }),
  ];
  return { name: fundingSheetName, blocks, charts: [] };
}
