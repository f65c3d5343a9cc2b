import { countsAsCost } from "../engine/businessCase";
import type { BusinessCaseModel, BusinessCaseResult, Line } from "../engine/businessCaseModel";
import {
  checkFunding,
  type ExpenditureType,
  type FundedCostLine,
  type FundingCheck,
  type FundingContribution,
  type FundingSource,
} from "../engine/funding";
import {
  borrowingCashflow,
  type LoanYear,
  loanRepayments,
  type RepaymentMethod,
} from "../engine/loanRepayments";
import { Money, sum } from "../engine/money";
import {
  type FundedLineParts,
  partnerFundingPositions,
  type PartnerFundingPosition,
} from "../engine/partnerFunding";
import { lineYearFractions } from "../engine/phasing";
import { amountText, decimalsOf } from "./amountText";
import type { ContractInputs, LineInput } from "./contractInputs";
import { ContractLookup } from "./contractLookup";
import type { FundingSourceInput } from "./fundingInputs";
import type { ReconciliationRow } from "./resultReconciliation";

/**
 * The funding of a business case built from CBA_Funding and CBA_LineFunding, per input case:
 * which lines are checked, what funds them, and (with the computed business case) what each
 * partner bears. Call only when the contract has no errors: names are assumed to resolve.
 */

/** A line in one input case's funding check, with where it came from. */
export interface CheckedLine {
  input: LineInput;
  /** False when CBA_Lines gives no Capital or Revenue: the check takes it by timing. */
  expenditureStated: boolean;
  funded: boolean;
}

export interface CaseFundingCheck {
  caseName: string;
  lines: CheckedLine[];
  check: FundingCheck;
}

/** Source names in CBA_Funding's spelling, found case-insensitively. */
export function fundingSource(inputs: ContractInputs, name: string): FundingSourceInput | undefined {
  const key = name.trim().toLowerCase();
  return inputs.funding?.sources.find((s) => s.name.toLowerCase() === key);
}

/** The CBA_Lines line a CBA_LineFunding row names, case-insensitively. */
export function fundedLine(inputs: ContractInputs, label: string): LineInput | undefined {
  const key = label.trim().toLowerCase();
  return inputs.lines?.lines.find((l) => l.label.toLowerCase() === key);
}

/** A line not stated capital or revenue is taken by its timing: one-off capital, recurring revenue. */
export function lineExpenditure(line: LineInput): ExpenditureType {
  return line.expenditure ?? (line.timing === "oneOff" ? "capital" : "revenue");
}

export function engineSources(inputs: ContractInputs): FundingSource[] {
  const lookup = new ContractLookup(inputs);
  return (inputs.funding?.sources ?? []).map((input) => {
    const source: FundingSource = { name: input.name, kind: input.kind };
    const partner = input.partner === undefined ? undefined : lookup.partner(input.partner);
    if (partner !== undefined) source.partner = partner;
    if (input.kind === "grant" && input.pumpPrimingLimit !== undefined)
      source.pumpPrimingLimit = input.pumpPrimingLimit;
    if (input.restrictedTo !== undefined) source.restrictedTo = input.restrictedTo;
    return source;
  });
}

/**
 * The funding check of every input case: each line that is a cost in the case (positive, not a
 * Benefit) and each line CBA_LineFunding names, against its funding. A percent is of the line's
 * amount in the case; an amount is the same in every case. A funded line not quantified (N/A) or
 * not a cost in a case counts as costing 0 there.
 */
export function fundingChecks(inputs: ContractInputs): CaseFundingCheck[] {
  const linesInput = inputs.lines;
  if (!linesInput || !inputs.funding) return [];
  const sources = engineSources(inputs);
  const funding = new Map<LineInput, FundingContribution[]>();
  for (const row of inputs.lineFunding?.rows ?? []) {
    const line = fundedLine(inputs, row.line);
    const source = fundingSource(inputs, row.source)?.name;
    // Unresolved names are the validator's errors; the checks it makes meanwhile leave them out.
    if (line === undefined || source === undefined) continue;
    const list = funding.get(line) ?? [];
    list.push(row.amount !== undefined ? { source, amount: row.amount } : { source, percent: row.percent! });
    funding.set(line, list);
  }
  return linesInput.cases.map((caseName) => {
    const lines: CheckedLine[] = [];
    const funded: FundedCostLine[] = [];
    for (const input of linesInput.lines) {
      const value = input.values.get(caseName)?.value;
      const amount = value instanceof Money ? value : undefined;
      const isCost = amount !== undefined && amount.gt(0) && countsAsCost(asEngineLine(input), amount);
      const contributions = funding.get(input);
      if (!isCost && contributions === undefined) continue;
      lines.push({
        input,
        expenditureStated: input.expenditure !== undefined,
        funded: contributions !== undefined,
      });
      funded.push({
        label: input.label,
        expenditure: lineExpenditure(input),
        cost: isCost ? amount : new Money(0),
        funding: contributions ?? [],
      });
    }
    return { caseName, lines, check: checkFunding(funded, sources) };
  });
}

function asEngineLine(input: LineInput): Line {
  const line: Line = {
    label: input.label,
    timing: input.timing,
    allocation: { kind: "partner", partner: "" },
    values: {},
  };
  if (input.kind !== undefined) line.kind = input.kind;
  return line;
}

export interface BorrowingResult {
  source: string;
  partner?: string;
  principal: Money;
  rate: Money;
  termYears: number;
  repayment: RepaymentMethod;
  schedule: LoanYear[];
  /** Drawn in year 0 (negative), repaid in the years after (positive). */
  cashflow: Money[];
}

export interface CaseFunding extends CaseFundingCheck {
  borrowing: BorrowingResult[];
  partners: PartnerFundingPosition[];
  /** Per partner: the total of the sources CBA_Funding names as that partner's money. */
  namedSources: Readonly<Record<string, Money>>;
}

export interface FundingResults {
  sources: FundingSourceInput[];
  engineSources: FundingSource[];
  cases: CaseFunding[];
  /** Each partner's name, for the sheet. */
  partnerNames: Readonly<Record<string, string>>;
}

/**
 * The funding results of every input case: the check, each borrowing's repayments (drawn in
 * year 0, repaid over its term from year 1) and each partner's position, full and fallback award.
 */
export function computeFunding(
  inputs: ContractInputs,
  model: BusinessCaseModel,
  result: BusinessCaseResult,
): FundingResults {
  const sources = engineSources(inputs);
  const codes = model.partners.map((p) => p.code);
  const periods = result.years.length;
  const awards = Object.fromEntries(
    inputs
      .funding!.sources.filter((s) => s.kind === "grant" && s.award !== undefined)
      .map((s) => [s.name, s.award!]),
  );
  const cases = fundingChecks(inputs).map((checked): CaseFunding => {
    const caseResult = result.cases.find((c) => c.name === checked.caseName)!;
    const fundedParts: FundedLineParts[] = [];
    checked.lines.forEach(({ input, funded }) => {
      if (!funded) return;
      // model.lines are CBA_Lines' lines in order (businessCaseFromContract).
      const index = inputs.lines!.lines.indexOf(input);
      const entry = result.lines[index]?.byCase[checked.caseName];
      const fundedLine = checked.check.lines.find((l) => l.label === input.label)!;
      // A line costing nothing in this case (N/A, or a saving here) has no cost to share.
      const parts = fundedLine.cost.isZero() || entry?.parts === undefined ? {} : entry.parts;
      fundedParts.push({
        label: input.label,
        parts,
        yearFractions: lineYearFractions(model.lines[index]!, model.profiles, periods),
      });
    });
    const netBenefit = Object.fromEntries(
      codes.map((code) => [code, caseResult.partners.find((p) => p.partner === code)!.netBenefit]),
    );
    const partners = partnerFundingPositions(checked.check, sources, fundedParts, netBenefit, awards, {
      unit: model.settings.roundingUnit,
      rate: model.settings.discountRate,
    });
    const borrowing: BorrowingResult[] = [];
    for (const input of inputs.funding!.sources) {
      if (input.kind !== "borrowing" || input.rate === undefined || input.termYears === undefined) continue;
      const principal = checked.check.bySource[input.name]!;
      if (principal.isZero()) continue;
      const engineSource = sources.find((s) => s.name === input.name)!;
      const entry: BorrowingResult = {
        source: input.name,
        principal,
        rate: input.rate,
        termYears: input.termYears,
        repayment: input.repayment,
        schedule: loanRepayments(principal, input.rate, input.termYears, input.repayment),
        cashflow: borrowingCashflow(principal, input.rate, input.termYears, input.repayment, 0),
      };
      if (engineSource.partner !== undefined) entry.partner = engineSource.partner;
      borrowing.push(entry);
    }
    const namedSources = Object.fromEntries(
      codes.map((code) => [
        code,
        sum(sources.filter((s) => s.partner === code).map((s) => checked.check.bySource[s.name]!)),
      ]),
    );
    return { ...checked, borrowing, partners, namedSources };
  });
  return {
    sources: inputs.funding!.sources,
    engineSources: sources,
    cases,
    partnerNames: Object.fromEntries(model.partners.map((p) => [p.code, p.name])),
  };
}

/**
 * "Funding versus costs" for CBA Checks: per input case, total funding against total costs; when
 * they differ, one row per line that is short or over-funded, with both figures.
 */
export function fundingReconciliation(funding: FundingResults, roundingUnit: Money): ReconciliationRow[] {
  const shown = (value: Money) => amountText(value, decimalsOf(roundingUnit));
  const rows: ReconciliationRow[] = [];
  for (const { caseName, check } of funding.cases) {
    const gaps = check.lines.filter((l) => !l.shortfall.isZero() || !l.overFunding.isZero());
    if (gaps.length === 0) {
      rows.push({
        check: "Funding versus costs",
        location: caseName,
        expected: null,
        found: null,
        agrees: true,
        message: `total funding equals total costs (${shown(check.total.cost)}), line by line`,
      });
      continue;
    }
    for (const line of gaps) {
      rows.push({
        check: "Funding versus costs",
        location: `${caseName}: line "${line.label}"`,
        expected: line.cost,
        found: line.funded,
        agrees: false,
        message: line.shortfall.isZero()
          ? `line "${line.label}" is funded ${shown(line.overFunding)} more than its cost of ${shown(line.cost)}`
          : `line "${line.label}" has ${shown(line.shortfall)} of its cost of ${shown(line.cost)} not funded`,
      });
    }
  }
  return rows;
}
