import { apportion } from "./apportion";
import {
  type BeneficiaryShare,
  type BenefitClass,
  benefitClasses,
  type BodyPosition,
  partnershipBeneficiary,
  type ViewTotals,
} from "./beneficiaries";
import { EngineError, requireValue } from "./errors";
import { type Amount, Money, sum, toMoney } from "./money";

/**
 * What each body pays and receives when a line's parts have already been placed: the partners'
 * parts as the business case apportioned them (pools apportion their lines together, so a line's
 * partner parts are the engine's, not a fresh split), outside bodies' parts from their shares.
 * Complements `splitBenefitsByBeneficiary`, which splits a single amount from scratch.
 */

/** A line's amount split between the partnership and every other beneficiary named for it. */
export interface BeneficiaryParts {
  /** The `partnershipBeneficiary` share, to be split by the line's own allocation. */
  partnership: Money;
  /** Every other beneficiary's part (a partner code or an outside body), in the order given. */
  bodies: [string, Money][];
}

/**
 * Splits a line's amount between its beneficiaries in whole rounding units, so the parts add up
 * to exactly the amount (a negative amount, a saving, splits like its size and keeps its sign).
 *
 * @example
 * const parts = splitBetweenBeneficiaries(1000, [
 *   { beneficiary: "Partnership", share: 0.16 }, { beneficiary: "NHS", share: 0.5 }, { beneficiary: "Police", share: 0.34 },
 * ], { unit: 1 });
 * parts.partnership.toString() // → "160"
 * parts.bodies.map(([b, p]) => `${b} ${p}`) // → ["NHS 500", "Police 340"]
 */
export function splitBetweenBeneficiaries(
  amount: Amount,
  beneficiaries: readonly BeneficiaryShare[],
  options: { unit?: Amount; subject?: string; shareTolerance?: Amount } = {},
): BeneficiaryParts {
  const subject = options.subject ?? "line";
  requireValue(beneficiaries.length > 0, subject, "names no beneficiaries");
  const shares = beneficiaries.map((b) => {
    const share = toMoney(b.share, `${subject} share of ${b.beneficiary}`);
    if (share.isNegative() && !share.isZero())
      throw new EngineError("invalidNumber", `${subject} share of ${b.beneficiary}`, "cannot be negative");
    return share;
  });
  const total = sum(shares);
  const tolerance = toMoney(options.shareTolerance ?? "1e-9", "shareTolerance").abs();
  if (total.minus(1).abs().gt(tolerance))
    throw new EngineError(
      "invalidValue",
      subject,
      `beneficiaries' shares add up to ${total.times(100).toSignificantDigits(10).toString()}%, not 100%`,
    );
  const parts = apportion(amount, shares, { unit: options.unit ?? "0.01", subject: `${subject} amount` });
  let partnership = new Money(0);
  const bodies: [string, Money][] = [];
  beneficiaries.forEach((b, i) => {
    if (isPartnership(b.beneficiary)) partnership = partnership.plus(parts[i]!);
    else bodies.push([b.beneficiary.trim(), parts[i]!]);
  });
  return { partnership, bodies };
}

/** Whether a beneficiary's name stands for the partners together ("Partnership", any case). */
export function isPartnership(beneficiary: string): boolean {
  return beneficiary.trim().toLowerCase() === partnershipBeneficiary.toLowerCase();
}

/** One body's cost or benefit from one line, as a positive amount (negative only for a credit). */
export interface ValueFlow {
  body: string;
  /** A benefit's class; absent for a cost. */
  benefitClass?: BenefitClass;
  amount: Amount;
}

export interface BodyValue {
  bodies: BodyPosition[];
  partnership: ViewTotals;
  otherBodies: ViewTotals;
  wholePublicSector: ViewTotals;
}

/**
 * Adds up who pays and who benefits: each body's benefits by class, its costs and its net, then
 * the partnership view (the partners) and the whole-public-sector view (every body), which is the
 * partnership view plus every other body.
 *
 * @example
 * const value = valueByBody(
 *   [{ body: "HCC", amount: 100 }, { body: "HCC", benefitClass: "fiscalCashable", amount: 96 }, { body: "NHS", benefitClass: "social", amount: 500 }],
 *   { partners: ["HCC", "HFRS"] },
 * );
 * value.bodies.map((b) => b.net.toString()) // → ["-4", "0", "500"]
 * value.wholePublicSector.benefits.toString() // → "596"
 */
export function valueByBody(
  flows: readonly ValueFlow[],
  options: { partners: readonly string[] },
): BodyValue {
  const partners = [...options.partners];
  const others: string[] = [];
  for (const flow of flows)
    if (!partners.includes(flow.body) && !others.includes(flow.body)) others.push(flow.body);
  const bodies = [...partners, ...others].map((body): BodyPosition => {
    const own = flows.filter((f) => f.body === body);
    const byClass = Object.fromEntries(
      benefitClasses.map((c) => [
        c,
        sum(own.filter((f) => f.benefitClass === c).map((f) => toMoney(f.amount, `${body} ${c}`))),
      ]),
    ) as Record<BenefitClass, Money>;
    const benefits = sum(Object.values(byClass));
    const pays = sum(
      own.filter((f) => f.benefitClass === undefined).map((f) => toMoney(f.amount, `${body} costs`)),
    );
    return { body, isPartner: partners.includes(body), byClass, benefits, pays, net: benefits.minus(pays) };
  });
  const view = (members: readonly BodyPosition[]): ViewTotals => ({
    byClass: Object.fromEntries(
      benefitClasses.map((c) => [c, sum(members.map((m) => m.byClass[c]))]),
    ) as Record<BenefitClass, Money>,
    benefits: sum(members.map((m) => m.benefits)),
    pays: sum(members.map((m) => m.pays)),
  });
  return {
    bodies,
    partnership: view(bodies.filter((b) => b.isPartner)),
    otherBodies: view(bodies.filter((b) => !b.isPartner)),
    wholePublicSector: view(bodies),
  };
}
