/**
 * Real and nominal prices. With Prices = Nominal, CBA_Lines' amounts are cash; the Green Book
 * discounts real flows, so each year is deflated to real terms (in year 0's prices) before it is
 * discounted. That is done by discounting with the real rate combined with the year's change in
 * the price index, (1 + r_t) × index[t] / index[t − 1] − 1, which gives exactly
 * Σ nominal[t] × index[0] / index[t] / Π(1 + r): the NPV of the deflated flows. Everything that
 * discounts (NPV, discounted payback, BCR, switching values, tornado, simulation) therefore works
 * on real flows, while payback, set-up, annual and ROI figures stay in cash terms.
 */
import { ratesForPeriods, type DiscountRate } from "../engine/discounting";
import { Money } from "../engine/money";
import { nominalDiscountRates, priceIndexFromInflation } from "../engine/priceBase";
import type { ContractInputs } from "./contractInputs";
import { type ContractProblem, inputError, inputWarning } from "./contractProblems";
import { financialYearText } from "./contractReading/priceBasisSettings";
import { discountRateFor, discountScheduleName } from "./discountSchedule";
import { inputRangeNames } from "./inputContract";

/** True when amounts are nominal and a price index (Inflation or CBA_PriceIndex) deflates them. */
function deflatesAmounts(inputs: ContractInputs): boolean {
  const basis = inputs.settings.priceBasis;
  return basis?.nominal === true && (basis.inflation !== undefined || inputs.priceIndex !== undefined);
}

/**
 * The price index for years 0..horizon (undefined when a year is missing or amounts are real):
 * from the Inflation setting as (1 + inflation)^t, or from CBA_PriceIndex by period or financial
 * year (financial years need the First financial year setting).
 *
 * @example
 * priceIndexByPeriod(inputs)?.map(String); // e.g. ["1", "1.02", "1.0404"] for 2% over two years
 */
function priceIndexByPeriod(inputs: ContractInputs): Money[] | undefined {
  if (!deflatesAmounts(inputs)) return undefined;
  const { horizonYears, priceBasis, firstFinancialYear } = inputs.settings;
  if (priceBasis!.inflation !== undefined && inputs.priceIndex === undefined) {
    const rate = priceBasis!.inflation.rate;
    return priceIndexFromInflation(Array.from({ length: horizonYears + 1 }, () => rate));
  }
  const index: Money[] = [];
  for (let t = 0; t <= horizonYears; t++) {
    const row = inputs.priceIndex!.rows.find((r) =>
      r.year.kind === "period"
        ? r.year.period === t
        : firstFinancialYear !== undefined && r.year.start === firstFinancialYear + t,
    );
    if (!row) return undefined;
    index.push(row.index);
  }
  return index;
}

/**
 * The discount rate the model uses: the Discount rate setting's (one rate or a schedule), combined
 * with the price index when amounts are nominal. Call only on validated inputs.
 *
 * @example
 * modelDiscountRate(inputs); // 0.035 for real amounts; [0.05570, …] for nominal amounts at 2% inflation
 */
export function modelDiscountRate(inputs: ContractInputs): DiscountRate {
  const { horizonYears, discountRate } = inputs.settings;
  const real = discountRateFor(discountRate, horizonYears);
  const index = priceIndexByPeriod(inputs);
  if (!index) return real;
  return nominalDiscountRates(ratesForPeriods(horizonYears, real), index);
}

/**
 * What the provenance block names before the discount rates, or undefined when the rates say it
 * all (a typed rate or the standard schedule on real amounts, as before).
 */
export function discountScheduleLabel(inputs: ContractInputs): string | undefined {
  const named = discountScheduleName(inputs.settings.discountRate);
  if (!deflatesAmounts(inputs)) return named;
  const basis = inputs.settings.priceBasis!;
  const source =
    inputs.priceIndex !== undefined
      ? inputRangeNames.priceIndex
      : `inflation of ${basis.inflation!.rate.times(100).toString()}% a year`;
  return `Nominal amounts deflated by ${source} to year 0 prices, then discounted at the ${named ?? "typed"} real rate; combined rate`;
}

/** Checks of Prices, Price base year, Inflation and CBA_PriceIndex, each naming its cell. */
export function validatePriceBasis(inputs: ContractInputs): ContractProblem[] {
  const problems: ContractProblem[] = [];
  const settingsRange = inputRangeNames.settings;
  const basis = inputs.settings.priceBasis;
  const index = inputs.priceIndex;
  if (!basis?.nominal) {
    const unused = basis?.inflation?.cell;
    // An empty CBA_PriceIndex (as the samples carry) is no assumption at all: nothing to warn of.
    if (unused !== undefined || (index !== undefined && index.rows.length > 0)) {
      problems.push(
        inputWarning(
          unused === undefined ? inputRangeNames.priceIndex : settingsRange,
          unused,
          "Price index not used",
          `amounts are real (the Prices setting is ${basis?.pricesCell === undefined ? "not given: Real" : "Real"}), so ${unused === undefined ? inputRangeNames.priceIndex : "the inflation rate"} is not used; set Prices to Nominal if the amounts are cash`,
        ),
      );
    }
    return problems;
  }
  if (basis.inflation === undefined && index === undefined) {
    problems.push(
      inputError(
        settingsRange,
        basis.pricesCell,
        "No price index",
        `nominal amounts must be deflated before discounting: give an Inflation setting (e.g. 2%) or a ${inputRangeNames.priceIndex} range (Year | Index)`,
      ),
    );
    return problems;
  }
  if (basis.inflation !== undefined && index !== undefined) {
    problems.push(
      inputError(
        settingsRange,
        basis.inflation.cell,
        "Two price indices",
        `both an Inflation setting and ${inputRangeNames.priceIndex} are given; keep one`,
      ),
    );
    return problems;
  }
  const { horizonYears, firstFinancialYear } = inputs.settings;
  if (index) {
    const periodOf = new Map<number, string>();
    for (const row of index.rows) {
      if (row.year.kind === "financial" && firstFinancialYear === undefined) {
        problems.push(
          inputError(
            index.range,
            row.cell,
            "Year without a first year",
            `the index is by financial year, so the First financial year setting must say which is year 0`,
          ),
        );
        return problems;
      }
      const period = row.year.kind === "period" ? row.year.period : row.year.start - firstFinancialYear!;
      const first = periodOf.get(period);
      if (first !== undefined) {
        problems.push(
          inputError(
            index.range,
            row.cell,
            "Duplicate year",
            `year ${period} of the case is already given at ${first}`,
          ),
        );
      } else periodOf.set(period, row.cell);
    }
    const missing = Array.from({ length: horizonYears + 1 }, (_, t) => t).filter((t) => !periodOf.has(t));
    if (missing.length > 0) {
      const name = (t: number) =>
        firstFinancialYear === undefined ? `Year ${t}` : financialYearText(firstFinancialYear + t);
      problems.push(
        inputError(
          index.range,
          undefined,
          "Index does not cover the horizon",
          `the price index must give every year from year 0 to year ${horizonYears}; missing: ${missing.map(name).join(", ")}`,
        ),
      );
    }
  }
  const baseYear = basis.baseYear;
  if (baseYear !== undefined && baseYear.year !== firstFinancialYear) {
    problems.push(
      inputWarning(
        settingsRange,
        baseYear.cell,
        "Price base year is not year 0",
        `discounted figures are stated in the prices of year 0 (${firstFinancialYear === undefined ? "the First financial year is not given" : financialYearText(firstFinancialYear)}), not of ${financialYearText(baseYear.year)}: multiply them by the index of ${financialYearText(baseYear.year)} over that of year 0 to restate them`,
      ),
    );
  }
  return problems;
}
