import { EngineError, requireValue } from "./errors";
import { readFraction, withoutNegativeZero, isList } from "./engineInputs";
import { type Amount, Money, sum, toMoney } from "./money";

/**
 * Optimism bias: the Green Book's explicit correction for appraisers' tendency to understate costs
 * and durations and overstate benefits. Costs are uplifted (× (1 + rate)), durations lengthened
 * (× (1 + rate)) and benefits reduced (× (1 − rate)); the rate starts at an upper bound for the
 * kind of project and comes down only as far as risks are shown to be mitigated:
 * rate = upper bound × (1 − mitigation).
 */

/** The project types of the Green Book supplementary guidance on optimism bias. */
export type OptimismBiasProjectType =
  | "standardBuildings"
  | "nonStandardBuildings"
  | "standardCivilEngineering"
  | "nonStandardCivilEngineering"
  | "equipmentDevelopment"
  | "outsourcing";

/** Upper and lower bounds of optimism bias, as fractions (0.24 for 24%). */
export interface OptimismBiasBounds {
  upper: Money;
  lower: Money;
}

/**
 * What a project type's bounds apply to. The guidance gives capital expenditure for every type
 * except outsourcing, whose figures are for operating expenditure, and no works-duration figure
 * for outsourcing.
 */
export interface OptimismBiasGuideline {
  /** Plain-English name, as the guidance prints it. */
  name: string;
  /** Which costs the cost bounds uplift. */
  costsUplifted: "capital" | "operating";
  cost: OptimismBiasBounds;
  /** Uplift to works duration; absent where the guidance gives none (outsourcing). */
  duration?: OptimismBiasBounds;
}

const bounds = (upper: string, lower: string): OptimismBiasBounds => ({
  upper: new Money(upper),
  lower: new Money(lower),
});

/**
 * The default optimism-bias table: HM Treasury, "Supplementary Green Book Guidance: Optimism
 * Bias" (2003, https://www.gov.uk/government/publications/green-book-supplementary-guidance-optimism-bias),
 * Table 1 "Recommended adjustment ranges", prepared from Mott MacDonald (2002), "Review of Large
 * Public Procurement in the UK", Table 2 (figures checked against that table again in 2026). Works duration upper / lower and capital
 * expenditure upper / lower, in percent: non-standard buildings 39 / 2 and 51 / 4; standard
 * buildings 4 / 1 and 24 / 2; non-standard civil engineering 25 / 3 and 66 / 6; standard civil
 * engineering 20 / 1 and 44 / 3; equipment / development (which covers IT systems) 54 / 10 and
 * 200 / 10; outsourcing no duration figure, 41 / 0 of *operating* expenditure. The guidance calls
 * these indicative starting values, not limits: pass your own evidence instead where you have it.
 *
 * @example
 * greenBookOptimismBias.standardBuildings.cost.upper.toString() // → "0.24"
 */
export const greenBookOptimismBias: Readonly<Record<OptimismBiasProjectType, OptimismBiasGuideline>> = {
  standardBuildings: {
    name: "Standard buildings",
    costsUplifted: "capital",
    cost: bounds("0.24", "0.02"),
    duration: bounds("0.04", "0.01"),
  },
  nonStandardBuildings: {
    name: "Non-standard buildings",
    costsUplifted: "capital",
    cost: bounds("0.51", "0.04"),
    duration: bounds("0.39", "0.02"),
  },
  standardCivilEngineering: {
    name: "Standard civil engineering",
    costsUplifted: "capital",
    cost: bounds("0.44", "0.03"),
    duration: bounds("0.20", "0.01"),
  },
  nonStandardCivilEngineering: {
    name: "Non-standard civil engineering",
    costsUplifted: "capital",
    cost: bounds("0.66", "0.06"),
    duration: bounds("0.25", "0.03"),
  },
  equipmentDevelopment: {
    name: "Equipment/development",
    costsUplifted: "capital",
    cost: bounds("2.00", "0.10"),
    duration: bounds("0.54", "0.10"),
  },
  outsourcing: {
    name: "Outsourcing",
    costsUplifted: "operating",
    cost: bounds("0.41", "0"),
  },
};

const projectTypeNames: readonly [string, OptimismBiasProjectType][] = [
  ["standardbuildings", "standardBuildings"],
  ["standardbuilding", "standardBuildings"],
  ["nonstandardbuildings", "nonStandardBuildings"],
  ["nonstandardbuilding", "nonStandardBuildings"],
  ["standardcivilengineering", "standardCivilEngineering"],
  ["nonstandardcivilengineering", "nonStandardCivilEngineering"],
  ["equipmentdevelopment", "equipmentDevelopment"],
  ["equipment", "equipmentDevelopment"],
  ["development", "equipmentDevelopment"],
  ["it", "equipmentDevelopment"],
  ["ict", "equipmentDevelopment"],
  ["outsourcing", "outsourcing"],
];

/**
 * Reads a project type as a finance officer would type it: case, spaces, hyphens and slashes are
 * ignored ("Non-standard buildings", "equipment/development"); "IT" and "ICT" mean
 * equipment/development, as the guidance says.
 *
 * @example
 * readProjectType("Non-standard civil engineering") // → "nonStandardCivilEngineering"
 */
export function readProjectType(text: string, subject = "projectType"): OptimismBiasProjectType {
  requireValue(typeof text === "string", subject, "must be the name of a project type");
  const key = text.toLowerCase().replace(/[\s\-/_]/g, "");
  const found = projectTypeNames.find(([name]) => name === key);
  if (!found) {
    throw new EngineError(
      "invalidValue",
      subject,
      `"${text}" is not a project type of the Green Book optimism-bias table: use ${Object.values(
        greenBookOptimismBias,
      )
        .map((g) => g.name)
        .join(", ")}`,
    );
  }
  return found[1];
}

/**
 * The Green Book optimism-bias rate for a project type: the upper bound (the starting point) or the
 * lower bound (what mitigation can bring it down to), for costs or for works duration.
 *
 * Throws `noResult` for the duration of outsourcing, for which the guidance gives no figure.
 *
 * @example
 * optimismBiasRate("equipmentDevelopment").toString() // → "2"
 * optimismBiasRate("standardBuildings", "lower", "duration").toString() // → "0.01"
 */
export function optimismBiasRate(
  projectType: OptimismBiasProjectType,
  bound: "upper" | "lower" = "upper",
  measure: "cost" | "duration" = "cost",
  table: Readonly<Record<OptimismBiasProjectType, OptimismBiasGuideline>> = greenBookOptimismBias,
): Money {
  const guideline = table[projectType];
  requireValue(
    guideline !== undefined,
    "projectType",
    `is not a project type of the table (got ${String(projectType)})`,
  );
  requireValue(
    bound === "upper" || bound === "lower",
    "bound",
    `must be "upper" or "lower" (got ${String(bound)})`,
  );
  requireValue(
    measure === "cost" || measure === "duration",
    "measure",
    `must be "cost" or "duration" (got ${String(measure)})`,
  );
  const pair = measure === "cost" ? guideline.cost : guideline.duration;
  if (pair === undefined) {
    throw new EngineError(
      "noResult",
      "measure",
      `the guidance gives no optimism bias for the ${measure} of ${guideline.name.toLowerCase()} projects`,
    );
  }
  return pair[bound];
}

/**
 * A data-confidence grade and the optimism bias applied to estimates of that grade, as local
 * partnerships' cost–benefit models grade each cost and benefit by the quality of its evidence.
 */
export interface ConfidenceGrade {
  grade: number;
  /** What evidence earns the grade. */
  evidence: string;
  rate: Money;
}

/**
 * The product's ILLUSTRATIVE default confidence-grade table: grade 1 0%, 2 5%, 3 10%, 4 15%, 5 25%,
 * 6 40%. It follows the idea of HM Treasury, New Economy and partners, "Supporting public service
 * transformation: cost benefit analysis guidance for local partnerships" (2014) — a larger
 * optimism-bias correction the weaker the evidence behind an estimate — but these figures are
 * not verified against any published table (none was found when this was checked), so they are
 * a placeholder for the user to edit: in a workbook, with a CBA_ConfidenceGrades range; here, by
 * passing another table to every function that takes one.
 *
 * @example
 * defaultConfidenceGrades.find((g) => g.grade === 4)!.rate.toString() // → "0.15"
 */
export const defaultConfidenceGrades: readonly ConfidenceGrade[] = [
  { grade: 1, evidence: "Independently audited, recent, local data", rate: new Money("0") },
  { grade: 2, evidence: "Recent, local data from a reliable source", rate: new Money("0.05") },
  { grade: 3, evidence: "Older or national data from a reliable source", rate: new Money("0.10") },
  { grade: 4, evidence: "Data from a smaller or less reliable study", rate: new Money("0.15") },
  { grade: 5, evidence: "Estimates based on expert judgement", rate: new Money("0.25") },
  { grade: 6, evidence: "Assumptions with little evidence", rate: new Money("0.40") },
];

/**
 * The optimism bias for a confidence grade, from the table given (default
 * `defaultConfidenceGrades`).
 *
 * Throws `noResult` for a grade the table does not list.
 *
 * @example
 * confidenceGradeRate(5).toString() // → "0.25"
 * confidenceGradeRate(2, [{ grade: 2, evidence: "Our own", rate: new Money("0.08") }]).toString() // → "0.08"
 */
export function confidenceGradeRate(
  grade: number,
  table: readonly ConfidenceGrade[] = defaultConfidenceGrades,
  subject = "grade",
): Money {
  const found = table.find((entry) => entry.grade === grade);
  if (!found) {
    throw new EngineError(
      "noResult",
      subject,
      `${String(grade)} is not a confidence grade of the table (grades ${table.map((g) => g.grade).join(", ")})`,
    );
  }
  return found.rate;
}

/**
 * The rate after mitigation: upper bound × (1 − mitigation), where mitigation is the fraction of
 * the optimism bias that risk management has been shown to remove (the guidance's worked example:
 * 92% mitigated of 51% leaves 4.08%).
 *
 * @example
 * mitigatedRate(0.51, 0.92).toString() // → "0.0408"
 */
export function mitigatedRate(upperBound: Amount, mitigation: Amount, subject = "mitigation"): Money {
  const upper = readFraction(upperBound, "upperBound", { most: 100 });
  return upper.times(new Money(1).minus(readFraction(mitigation, subject)));
}

/** Which way optimism bias moves an amount: costs and durations up, benefits down. */
export type OptimismBiasDirection = "cost" | "benefit";

/**
 * An amount (or a row of amounts per period) with optimism bias applied: costs × (1 + rate),
 * benefits × (1 − rate). Signs are kept, so a saving entered as a negative amount shrinks towards
 * zero as a benefit should. A benefit cannot be reduced by more than 100%.
 *
 * @example
 * withOptimismBias([100, 200], 0.24, "cost").map(String) // → ["124", "248"]
 * withOptimismBias([-1000], 0.15, "benefit").map(String) // → ["-850"]
 */
export function withOptimismBias(
  amounts: readonly Amount[],
  rate: Amount,
  direction: OptimismBiasDirection = "cost",
  subject = "amounts",
): Money[] {
  requireValue(
    direction === "cost" || direction === "benefit",
    "direction",
    `must be "cost" or "benefit" (got ${String(direction)})`,
  );
  const factor = optimismBiasFactor(rate, direction);
  requireValue(isList(amounts), subject, "must be a list of amounts");
  return amounts.map((amount, t) => withoutNegativeZero(toMoney(amount, `${subject}[${t}]`).times(factor)));
}

/**
 * The multiplier optimism bias applies: 1 + rate for a cost or a duration, 1 − rate for a
 * benefit.
 *
 * @example
 * optimismBiasFactor(0.4, "benefit").toString() // → "0.6"
 */
export function optimismBiasFactor(rate: Amount, direction: OptimismBiasDirection): Money {
  const value = readFraction(rate, "rate", { most: direction === "benefit" ? 1 : 100 });
  return direction === "cost" ? value.plus(1) : new Money(1).minus(value);
}

/**
 * A works duration lengthened by optimism bias: duration × (1 + rate), in the duration's own unit
 * (years or months); round it to whole periods where a profile needs them.
 *
 * @example
 * upliftedDuration(18, 0.39).toString() // → "25.02"
 */
export function upliftedDuration(duration: Amount, rate: Amount): Money {
  const value = toMoney(duration, "duration");
  if (value.isNegative() && !value.isZero()) {
    throw new EngineError(
      "invalidNumber",
      "duration",
      `is ${value.toString()}: a duration cannot be negative`,
    );
  }
  return value.times(optimismBiasFactor(rate, "cost"));
}

/** One cost or benefit line with its optimism bias and the record of why it is what it is. */
export interface OptimismBiasLine {
  label: string;
  direction: OptimismBiasDirection;
  /** The line's amounts per period (or one amount), before optimism bias. */
  amounts: readonly Amount[];
  /** The starting (upper-bound) rate, e.g. from `optimismBiasRate` or `confidenceGradeRate`. */
  rate: Amount;
  /** Fraction of the rate mitigated (0 when omitted). */
  mitigation?: Amount;
  /** Why the mitigation is justified: required when there is any, so the appraisal can be audited. */
  mitigationReason?: string;
  /** Category shown in the record, such as "Capital", "Operating" or "Benefit". */
  category?: string;
}

/** A line's optimism-bias record: the rates, the reason, and the amounts without and with it. */
export interface OptimismBiasLineResult {
  label: string;
  direction: OptimismBiasDirection;
  category?: string;
  startingRate: Money;
  mitigation: Money;
  mitigationReason?: string;
  appliedRate: Money;
  withoutOptimismBias: Money[];
  withOptimismBias: Money[];
  /** With minus without, per period: the adjustment itself. */
  adjustment: Money[];
}

/** Optimism bias over several lines: each line's record and per-period totals without and with it. */
export interface OptimismBiasResult {
  lines: OptimismBiasLineResult[];
  costsWithout: Money[];
  costsWith: Money[];
  benefitsWithout: Money[];
  benefitsWith: Money[];
}

/**
 * Applies optimism bias line by line as a documented step: each line's starting rate, the share
 * mitigated and why, the rate applied, and its amounts without and with optimism bias; then cost
 * and benefit totals per period both ways, so results can be shown with and without it side by
 * side. Lines must cover the same periods.
 *
 * Throws `invalidValue` naming the line when mitigation is claimed without a reason, or when lines
 * cover different periods.
 *
 * @example
 * const result = applyOptimismBias([
 *   { label: "ICT", direction: "cost", amounts: [500, 100], rate: 2, mitigation: 0.9, mitigationReason: "Off-the-shelf system, fixed price" },
 *   { label: "Staff savings", direction: "benefit", amounts: [0, 300], rate: 0.15 },
 * ]);
 * result.costsWith.map(String) // → ["600", "120"]
 * result.benefitsWith.map(String) // → ["0", "255"]
 */
export function applyOptimismBias(lines: readonly OptimismBiasLine[]): OptimismBiasResult {
  requireValue(isList(lines) && lines.length > 0, "lines", "needs at least one cost or benefit line");
  const periods = lines[0]!.amounts.length;
  const results = lines.map((line): OptimismBiasLineResult => {
    const name = `line '${line.label}'`;
    requireValue(isList(line.amounts) && line.amounts.length > 0, name, "has no amounts");
    if (line.amounts.length !== periods) {
      throw new EngineError(
        "invalidValue",
        name,
        `covers ${line.amounts.length} periods but line '${lines[0]!.label}' covers ${periods}: give every line for the same periods`,
      );
    }
    requireValue(
      line.direction === "cost" || line.direction === "benefit",
      `${name} direction`,
      `must be "cost" or "benefit"`,
    );
    const startingRate = readFraction(line.rate, `${name} rate`, { most: 100 });
    const mitigation = readFraction(line.mitigation ?? 0, `${name} mitigation`);
    const reason = line.mitigationReason?.trim();
    if (!mitigation.isZero() && !reason) {
      throw new EngineError(
        "invalidValue",
        `${name} mitigation`,
        `is ${mitigation.times(100).toString()}% but no reason is recorded: say what evidence or risk management justifies it`,
      );
    }
    const appliedRate = startingRate.times(new Money(1).minus(mitigation));
    if (line.direction === "benefit" && appliedRate.gt(1)) {
      throw new EngineError("invalidNumber", `${name} rate`, "would reduce a benefit by more than 100%");
    }
    const without = line.amounts.map((a, t) => toMoney(a, `${name} amounts[${t}]`));
    const withBias = withOptimismBias(without, appliedRate, line.direction, `${name} amounts`);
    return {
      label: line.label,
      direction: line.direction,
      ...(line.category === undefined ? {} : { category: line.category }),
      startingRate,
      mitigation,
      ...(reason ? { mitigationReason: reason } : {}),
      appliedRate,
      withoutOptimismBias: without,
      withOptimismBias: withBias,
      adjustment: withBias.map((w, t) => withoutNegativeZero(w.minus(without[t]!))),
    };
  });
  const total = (direction: OptimismBiasDirection, pick: (r: OptimismBiasLineResult) => Money[]): Money[] =>
    Array.from({ length: periods }, (_, t) =>
      sum(results.filter((r) => r.direction === direction).map((r) => pick(r)[t]!)),
    );
  return {
    lines: results,
    costsWithout: total("cost", (r) => r.withoutOptimismBias),
    costsWith: total("cost", (r) => r.withOptimismBias),
    benefitsWithout: total("benefit", (r) => r.withoutOptimismBias),
    benefitsWith: total("benefit", (r) => r.withOptimismBias),
  };
}
