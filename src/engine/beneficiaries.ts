import { apportion } from "./apportion";
import { EngineError, requireValue } from "./errors";
import { isList } from "./engineInputs";
import { type Amount, Money, sum, toMoney } from "./money";

/**
 * Who benefits, not only who pays. A benefit line's value can accrue to bodies outside the
 * partnership (the NHS, DWP, courts, other councils) as well as to the partners: "partners take 16%
 * of the demand-reduction benefit, the rest falls to the NHS and police". Each line names its
 * beneficiaries and their shares; the line's amount is split between them in whole rounding units
 * so the parts add up to exactly the line (using `apportion`), and the partnership's own part is
 * split between the partners by their shares in the same way.
 */

/**
 * The Green Book / local-partnership classes of benefit: fiscal benefits are savings to public
 * budgets, cashable (money that can be taken out) or non-cashable (capacity freed); economic
 * benefits are gains to the economy (earnings, productivity); social benefits are gains to people's
 * wellbeing (health, crime avoided).
 */
export type BenefitClass = "fiscalCashable" | "fiscalNonCashable" | "economic" | "social";

/**
 * Every benefit class, in the order totals are shown.
 *
 * @example
 * benefitClasses[0] // → "fiscalCashable"
 */
export const benefitClasses: readonly BenefitClass[] = [
  "fiscalCashable",
  "fiscalNonCashable",
  "economic",
  "social",
];

/**
 * The beneficiary that stands for the partners together: its share of a line is split between the
 * partners by `partnerWeights`.
 *
 * @example
 * const shares = [{ beneficiary: partnershipBeneficiary, share: 0.16 }, { beneficiary: "NHS", share: 0.84 }];
 */
export const partnershipBeneficiary = "Partnership";

/** One beneficiary's share of a line: a partner's code, `partnershipBeneficiary`, or another body's name. */
export interface BeneficiaryShare {
  beneficiary: string;
  share: Amount;
}

/** A benefit line: its value (positive), its class, and who receives what share of it. */
export interface BenefitLine {
  label: string;
  benefitClass: BenefitClass;
  /** The benefit, positive, in the case's unit; a whole number of rounding units. */
  amount: Amount;
  beneficiaries: readonly BeneficiaryShare[];
  /** How messages name the line (default "benefit line '<label>'"), e.g. the cells it came from. */
  subject?: string;
  /** How messages name the line's amount (default "<subject> amount"). */
  amountSubject?: string;
}

export interface BeneficiarySplitOptions {
  /** The partners' codes, in model order: beneficiaries with these names are partners. */
  partners: readonly string[];
  /** Weights splitting the `partnershipBeneficiary` share between partners (their pool shares). */
  partnerWeights?: Readonly<Record<string, Amount>>;
  /** Rounding unit of the parts (default 0.01). */
  unit?: Amount;
  /** What each body pays (its apportioned costs), to set against what it receives. */
  costsByBody?: Readonly<Record<string, Amount>>;
  /**
   * How far shares may miss 100% and still count as adding up, for fractions entered as formulas
   * (=1/3 three times). Default 1e-9.
   */
  shareTolerance?: Amount;
}

/** A line's parts: the amount each body receives (partners individually, then other bodies). */
export interface BenefitLineSplit {
  label: string;
  benefitClass: BenefitClass;
  amount: Money;
  parts: Readonly<Record<string, Money>>;
}

/** One body's position: what it receives by class, in total, and what it pays. */
export interface BodyPosition {
  body: string;
  isPartner: boolean;
  byClass: Readonly<Record<BenefitClass, Money>>;
  benefits: Money;
  /** What the body pays (0 for a body with no costs given). */
  pays: Money;
  /** benefits − pays: positive when the body gains more than it pays. */
  net: Money;
}

/** Totals by class of one view (the partnership's, or the whole public sector's). */
export interface ViewTotals {
  byClass: Readonly<Record<BenefitClass, Money>>;
  benefits: Money;
  pays: Money;
}

export interface BeneficiarySplit {
  lines: BenefitLineSplit[];
  /** Partners first in model order, then other bodies in order of first appearance. */
  bodies: BodyPosition[];
  /** The partners only. */
  partnership: ViewTotals;
  /** Everyone: the partnership plus every other body. */
  wholePublicSector: ViewTotals;
  /** Every body outside the partnership together. */
  otherBodies: ViewTotals;
}

/**
 * Splits benefit lines between their beneficiaries and gives the partnership view and the
 * whole-public-sector view side by side, totals per class per body, and what each body pays
 * against what it receives. A line's shares must add up to 100% (within `shareTolerance`); a
 * beneficiary may appear once per line.
 *
 * Throws `invalidValue` naming the line for shares that do not add up, a repeated beneficiary, an
 * unknown class, or a partnership share without `partnerWeights`; `invalidNumber` for a negative
 * share or an amount that is not a whole number of rounding units.
 *
 * @example
 * const split = splitBenefitsByBeneficiary(
 *   [{ label: "Demand reduction", benefitClass: "fiscalCashable", amount: 1000,
 *      beneficiaries: [{ beneficiary: "Partnership", share: 0.16 }, { beneficiary: "NHS", share: 0.6 }, { beneficiary: "Police", share: 0.24 }] }],
 *   { partners: ["HCC", "HFRS"], partnerWeights: { HCC: 0.75, HFRS: 0.25 }, unit: 1 },
 * );
 * split.lines[0]!.parts // → { HCC: 120, HFRS: 40, NHS: 600, Police: 240 }
 * split.partnership.benefits.toString() // → "160"
 * split.wholePublicSector.benefits.toString() // → "1000"
 */
export function splitBenefitsByBeneficiary(
  lines: readonly BenefitLine[],
  options: BeneficiarySplitOptions,
): BeneficiarySplit {
  requireValue(isList(lines), "benefit lines", "must be a list of benefit lines");
  requireValue(isList(options.partners), "partners", "must list the partners' codes");
  const partners = [...options.partners];
  const isPartner = (body: string) => partners.includes(body);
  const unit = options.unit ?? "0.01";
  const tolerance = toMoney(options.shareTolerance ?? "1e-9", "shareTolerance").abs();
  const others: string[] = [];

  const splits = lines.map((line): BenefitLineSplit => {
    const name = line.subject ?? `benefit line '${line.label}'`;
    const amountName = line.amountSubject ?? `${name} amount`;
    requireValue(
      benefitClasses.includes(line.benefitClass),
      `${name} class`,
      `must be one of ${benefitClasses.join(", ")} (got ${String(line.benefitClass)})`,
    );
    requireValue(
      isList(line.beneficiaries) && line.beneficiaries.length > 0,
      name,
      "names no beneficiaries: give at least one, with its share",
    );
    const names = line.beneficiaries.map((b, i) => {
      requireValue(
        typeof b.beneficiary === "string" && b.beneficiary.trim() !== "",
        `${name} beneficiary ${i + 1}`,
        "has no name",
      );
      return b.beneficiary.trim();
    });
    names.forEach((n, i) => {
      if (names.indexOf(n) !== i)
        throw new EngineError(
          "invalidValue",
          name,
          `names ${n} twice: give each beneficiary once with its whole share`,
        );
    });
    const shares = line.beneficiaries.map((b, i) => {
      const share = toMoney(b.share, `${name} share of ${names[i]}`);
      if (share.isNegative() && !share.isZero()) {
        throw new EngineError(
          "invalidNumber",
          `${name} share of ${names[i]}`,
          `is ${share.toString()}: a share cannot be negative`,
        );
      }
      return share;
    });
    const total = sum(shares);
    if (total.minus(1).abs().gt(tolerance)) {
      throw new EngineError(
        "invalidValue",
        name,
        `beneficiaries' shares add up to ${total.times(100).toSignificantDigits(10).toString()}%, not 100%`,
      );
    }
    const amount = toMoney(line.amount, amountName);
    // Shares within tolerance of 100% are used as weights, so the parts still foot to the amount.
    const byBeneficiary = apportion(amount, shares, { unit, subject: amountName });
    const parts: Record<string, Money> = {};
    names.forEach((body, i) => {
      if (body.toLowerCase() === partnershipBeneficiary.toLowerCase()) {
        for (const [code, part] of splitBetweenPartners(
          byBeneficiary[i]!,
          partners,
          options.partnerWeights,
          unit,
          name,
        )) {
          parts[code] = (parts[code] ?? new Money(0)).plus(part);
        }
      } else {
        parts[body] = (parts[body] ?? new Money(0)).plus(byBeneficiary[i]!);
        if (!isPartner(body) && !others.includes(body)) others.push(body);
      }
    });
    return { label: line.label, benefitClass: line.benefitClass, amount, parts };
  });

  const costs = options.costsByBody ?? {};
  for (const body of Object.keys(costs)) if (!isPartner(body) && !others.includes(body)) others.push(body);
  const bodies = [...partners, ...others].map((body): BodyPosition => {
    const byClass = classTotals(
      splits.map((s) => ({ benefitClass: s.benefitClass, amount: s.parts[body] ?? new Money(0) })),
    );
    const benefits = sum(Object.values(byClass));
    const pays = costs[body] === undefined ? new Money(0) : toMoney(costs[body], `costs of ${body}`);
    return { body, isPartner: isPartner(body), byClass, benefits, pays, net: benefits.minus(pays) };
  });
  const view = (members: BodyPosition[]): ViewTotals => {
    const byClass = Object.fromEntries(
      benefitClasses.map((c) => [c, sum(members.map((m) => m.byClass[c]))]),
    ) as Record<BenefitClass, Money>;
    return { byClass, benefits: sum(members.map((m) => m.benefits)), pays: sum(members.map((m) => m.pays)) };
  };
  return {
    lines: splits,
    bodies,
    partnership: view(bodies.filter((b) => b.isPartner)),
    otherBodies: view(bodies.filter((b) => !b.isPartner)),
    wholePublicSector: view(bodies),
  };
}

function splitBetweenPartners(
  amount: Money,
  partners: readonly string[],
  weights: Readonly<Record<string, Amount>> | undefined,
  unit: Amount,
  line: string,
): [string, Money][] {
  if (weights === undefined) {
    throw new EngineError(
      "invalidValue",
      line,
      `gives a share to the ${partnershipBeneficiary} but no partner weights say how the partners split it`,
    );
  }
  const stranger = Object.keys(weights).find((code) => !partners.includes(code));
  if (stranger !== undefined) {
    throw new EngineError(
      "invalidValue",
      "partnerWeights",
      `name ${stranger}, which is not one of the partners (${partners.join(", ")})`,
    );
  }
  const codes = partners.filter((code) => weights[code] !== undefined);
  requireValue(codes.length > 0, "partnerWeights", "name none of the partners");
  const parts = apportion(
    amount,
    codes.map((code) => weights[code]!),
    { unit, subject: `${line} ${partnershipBeneficiary} share` },
  );
  return codes.map((code, i) => [code, parts[i]!]);
}

function classTotals(
  items: readonly { benefitClass: BenefitClass; amount: Money }[],
): Record<BenefitClass, Money> {
  return Object.fromEntries(
    benefitClasses.map((c) => [c, sum(items.filter((i) => i.benefitClass === c).map((i) => i.amount))]),
  ) as Record<BenefitClass, Money>;
}
