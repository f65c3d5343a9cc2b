import type { BenefitClass } from "../engine/beneficiaries";
import { type BodyValue, type ValueFlow, valueByBody } from "../engine/benefitValue";
import { computeBusinessCase, countsAsCost, programme } from "../engine/businessCase";
import {
  type BusinessCaseModel,
  type BusinessCaseResult,
  notQuantified,
  type PartnerCaseResult,
} from "../engine/businessCaseModel";
import { type Money, sum } from "../engine/money";
import { lineYearFractions } from "../engine/phasing";
import { benefitCostRatio } from "../engine/returnOnInvestment";
import type { ContractBeneficiaries } from "./beneficiariesFromContract";

/** One view's discounted measures: NPV of net benefit, and PV(benefits) / PV(costs). */
export interface ViewMeasures {
  netPresentValue: Money;
  /** null when the view has no costs to set the benefits against. */
  benefitCostRatio: Money | null;
}

/** One benefit line's parts for one case, as amounts entered (a year's, or a one-off). */
export interface BenefitLineParts {
  label: string;
  benefitClass: BenefitClass;
  /** The whole benefit to the public sector, positive. */
  amount: Money;
  /** Each body's part, positive, partners first. */
  parts: [string, Money][];
}

/** Who pays and who benefits in one input case, over the appraisal period (years 0 to horizon). */
export interface CaseValue {
  name: string;
  value: BodyValue;
  partnership: ViewMeasures;
  wholePublicSector: ViewMeasures;
  lines: BenefitLineParts[];
  /** The engine's programme benefits over the period in each view, for the reconciliation. */
  programmeBenefits: { partnership: Money; wholePublicSector: Money };
  /** Each of `lines`' whole amount in this case as entered (document sign), in the same order. */
  wholeAmounts: [string, Money][];
}

/**
 * The CBA Value sheet's figures, per input case: each body's costs and benefits (by class) over
 * the appraisal period, undiscounted, and the partnership and whole-public-sector views with their
 * NPV and benefit–cost ratio, discounted by the model's own schedule. Partners' parts are the
 * business case's own (so they agree with CBA Partners); a line's cost or benefit over the period
 * is its part times the sum of its year fractions, as the engine phases it. The whole public
 * sector's NPV is the business case computed with the lines as entered, all benefit to the
 * partners; costs fall to the partners either way.
 *
 * @example
 * const cases = contractValue(contract.model, result, contract.beneficiaries!, inputs.lines!.lines.map((l) => l.label));
 */
export function contractValue(
  model: BusinessCaseModel,
  result: BusinessCaseResult,
  beneficiaries: ContractBeneficiaries,
  lineLabels: readonly string[],
): CaseValue[] {
  const inputCases = model.cases.filter((c) => c.derivedFrom === undefined);
  const periods = model.settings.horizonYears + 1;
  const partners = model.partners.map((p) => p.code);
  const whole = computeBusinessCase({
    ...model,
    lines: beneficiaries.wholePublicSectorLines,
    cases: inputCases,
  });
  const lifetime = model.lines.map((line) => sum(lineYearFractions(line, model.profiles, periods)));
  const firstModelLine = new Map<number, number>();
  beneficiaries.origins.forEach((o, l) => {
    if (!firstModelLine.has(o.lineIndex)) firstModelLine.set(o.lineIndex, l);
  });

  return inputCases.map(({ name }) => {
    const flows: ValueFlow[] = [];
    const lineParts = new Map<number, BenefitLineParts>();
    model.lines.forEach((line, l) => {
      const entry = result.lines[l]?.byCase[name];
      if (!entry || entry.amount === notQuantified || !entry.parts) return;
      const origin = beneficiaries.origins[l]!;
      const isCost = countsAsCost(line, entry.amount);
      for (const code of partners) {
        const part = entry.parts[code];
        if (part === undefined) continue;
        if (isCost) flows.push({ body: code, amount: part.times(lifetime[l]!) });
        else {
          flows.push({
            body: code,
            benefitClass: origin.benefitClass,
            amount: part.neg().times(lifetime[l]!),
          });
          addPart(lineParts, origin.lineIndex, lineLabels, origin.benefitClass, code, part.neg());
        }
      }
    });
    for (const [lineIndex, byCase] of beneficiaries.outsideParts) {
      const l = firstModelLine.get(lineIndex)!;
      const benefitClass = beneficiaries.origins[l]!.benefitClass;
      for (const [body, part] of byCase.get(name) ?? []) {
        flows.push({ body, benefitClass, amount: part.neg().times(lifetime[l]!) });
        addPart(lineParts, lineIndex, lineLabels, benefitClass, body, part.neg());
      }
    }
    const partnershipCase = result.cases.find((c) => c.name === name)!;
    const wholeCase = whole.cases.find((c) => c.name === name)!;
    const programmeOf = (partnerResults: readonly PartnerCaseResult[]) =>
      partnerResults.find((p) => p.partner === programme)!;
    return {
      name,
      value: valueByBody(flows, { partners }),
      partnership: measures(programmeOf(partnershipCase.partners), model),
      wholePublicSector: measures(programmeOf(wholeCase.partners), model),
      lines: [...lineParts.entries()].sort(([a], [b]) => a - b).map(([, parts]) => parts),
      programmeBenefits: {
        partnership: sum(programmeOf(partnershipCase.partners).benefits),
        wholePublicSector: sum(programmeOf(wholeCase.partners).benefits),
      },
      wholeAmounts: [...lineParts.keys()]
        .sort((a, b) => a - b)
        .flatMap((lineIndex): [string, Money][] => {
          const value = beneficiaries.wholePublicSectorLines[lineIndex]?.values[name];
          return value === undefined || value === notQuantified ? [] : [[lineLabels[lineIndex] ?? "", value]];
        }),
    };
  });
}

function addPart(
  lines: Map<number, BenefitLineParts>,
  lineIndex: number,
  labels: readonly string[],
  benefitClass: BenefitClass,
  body: string,
  part: Money,
): void {
  let entry = lines.get(lineIndex);
  if (!entry) {
    entry = { label: labels[lineIndex] ?? "", benefitClass, amount: part.minus(part), parts: [] };
    lines.set(lineIndex, entry);
  }
  entry.amount = entry.amount.plus(part);
  const existing = entry.parts.find(([b]) => b === body);
  if (existing) existing[1] = existing[1].plus(part);
  else entry.parts.push([body, part]);
}

function measures(programmeResult: PartnerCaseResult, model: BusinessCaseModel): ViewMeasures {
  const noCosts = programmeResult.costs.every((c) => c.isZero());
  return {
    netPresentValue: programmeResult.netPresentValue,
    benefitCostRatio: noCosts
      ? null
      : benefitCostRatio(programmeResult.costs, programmeResult.benefits, model.settings.discountRate),
  };
}
