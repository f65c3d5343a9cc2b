import { EngineError, requireValue } from "./errors";
import { type Amount, Money, toMoney } from "./money";

/** How a loan is repaid: equal payments (an annuity, as Excel's PMT) or equal principal each year. */
export type RepaymentMethod = "annuity" | "straightLine";

/** One year of a loan's repayment schedule; amounts are positive. */
export interface LoanYear {
  /** 1 for the first year of repayment. */
  year: number;
  openingBalance: Money;
  interest: Money;
  principal: Money;
  /** Interest plus principal: what the borrower pays that year. */
  payment: Money;
  closingBalance: Money;
}

/**
 * The level payment that repays `principal` with interest at `rate` a period over `periods`
 * periods, payments at the end of each period: P × r / (1 − (1 + r)^−n), or P / n at a zero rate.
 * This is Excel's `PMT(rate, periods, principal)` with the sign turned round: PMT reports a
 * payment as money going out (negative); here it is the positive amount paid.
 *
 * @example
 * annuityPayment(10000, new Money(0.08).div(12), 10).toFixed(2) // → "1037.03" (Excel: PMT(8%/12, 10, 10000) = −1,037.03)
 */
export function annuityPayment(principal: Amount, rate: Amount, periods: number): Money {
  const { amount, interestRate } = readLoan(principal, rate, periods);
  if (interestRate.isZero()) return amount.div(periods);
  return amount.times(interestRate).div(new Money(1).minus(interestRate.plus(1).pow(-periods)));
}

/**
 * A loan's repayment schedule, year by year: interest on the opening balance at `rate`, then
 * principal repaid either as an annuity (level payments, `annuityPayment`) or in equal parts
 * (straight line: principal / years each year, interest falling as the balance does). The last
 * year repays whatever balance remains, so the loan closes at exactly zero. Amounts are exact
 * decimals, not rounded.
 *
 * Throws `invalidNumber` for a negative principal, a negative rate or a number of years that is
 * not a whole number from 1.
 *
 * @example
 * loanRepayments(1000, 0.1, 2, "straightLine").map((y) => y.payment.toString()) // → ["600", "550"]
 * loanRepayments(1000, 0.1, 2, "annuity").map((y) => y.payment.toFixed(2)) // → ["576.19", "576.19"]
 */
export function loanRepayments(
  principal: Amount,
  rate: Amount,
  years: number,
  method: RepaymentMethod = "annuity",
): LoanYear[] {
  const { amount, interestRate } = readLoan(principal, rate, years);
  requireValue(
    method === "annuity" || method === "straightLine",
    "method",
    `must be "annuity" or "straightLine" (got ${String(method)})`,
  );
  const level = method === "annuity" ? annuityPayment(amount, interestRate, years) : undefined;
  const equalPrincipal = amount.div(years);
  const schedule: LoanYear[] = [];
  let balance = amount;
  for (let year = 1; year <= years; year++) {
    const interest = balance.times(interestRate);
    const repaid = year === years ? balance : level !== undefined ? level.minus(interest) : equalPrincipal;
    const closing = balance.minus(repaid);
    schedule.push({
      year,
      openingBalance: balance,
      interest,
      principal: repaid,
      payment: interest.plus(repaid),
      closingBalance: closing.isZero() ? new Money(0) : closing,
    });
    balance = closing;
  }
  return schedule;
}

/**
 * Borrowing as a cashflow per year of the business case: the loan is drawn in `drawdownYear`
 * (an inflow, negative in the documents' convention where costs are positive) and repaid in the
 * years after it (costs, positive). The row runs from year 0 to the last repayment year.
 *
 * @example
 * borrowingCashflow(1000, 0.1, 2, "straightLine", 0).map(String) // → ["-1000", "600", "550"]
 */
export function borrowingCashflow(
  principal: Amount,
  rate: Amount,
  years: number,
  method: RepaymentMethod = "annuity",
  drawdownYear = 0,
): Money[] {
  requireValue(typeof drawdownYear === "number", "drawdownYear", "must be a whole number of years");
  if (!Number.isInteger(drawdownYear) || drawdownYear < 0) {
    throw new EngineError(
      "invalidNumber",
      "drawdownYear",
      `is ${String(drawdownYear)}: it must be a whole number, 0 or more`,
    );
  }
  const schedule = loanRepayments(principal, rate, years, method);
  const row = Array.from({ length: drawdownYear + years + 1 }, () => new Money(0));
  const drawn = toMoney(principal, "principal");
  row[drawdownYear] = drawn.isZero() ? new Money(0) : drawn.neg();
  schedule.forEach((year) => (row[drawdownYear + year.year] = year.payment));
  return row;
}

function readLoan(principal: Amount, rate: Amount, periods: number): { amount: Money; interestRate: Money } {
  const amount = toMoney(principal, "principal");
  if (amount.isNegative() && !amount.isZero()) {
    throw new EngineError(
      "invalidNumber",
      "principal",
      `is ${amount.toString()}: the amount borrowed cannot be negative`,
    );
  }
  const interestRate = toMoney(rate, "rate");
  if (interestRate.isNegative() && !interestRate.isZero()) {
    throw new EngineError(
      "invalidNumber",
      "rate",
      `is ${interestRate.toString()}: an interest rate below zero is not supported`,
    );
  }
  requireValue(typeof periods === "number", "years", "must be a whole number of years");
  if (!Number.isInteger(periods) || periods < 1) {
    throw new EngineError(
      "invalidNumber",
      "years",
      `is ${String(periods)}: a loan runs for a whole number of years, 1 or more`,
    );
  }
  return { amount, interestRate };
}
