import fc from "fast-check";
import { annuityPayment, borrowingCashflow, loanRepayments } from "../../src/engine/loanRepayments";
import { Money } from "../../src/engine/money";
import { expectEngineError } from "./expectEngineError";

describe("annuityPayment", () => {
  // Reference values: Microsoft's documented PMT examples (support.microsoft.com, "PMT function"):
  // PMT(8%/12, 10, 10000) = −1,037.03. Excel prints to the cent, so the tolerance is half a cent.
  it("equals Excel's PMT(8%/12, 10, 10000) = −1,037.03 with the sign turned round, within half a cent", () => {
    const payment = annuityPayment(10000, new Money(0.08).div(12), 10);
    expect(payment.minus("1037.03").abs().lte("0.005")).toBe(true);
  });

  it("gives 263.34 for 10,000 over four years at 12% paid monthly, within half a cent", () => {
    // Worked separately by the closed form P r / (1 − (1 + r)^−n): 100 / (1 − 1.01^−48) = 263.338…
    const payment = annuityPayment(10000, 0.01, 48);
    expect(payment.minus("263.34").abs().lte("0.005")).toBe(true);
  });

  it("at a zero rate is the principal over the periods", () => {
    expect(annuityPayment(1200, 0, 12).toString()).toBe("100");
  });

  it("refuses a negative principal or rate and a number of years that is not whole and positive", () => {
    expectEngineError(() => annuityPayment(-1, 0.05, 3), "invalidNumber", "principal");
    expectEngineError(() => annuityPayment(1000, -0.01, 3), "invalidNumber", "rate");
    expectEngineError(() => annuityPayment(1000, 0.05, 0), "invalidNumber", "years");
    expectEngineError(() => annuityPayment(1000, 0.05, 2.5), "invalidNumber", "years");
    expectEngineError(() => annuityPayment("lots", 0.05, 2), "invalidValue", "principal");
  });
});

describe("loanRepayments", () => {
  it("straight line repays equal principal with interest on the falling balance", () => {
    const schedule = loanRepayments(1000, 0.1, 4, "straightLine");
    expect(schedule.map((y) => y.principal.toString())).toEqual(["250", "250", "250", "250"]);
    expect(schedule.map((y) => y.interest.toString())).toEqual(["100", "75", "50", "25"]);
    expect(schedule.map((y) => y.payment.toString())).toEqual(["350", "325", "300", "275"]);
    expect(schedule.at(-1)!.closingBalance.toString()).toBe("0");
  });

  it("an annuity pays the same every year and the interest share falls", () => {
    const schedule = loanRepayments(1000, 0.1, 2, "annuity");
    expect(schedule.map((y) => y.payment.toFixed(2))).toEqual(["576.19", "576.19"]);
    expect(schedule[0]!.interest.toString()).toBe("100");
    expect(schedule[1]!.interest.lt(schedule[0]!.interest)).toBe(true);
  });

  it("refuses an unknown method", () => {
    expectEngineError(() => loanRepayments(1000, 0.1, 2, "balloon" as "annuity"), "invalidValue", "method");
  });

  it("property: whichever the method, principal repaid adds up to what was borrowed (to 1e-20, decimal.js working to 40 digits), each year's payment is interest plus principal, and the loan closes at zero", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 10_000_000 }),
        fc.integer({ min: 0, max: 2000 }).map((bp) => new Money(bp).div(10000)),
        fc.integer({ min: 1, max: 40 }),
        fc.constantFrom("annuity" as const, "straightLine" as const),
        (principal, rate, years, method) => {
          const schedule = loanRepayments(principal, rate, years, method);
          expect(schedule).toHaveLength(years);
          const repaid = schedule.reduce((total, y) => total.plus(y.principal), new Money(0));
          expect(repaid.minus(principal).abs().lt("1e-20")).toBe(true);
          schedule.forEach((y) => expect(y.payment.equals(y.interest.plus(y.principal))).toBe(true));
          expect(schedule.at(-1)!.closingBalance.isZero()).toBe(true);
        },
      ),
    );
  });

  it("property: every annuity payment equals the level payment (the last within a millionth of a penny)", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 1_000_000 }),
        fc.integer({ min: 1, max: 1500 }).map((bp) => new Money(bp).div(10000)),
        fc.integer({ min: 1, max: 30 }),
        (principal, rate, years) => {
          const level = annuityPayment(principal, rate, years);
          loanRepayments(principal, rate, years).forEach((y) =>
            expect(y.payment.minus(level).abs().lt("1e-8")).toBe(true),
          );
        },
      ),
    );
  });
});

describe("borrowingCashflow", () => {
  it("draws the loan as an inflow in its year and repays it as costs in the years after", () => {
    expect(borrowingCashflow(1000, 0.1, 2, "straightLine", 1).map(String)).toEqual([
      "0",
      "-1000",
      "600",
      "550",
    ]);
  });

  it("refuses a drawdown year that is not a whole number from 0", () => {
    expectEngineError(() => borrowingCashflow(1000, 0.1, 2, "annuity", -1), "invalidNumber", "drawdownYear");
  });
});
