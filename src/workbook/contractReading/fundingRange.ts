import type { ExpenditureType, FundingSourceKind } from "../../engine/funding";
import type { RepaymentMethod } from "../../engine/loanRepayments";
import type { Money } from "../../engine/money";
import { cellText, describeCell, isBlank, readNumber, readWholeNumber } from "../cellValueParsing";
import { type ContractProblem, inputError } from "../contractProblems";
import type { FundingInput, FundingSourceInput } from "../fundingInputs";
import { column, numberColumn } from "../contractColumns";
import type { InputTable } from "../inputTable";
import type { CellValue } from "../workbookPort";
import type { ReadInputRangeDefinition } from "./inputRangeDefinition";

/** CBA_Funding: one row per funding source. */
export const fundingColumns = {
  source: column("source", "Source", "Funding source"),
  kind: column("kind", "Kind", "Source kind", "Type"),
  partner: column("partner", "Partner", "Partner code"),
  amount: numberColumn("amount", "amount", "Amount", "Amount available", "Amount awarded"),
  pumpPrimingLimit: numberColumn(
    "fraction",
    "pumpPrimingLimit",
    "Pump-priming limit",
    "Pump priming limit",
    "Pump-priming",
  ),
  restrictedTo: column("restrictedTo", "Restricted to", "Restriction"),
  award: numberColumn("fraction", "award", "Award", "Fallback award", "Awarded fraction"),
  rate: numberColumn("rate", "rate", "Interest rate", "Rate"),
  term: numberColumn("whole number", "term", "Term", "Term years"),
  repayment: column("repayment", "Repayment", "Repayment method"),
};

export const fundingRange: ReadInputRangeDefinition<"funding"> = {
  name: "CBA_Funding",
  key: "funding",
  purpose: "Funding sources: grants, match funding, reserves and borrowing",
  contents:
    "Optional: Source, Kind (Grant, Match funding, Reserves, Borrowing, Other), Partner, Amount, Pump-priming limit, Restricted to (Capital/Revenue), Award (fallback fraction of a grant), Interest rate, Term (years), Repayment (Annuity/Straight line)",
  instruction:
    "Optional: one row per funding source. Kind: Grant, Match funding, Reserves, Borrowing or Other; Award = the fraction of a grant actually awarded, for the fallback; borrowing needs a rate and a term.",
  columns: fundingColumns,
  extension: true,
  template: { sheet: "Funding" },
  // A funding table with no rows (as in the blank template) means funding is not used.
  read: (table, { problems }) => (table.rows.length > 0 ? readFunding(table, problems) : undefined),
};

/** Words folded to compare: "Match funding", "match-funding" and "MatchFunding" are one. */
function folded(value: CellValue): string {
  return cellText(value)
    .toLowerCase()
    .replace(/[\s_-]+/g, "");
}

const kindWords: Readonly<Record<string, FundingSourceKind>> = {
  grant: "grant",
  matchfunding: "matchFunding",
  match: "matchFunding",
  reserves: "reserves",
  reserve: "reserves",
  borrowing: "borrowing",
  loan: "borrowing",
  other: "other",
};

/** Capital or Revenue, as typed in a Restricted to or Expenditure column; blank = not stated. */
export function readExpenditure(value: CellValue): ExpenditureType | "blank" | undefined {
  const text = folded(value);
  if (text === "") return "blank";
  if (text === "capital") return "capital";
  if (text === "revenue") return "revenue";
  return undefined;
}

function readRepayment(value: CellValue): RepaymentMethod | "blank" | undefined {
  const text = folded(value);
  if (text === "") return "blank";
  if (text === "annuity") return "annuity";
  if (text === "straightline") return "straightLine";
  return undefined;
}

/** Longest loan term read; longer is almost certainly a typing slip. */
const maximumTermYears = 125;

/**
 * CBA_Funding: one row per funding source, named once, with its kind (Grant, Match funding,
 * Reserves, Borrowing, Other) and the optional Partner, Amount, Pump-priming limit, Restricted to,
 * Award (the fallback fraction of a grant awarded), and for borrowing Interest rate, Term and
 * Repayment (Annuity, the default, or Straight line). References to partners are the validator's.
 */
export function readFunding(table: InputTable, problems: ContractProblem[]): FundingInput {
  const result: FundingInput = { range: table.name, sources: [], rejected: [] };
  const columns = table.requireColumns(
    { source: fundingColumns.source, kind: fundingColumns.kind },
    problems,
  );
  if (!columns) return result;
  const optional = {
    partner: table.findColumn(fundingColumns.partner),
    amount: table.findColumn(fundingColumns.amount),
    pumpPrimingLimit: table.findColumn(fundingColumns.pumpPrimingLimit),
    restrictedTo: table.findColumn(fundingColumns.restrictedTo),
    award: table.findColumn(fundingColumns.award),
    rate: table.findColumn(fundingColumns.rate),
    term: table.findColumn(fundingColumns.term),
    repayment: table.findColumn(fundingColumns.repayment),
  };
  const seen = new Set<string>();
  for (const row of table.rows) {
    const cell = table.address(row.index, columns.source);
    const name = cellText(table.cell(row, columns.source));
    // Where an optional column is absent, its problems point at the source's name.
    const at = (column: number | undefined) =>
      column === undefined ? cell : table.address(row.index, column);
    if (name === "") {
      problems.push(inputError(table.name, cell, "Missing source name", "this funding source has no name"));
      continue;
    }
    if (seen.has(name.toLowerCase())) {
      problems.push(
        inputError(
          table.name,
          cell,
          "Duplicate source",
          `funding source "${name}" appears twice; name each source once`,
        ),
      );
      continue;
    }
    seen.add(name.toLowerCase());
    let complete = true;
    const kindCell = table.address(row.index, columns.kind);
    const kind = kindWords[folded(table.cell(row, columns.kind))];
    if (kind === undefined) {
      complete = false;
      problems.push(
        inputError(
          table.name,
          kindCell,
          "Unknown source kind",
          `funding source "${name}" has kind ${describeCell(table.cell(row, columns.kind))}; use Grant, Match funding, Reserves, Borrowing or Other`,
        ),
      );
    }
    const number = (
      column: number | undefined,
      what: string,
      check: (value: Money) => string | undefined,
    ): Money | undefined => {
      const raw = table.cell(row, column);
      if (column === undefined || isBlank(raw)) return undefined;
      const parsed = readNumber(raw);
      const reason = parsed.ok ? check(parsed.value) : parsed.reason;
      if (reason === undefined && parsed.ok) return parsed.value;
      complete = false;
      problems.push(
        inputError(
          table.name,
          at(column),
          parsed.ok ? "Out of range" : "Not a number",
          `the ${what} of funding source "${name}" ${reason}`,
        ),
      );
      return undefined;
    };
    const fraction = (value: Money) =>
      value.isNegative() || value.gt(1)
        ? `must be a fraction from 0 to 1, e.g. 0.5 or 50% (found ${value.toString()})`
        : undefined;
    const amount = number(optional.amount, "amount", (value) =>
      value.isNegative() ? `cannot be negative (found ${value.toString()})` : undefined,
    );
    const pumpPrimingLimit = number(optional.pumpPrimingLimit, "pump-priming limit", fraction);
    const award = number(optional.award, "award", fraction);
    const rate = number(optional.rate, "interest rate", (value) =>
      value.isNegative() ? `cannot be negative (found ${value.toString()})` : undefined,
    );
    let termYears: number | undefined;
    const termRaw = table.cell(row, optional.term);
    if (optional.term !== undefined && !isBlank(termRaw)) {
      const parsed = readWholeNumber(termRaw, 1, maximumTermYears);
      if (parsed.ok) termYears = parsed.value;
      else {
        complete = false;
        problems.push(
          inputError(
            table.name,
            at(optional.term),
            "Not a term",
            `the term of funding source "${name}" ${parsed.reason}`,
          ),
        );
      }
    }
    const restricted = readExpenditure(table.cell(row, optional.restrictedTo));
    if (restricted === undefined) {
      complete = false;
      problems.push(
        inputError(
          table.name,
          at(optional.restrictedTo),
          "Unknown restriction",
          `funding source "${name}" is restricted to ${describeCell(table.cell(row, optional.restrictedTo))}; use Capital or Revenue, or leave it blank for either`,
        ),
      );
    }
    const repayment = readRepayment(table.cell(row, optional.repayment));
    if (repayment === undefined) {
      complete = false;
      problems.push(
        inputError(
          table.name,
          at(optional.repayment),
          "Unknown repayment",
          `funding source "${name}" is repaid ${describeCell(table.cell(row, optional.repayment))}; use Annuity or Straight line`,
        ),
      );
    }
    if (!complete || kind === undefined) {
      result.rejected.push(name);
      continue;
    }
    const source: FundingSourceInput = {
      name,
      cell,
      kind,
      kindCell,
      partnerCell: at(optional.partner),
      amountCell: at(optional.amount),
      pumpPrimingCell: at(optional.pumpPrimingLimit),
      restrictedCell: at(optional.restrictedTo),
      awardCell: at(optional.award),
      rateCell: at(optional.rate),
      termCell: at(optional.term),
      repayment: repayment === "blank" || repayment === undefined ? "annuity" : repayment,
      repaymentCell: at(optional.repayment),
    };
    const partner = cellText(table.cell(row, optional.partner));
    if (partner !== "") source.partner = partner;
    if (amount !== undefined) source.amount = amount;
    if (pumpPrimingLimit !== undefined) source.pumpPrimingLimit = pumpPrimingLimit;
    if (restricted !== "blank" && restricted !== undefined) source.restrictedTo = restricted;
    if (award !== undefined) source.award = award;
    if (rate !== undefined) source.rate = rate;
    if (termYears !== undefined) source.termYears = termYears;
    result.sources.push(source);
  }
  return result;
}
