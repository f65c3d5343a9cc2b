import { partnershipBeneficiary } from "../engine/beneficiaries";
import { isPartnership } from "../engine/benefitValue";
import type { BeneficiaryRowInput, ContractInputs, LineInput } from "./contractInputs";
import type { ContractLookup } from "./contractLookup";

/**
 * How CBA_Beneficiaries rows attach to CBA_Lines, shared by the validator and the model builder so
 * both read them alike: lines by label (case-insensitively), beneficiaries as the partnership, a
 * partner (by code, spelt as CBA_Partners spells it) or an outside body (as first typed).
 */

/** A beneficiary row with its line found and its beneficiary resolved. */
export interface ResolvedBeneficiaryRow {
  row: BeneficiaryRowInput;
  /** `partnershipBeneficiary`, a partner code, or the outside body's name. */
  beneficiary: string;
  kind: "partnership" | "partner" | "outside";
}

/** A line's beneficiaries, in row order. */
export interface LineBeneficiaries {
  lineIndex: number;
  rows: ResolvedBeneficiaryRow[];
}

/**
 * Whether a contract line is a benefit: its Kind says Benefit, or it has no Kind, is recurring and
 * every amount is a saving (negative) — as the engine classes it — so no case turns it into a cost.
 */
export function isBenefitLine(line: LineInput): boolean {
  if (line.kind !== undefined) return line.kind === "benefit";
  if (line.timing !== "recurring") return false;
  const amounts = [...line.values.values()].flatMap(({ value }) =>
    typeof value === "string" ? [] : [value],
  );
  return (
    amounts.some((a) => a.isNegative() && !a.isZero()) && amounts.every((a) => a.isNegative() || a.isZero())
  );
}

/** Indexes of the lines a label names (more than one when CBA_Lines repeats a label). */
export function linesNamed(inputs: ContractInputs, label: string): number[] {
  const key = label.trim().toLowerCase();
  return (inputs.lines?.lines ?? []).flatMap((line, index) =>
    line.label.trim().toLowerCase() === key ? [index] : [],
  );
}

function resolveBeneficiary(lookup: ContractLookup, row: BeneficiaryRowInput): ResolvedBeneficiaryRow {
  if (isPartnership(row.beneficiary))
    return { row, beneficiary: partnershipBeneficiary, kind: "partnership" };
  const partner = lookup.partner(row.beneficiary);
  if (partner !== undefined) return { row, beneficiary: partner, kind: "partner" };
  return { row, beneficiary: row.beneficiary.trim(), kind: "outside" };
}

/**
 * The rows of CBA_Beneficiaries grouped by the one line each names, in line order; rows naming no
 * line, or a label several lines share, are left out (the validator reports them). Outside bodies
 * named in different spellings ("nhs", "NHS") are one body, spelt as first typed.
 */
export function beneficiariesByLine(inputs: ContractInputs, lookup: ContractLookup): LineBeneficiaries[] {
  const byLine = new Map<number, ResolvedBeneficiaryRow[]>();
  const spelling = new Map<string, string>();
  for (const row of inputs.beneficiaries?.rows ?? []) {
    const lines = linesNamed(inputs, row.line);
    if (lines.length !== 1) continue;
    const resolved = resolveBeneficiary(lookup, row);
    if (resolved.kind === "outside") {
      const key = resolved.beneficiary.toLowerCase();
      if (!spelling.has(key)) spelling.set(key, resolved.beneficiary);
      resolved.beneficiary = spelling.get(key)!;
    }
    const list = byLine.get(lines[0]!) ?? [];
    list.push(resolved);
    byLine.set(lines[0]!, list);
  }
  return [...byLine.entries()].sort(([a], [b]) => a - b).map(([lineIndex, rows]) => ({ lineIndex, rows }));
}
