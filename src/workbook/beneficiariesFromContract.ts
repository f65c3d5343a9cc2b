import type { BenefitClass } from "../engine/beneficiaries";
import { splitBetweenBeneficiaries } from "../engine/benefitValue";
import { type Line, type LineValue, notQuantified } from "../engine/businessCaseModel";
import type { Money } from "../engine/money";
import { beneficiariesByLine } from "./beneficiaryLines";
import type { ContractInputs } from "./contractInputs";
import type { ContractLookup } from "./contractLookup";

/** Benefit lines with no class count as fiscal cashable: savings to the partners' own budgets. */
const defaultBenefitClass: BenefitClass = "fiscalCashable";

/** Where a line of the partnership model came from, for the CBA Value sheet. */
export interface ModelLineOrigin {
  /** Index of the CBA_Lines line. */
  lineIndex: number;
  benefitClass: BenefitClass;
}

/** What CBA_Beneficiaries did to the model: the whole-public-sector lines and the outside parts. */
export interface ContractBeneficiaries {
  /** The lines as entered, every benefit wholly to the partners: the whole public sector's model. */
  wholePublicSectorLines: Line[];
  /** Per line of the partnership model (in model order), the CBA_Lines line it came from. */
  origins: ModelLineOrigin[];
  /** Per CBA_Lines index, per input case: outside bodies' parts (document sign: savings negative). */
  outsideParts: Map<number, Map<string, [string, Money][]>>;
}

/**
 * The partnership's view of the lines when CBA_Beneficiaries names who benefits. A line listed
 * there keeps only the partnership's share on its own allocation; each partner named by code gets
 * its share as a line allocated to it directly ("<line> (<code> share)", next to the line); outside
 * bodies' shares leave the model and are kept for the CBA Value sheet. Each input case's amount is
 * split in whole rounding units, so the parts add up to exactly the line. Lines not listed (and
 * every line of a workbook without the range) are left exactly as they are.
 *
 * @example
 * const shared = partnershipLines(inputs, lookup, lines, settings.roundingUnit);
 * model.lines = shared.lines;
 */
export function partnershipLines(
  inputs: ContractInputs,
  lookup: ContractLookup,
  lines: readonly Line[],
  unit: Money,
): { lines: Line[]; beneficiaries: ContractBeneficiaries } {
  const classOf = (index: number) => inputs.lines!.lines[index]!.benefitClass ?? defaultBenefitClass;
  const listed = new Map(beneficiariesByLine(inputs, lookup).map((entry) => [entry.lineIndex, entry.rows]));
  const out: Line[] = [];
  const origins: ModelLineOrigin[] = [];
  const outsideParts = new Map<number, Map<string, [string, Money][]>>();
  lines.forEach((line, index) => {
    const rows = listed.get(index);
    const origin = { lineIndex: index, benefitClass: classOf(index) };
    if (rows === undefined) {
      out.push(line);
      origins.push(origin);
      return;
    }
    const partnership: Record<string, LineValue> = {};
    const direct = new Map<string, Record<string, LineValue>>();
    for (const { beneficiary, kind } of rows) if (kind === "partner") direct.set(beneficiary, {});
    const outside = new Map<string, [string, Money][]>();
    for (const [caseName, value] of Object.entries(line.values)) {
      if (value === undefined || value === notQuantified) {
        partnership[caseName] = notQuantified;
        for (const values of direct.values()) values[caseName] = notQuantified;
        continue;
      }
      const split = splitBetweenBeneficiaries(
        value,
        rows.map((r) => ({ beneficiary: r.beneficiary, share: r.row.share })),
        { unit, subject: `line '${line.label}'` },
      );
      partnership[caseName] = split.partnership;
      const outsideBodies: [string, Money][] = [];
      for (const [body, part] of split.bodies) {
        const values = direct.get(body);
        if (values) values[caseName] = part;
        else outsideBodies.push([body, part]);
      }
      outside.set(caseName, outsideBodies);
    }
    out.push({ ...line, values: partnership });
    origins.push(origin);
    for (const [code, values] of direct) {
      out.push({
        ...line,
        label: `${line.label} (${code} share)`,
        allocation: { kind: "partner", partner: code },
        values,
      });
      origins.push(origin);
    }
    outsideParts.set(index, outside);
  });
  return { lines: out, beneficiaries: { wholePublicSectorLines: [...lines], origins, outsideParts } };
}
