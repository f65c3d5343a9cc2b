/**
 * The CBA.* custom functions: thin adapters that read Excel's arguments, call the engine and hand
 * back plain numbers and text (spilling as rows or columns), or an error value with a message that
 * names the argument at fault. All the arithmetic lives in src/engine.
 *
 * Only top-level `function` declarations with the customfunction tag become functions; their JSDoc is
 * what Excel shows (descriptions, parameters) and the returns tag's `{type}` sets the result's shape,
 * because the TypeScript return type (result or error) would read as a single value. The build's
 * metadata plugin registers every function with `CustomFunctions.associate`, so this file must not.
 *
 * Blank cells, decided once for all functions:
 * - in rows of amounts per period (cashflows, costs, benefits, a phasing profile, the low, likely
 *   and high lines of a simulation) a blank counts as 0 so later periods keep their places, and
 *   blanks after the last filled cell are dropped (for costs against benefits, only where every
 *   row is blank, so they keep the same years);
 * - in bases, weights, amounts to apportion, rates, percentiles and band settings a blank is
 *   refused (#VALUE!):
 *   "not quantified" is not zero, so enter 0 where 0 is meant;
 * - in risk ratings and scores, a row left entirely blank gives a blank result, so a register
 *   table can have empty rows; a half-filled row is refused.
 */
import { apportion as apportionAmount } from "../engine/apportion";
import {
  discountFactors as discountFactorSchedule,
  greenBookRates as greenBookRateSchedule,
} from "../engine/discounting";
import { EngineError } from "../engine/errors";
import { internalRateOfReturn } from "../engine/irr";
import { type ThreePointEstimate, monteCarloNpvPercentiles } from "../engine/monteCarlo/npvPercentiles";
import { largestSeed } from "../engine/monteCarlo/sampling";
import { netPresentValue, presentValues as presentValueRow } from "../engine/npv";
import { payback as paybackPeriod } from "../engine/payback";
import { phase as phaseAnnualAmount } from "../engine/phasing";
import { checkPublishedFigures, checkTotal as checkTotalOfLines } from "../engine/reconciliation";
import {
  benefitCostRatio,
  benefitMultiple as benefitMultipleOf,
  netReturnOnInvestment,
  yearsToRecover as yearsToRecoverSetUp,
} from "../engine/returnOnInvestment";
import {
  hampshireRiskBands,
  riskBand as bandOfScore,
  riskScore as scoreOfRisk,
  type RiskBands,
} from "../engine/riskRegister";
import { scenarioNetCashflow } from "../engine/scenarios";
import { sharesFromBases, sharesFromTable } from "../engine/shares";
import { delayToLosePayback, switchingValue as switchingValueOf } from "../engine/switchingValue";
import {
  answer,
  elementWise,
  isBlank,
  isOmitted,
  mostPeriods,
  readCellNumber,
  readLine,
  readNumber,
  readNumberLine,
  readNumberTable,
  readOptionalNumber,
  readOptionalRate,
  readOptionalText,
  readOptionalWholeNumber,
  readPeriodRow,
  readPeriodRows,
  readPeriodTables,
  readRange,
  readRate,
  readTextLine,
  readWholeNumber,
  spill,
  toCellNumber,
} from "./excelValues";

/**
 * Each partner's share of a pool in proportion to its baseline; the shares add up to exactly 1.
 * @customfunction SHARES
 * @param bases One base per partner as a row or column, or a table with a row per service area and a column per partner (shares of the column totals). Blank cells are refused: enter 0.
 * @param decimals Round to this many decimals of a percent, keeping the total at exactly 100%: 0 gives whole percent (73% / 22% / 5%). Omit for exact shares.
 * @returns {number[][]} The shares as fractions, one per partner, spilling the way the bases run (a table gives a row).
 */
export function shares(bases: unknown[][], decimals?: number) {
  return answer("CBA.SHARES", () => {
    // The engine rounds to at most 10 decimals of a percent; checked here to name the argument as Excel shows it.
    const options = { decimals: readOptionalWholeNumber(decimals, "decimals", 0, 10), subject: "bases" };
    const range = readRange(bases, "bases");
    if (range.length > 1 && range[0]!.length > 1) {
      const { applied } = sharesFromTable(readNumberTable(range, "bases"), options);
      return spill(
        applied.map((share, i) => toCellNumber(share, `share ${i + 1}`)),
        "row",
      );
    }
    const { values, orientation } = readNumberLine(range, "bases");
    const { applied } = sharesFromBases(values, options);
    return spill(
      applied.map((share, i) => toCellNumber(share, `share ${i + 1}`)),
      orientation,
    );
  });
}

/**
 * Splits amounts between partners by shares or bases, in whole rounding units, so every row adds up to exactly its amount.
 * @customfunction APPORTION
 * @param amounts One amount, a column of amounts (one row of parts each) or a row of amounts (one column of parts each). Blank cells are refused.
 * @param weights One share or base per partner, as a row or column: shares such as 0.73, 0.22, 0.05 or raw baselines. Blank cells are refused.
 * @param unit The rounding unit, default 0.01 (a penny); 1 rounds to whole pounds, or whole £k when amounts are in £'000.
 * @returns {number[][]} The parts: one amount spills the way the weights run; a column of amounts gives a row of parts per amount.
 */
export function apportion(amounts: unknown[][], weights: unknown[][], unit?: number) {
  return answer("CBA.APPORTION", () => {
    const { values: weightValues, orientation } = readNumberLine(weights, "weights");
    const unitValue = readOptionalNumber(unit, "unit");
    const split = (cell: unknown, subject: string): number[] =>
      apportionAmount(readCellNumber(cell, subject, "refuse"), weightValues, {
        unit: unitValue,
        subject,
      }).map((part, i) => toCellNumber(part, `${subject} part ${i + 1}`));
    const range = readRange(amounts, "amounts");
    if (range.length === 1 && range[0]!.length === 1) {
      return spill(split(range[0]![0], "amounts"), orientation);
    }
    const line = readLine(range, "amounts");
    const parts = line.cells.map((cell, k) => split(cell, `amounts[${k + 1}]`));
    if (line.orientation === "column") return parts;
    // A row of amounts: each amount's parts run down beneath it.
    return weightValues.map((_, p) => parts.map((row) => row[p]!));
  });
}

/**
 * Net present value with the first cashflow in period 0, undiscounted: Σ cashflow[t] / (1 + rate)^t. Unlike Excel's NPV, which discounts the first value too.
 * @customfunction NPV
 * @param rate The discount rate per period (0.035 for 3.5%), or a row of rates r1..rn applied cumulatively, such as CBA.GREENBOOKRATES(n).
 * @param cashflows Net cashflow per period from period 0 (now), as a row or column. Blank cells count as 0.
 * @returns {number} The net present value.
 */
export function npv(rate: unknown[][], cashflows: unknown[][]) {
  return answer("CBA.NPV", () => {
    const rateValue = readRate(rate, "rate");
    const { values } = readPeriodRow(cashflows, "cashflows");
    return toCellNumber(netPresentValue(values, rateValue), "net present value");
  });
}

/**
 * Each period's cashflow discounted to today: cashflow[t] / (1 + rate)^t, period 0 undiscounted.
 * @customfunction PRESENTVALUES
 * @param rate The discount rate per period, or a row of rates r1..rn applied cumulatively.
 * @param cashflows Cashflow per period from period 0, as a row or column. Blank cells count as 0.
 * @returns {number[][]} The present values, spilling the way the cashflows run.
 */
export function presentValues(rate: unknown[][], cashflows: unknown[][]) {
  return answer("CBA.PRESENTVALUES", () => {
    const rateValue = readRate(rate, "rate");
    const { values, orientation } = readPeriodRow(cashflows, "cashflows");
    return spill(
      presentValueRow(values, rateValue).map((value, t) =>
        toCellNumber(value, `present value of period ${t}`),
      ),
      orientation,
    );
  });
}

/**
 * Discount factors for periods 0 to n: 1, 1/(1+r1), 1/((1+r1)(1+r2)), ...
 * @customfunction DISCOUNTFACTORS
 * @param rate The discount rate per period, or a row of rates r1..rn.
 * @param periods The last period n (whole number up to 1000); default the number of rates when rate is a row.
 * @returns {number[][]} The factors for periods 0..n, spilling as a row (a column when the rates are a column).
 */
export function discountFactors(rate: unknown[][], periods?: number) {
  return answer("CBA.DISCOUNTFACTORS", () => {
    const { values, orientation } = readNumberLine(rate, "rate");
    const rateValue = values.length === 1 ? values[0]! : values;
    const periodCount =
      readOptionalWholeNumber(periods, "periods", 1, mostPeriods) ??
      (values.length > 1 ? values.length : undefined);
    if (periodCount === undefined) {
      throw new EngineError("invalidValue", "periods", "is needed when the rate is a single number");
    }
    return spill(
      discountFactorSchedule(periodCount, rateValue).map((factor, t) =>
        toCellNumber(factor, `discount factor of period ${t}`),
      ),
      orientation,
    );
  });
}

/**
 * The HM Treasury Green Book discount rate for each year 1..n: 3.5% to year 30, 3.0% for years 31–75, 2.5% for 76–125.
 * @customfunction GREENBOOKRATES
 * @param periods The number of years (whole number from 1).
 * @returns {number[][]} A row of rates r1..rn, ready for the rate argument of CBA.NPV.
 */
export function greenBookRates(periods: number) {
  return answer("CBA.GREENBOOKRATES", () => {
    const count = readWholeNumber(periods, "periods", 1, mostPeriods);
    return spill(
      greenBookRateSchedule(count).map((rate, t) => toCellNumber(rate, `rate of year ${t + 1}`)),
      "row",
    );
  });
}

/**
 * Internal rate of return: the discount rate at which the net present value is zero; the root nearest the guess when there are several.
 * @customfunction IRR
 * @param cashflows Net cashflow per period from period 0, as a row or column. Blank cells count as 0.
 * @param guess Where to look first, default 0.1 (10%).
 * @returns {number} The rate per period; #NUM! with the reason when no rate makes the net present value zero.
 */
export function irr(cashflows: unknown[][], guess?: number) {
  return answer("CBA.IRR", () => {
    const { values } = readPeriodRow(cashflows, "cashflows");
    const guessValue = readOptionalNumber(guess, "guess");
    const result = internalRateOfReturn(values, guessValue === undefined ? {} : { guess: guessValue });
    if (result.kind === "none") throw new EngineError("invalidNumber", "cashflows", result.reason);
    return toCellNumber(result.rate, "internal rate of return");
  });
}

/**
 * Payback: periods until the cumulative net cashflow first climbs to zero or above, interpolated within the period, even when it falls back below zero later; "final" gives the last such climb.
 * @customfunction PAYBACK
 * @param cashflows Net cashflow per period from period 0, as a row or column. Blank cells count as 0.
 * @param rate A discount rate (or a row of rates r1..rn) for discounted payback; omit for simple payback.
 * @param which "first" (default) for the first time it pays back, even if it falls back below zero by the end; or "final" for the last time it climbs back, #N/A when it ends below zero.
 * @returns {number} Periods to pay back; #N/A when it does not pay back within the periods given.
 */
export function payback(cashflows: unknown[][], rate?: unknown[][], which?: string) {
  return answer("CBA.PAYBACK", () => {
    const { values } = readPeriodRow(cashflows, "cashflows");
    const rateValue = readOptionalRate(rate, "rate");
    const whichValue = readOptionalChoice(which, "which", ["first", "final"] as const);
    const result = paybackPeriod(values, {
      ...(rateValue === undefined ? {} : { rate: rateValue }),
      ...(whichValue === undefined ? {} : { which: whichValue }),
    });
    if (result.kind === "never") {
      const first =
        whichValue === "final"
          ? paybackPeriod(values, rateValue === undefined ? {} : { rate: rateValue })
          : result;
      if (first.kind === "paysBack") {
        throw new EngineError(
          "noResult",
          "cashflows",
          `pay back first at period ${first.periods.toDecimalPlaces(2).toString()} but fall back below zero by the end, so there is no final payback within ${periodsText(result.horizon)}`,
        );
      }
      throw new EngineError(
        "noResult",
        "cashflows",
        `does not pay back within ${periodsText(result.horizon)}`,
      );
    }
    return toCellNumber(result.periods, "payback period");
  });
}

/**
 * Net return on investment: (total benefits − total costs) / total costs, as a fraction (6.33 is 633%); present values when a rate is given.
 * @customfunction ROI
 * @param costs Costs per period from period 0 as positive amounts, as a row or column. Blank cells count as 0.
 * @param benefits Benefits per period from period 0 as positive amounts, as a row or column. Blank cells count as 0.
 * @param rate A discount rate (or a row of rates r1..rn) to compare present values; omit for undiscounted totals.
 * @returns {number} The net return as a fraction of costs.
 */
export function roi(costs: unknown[][], benefits: unknown[][], rate?: unknown[][]) {
  return answer("CBA.ROI", () => {
    const [costValues, benefitValues] = readCostsAndBenefits(costs, benefits);
    const rateValue = readOptionalRate(rate, "rate");
    return toCellNumber(netReturnOnInvestment(costValues, benefitValues, rateValue), "return on investment");
  });
}

/**
 * Benefit multiple: total benefits / total costs, undiscounted ("a return of over 18 times").
 * @customfunction BENEFITMULTIPLE
 * @param costs Costs per period as positive amounts, as a row or column. Blank cells count as 0.
 * @param benefits Benefits per period as positive amounts, as a row or column. Blank cells count as 0.
 * @returns {number} How many times the benefits cover the costs.
 */
export function benefitMultiple(costs: unknown[][], benefits: unknown[][]) {
  return answer("CBA.BENEFITMULTIPLE", () => {
    const [costValues, benefitValues] = readCostsAndBenefits(costs, benefits);
    return toCellNumber(benefitMultipleOf(costValues, benefitValues), "benefit multiple");
  });
}

/**
 * Benefit–cost ratio in the Green Book sense: present value of benefits / present value of costs.
 * @customfunction BCR
 * @param costs Costs per period from period 0 as positive amounts, as a row or column. Blank cells count as 0.
 * @param benefits Benefits per period from period 0 as positive amounts, as a row or column. Blank cells count as 0.
 * @param rate The discount rate (or a row of rates r1..rn), default 0.035 (3.5%).
 * @returns {number} The benefit–cost ratio.
 */
export function bcr(costs: unknown[][], benefits: unknown[][], rate?: unknown[][]) {
  return answer("CBA.BCR", () => {
    const [costValues, benefitValues] = readCostsAndBenefits(costs, benefits);
    const rateValue = readOptionalRate(rate, "rate");
    return toCellNumber(benefitCostRatio(costValues, benefitValues, rateValue), "benefit–cost ratio");
  });
}

/**
 * Years to recover a one-off set-up cost from the full annual saving: set-up ÷ |annual saving| (what Hampshire calls "return on investment").
 * @customfunction YEARSTORECOVER
 * @param setUpCost The one-off set-up cost.
 * @param annualSaving The full annual saving; its sign is ignored, so (1,804) and 1,804 give the same answer.
 * @returns {number} The number of years.
 */
export function yearsToRecover(setUpCost: number, annualSaving: number) {
  return answer("CBA.YEARSTORECOVER", () =>
    toCellNumber(
      yearsToRecoverSetUp(readNumber(setUpCost, "setUpCost"), readNumber(annualSaving, "annualSaving")),
      "years to recover",
    ),
  );
}

/**
 * Phases an annual amount over periods: the amount times the profile's fraction for each period, the last fraction carried on.
 * @customfunction PHASE
 * @param annual The full annual amount (a cost, or a saving as a negative).
 * @param profile The fraction of the full amount in each period from period 0, as a row or column (0, 0.5, 1 for a two-year ramp-up). Blank cells count as 0.
 * @param periods How many periods to fill (whole number up to 1000); default the length of the profile.
 * @returns {number[][]} The phased cashflow, spilling the way the profile runs.
 */
export function phase(annual: number, profile: unknown[][], periods?: number) {
  return answer("CBA.PHASE", () => {
    const annualValue = readNumber(annual, "annual");
    const { values, orientation } = readPeriodRow(profile, "profile");
    const periodCount = readOptionalWholeNumber(periods, "periods", 1, mostPeriods);
    return spill(
      phaseAnnualAmount(annualValue, values, periodCount).map((amount, t) =>
        toCellNumber(amount, `period ${t}`),
      ),
      orientation,
    );
  });
}

/**
 * Net cashflow of a scenario: savingFactor × benefits − costFactor × costs each period, everything delayed by whole periods and cut off at the same length. Ready for CBA.NPV and CBA.PAYBACK.
 * @customfunction SCENARIO
 * @param costs Costs per period from period 0 as positive amounts, as a row or column. Blank cells count as 0.
 * @param benefits Benefits (savings) per period from period 0 as positive amounts, as a row or column. Blank cells count as 0.
 * @param costFactor Multiplies every cost, default 1 (1.2 = costs 20% higher).
 * @param savingFactor Multiplies every benefit, default 1 (0.8 = benefits 20% lower).
 * @param delay Whole periods to delay costs and benefits alike, default 0: zeros come first and whatever passes the last period is lost.
 * @returns {number[][]} The net cashflow per period, spilling the way the costs run.
 */
export function scenario(
  costs: unknown[][],
  benefits: unknown[][],
  costFactor?: number,
  savingFactor?: number,
  delay?: number,
) {
  return answer("CBA.SCENARIO", () => {
    const [costValues, benefitValues] = readCostsAndBenefits(costs, benefits);
    const costFactorValue = readOptionalNumber(costFactor, "costFactor");
    const savingFactorValue = readOptionalNumber(savingFactor, "savingFactor");
    const delayValue = readOptionalWholeNumber(delay, "delay", 0, mostPeriods);
    const net = scenarioNetCashflow(costValues, benefitValues, {
      ...(costFactorValue === undefined ? {} : { costFactor: costFactorValue }),
      ...(savingFactorValue === undefined ? {} : { savingFactor: savingFactorValue }),
      ...(delayValue === undefined ? {} : { delay: delayValue }),
    });
    return spill(
      net.map((amount, t) => toCellNumber(amount, `period ${t}`)),
      readLine(costs, "costs").orientation,
    );
  });
}

/**
 * Switching value: the proportional change in benefits (or costs) that brings NPV to zero. −0.35 means benefits can fall 35%; 0.5 means costs can rise 50%.
 * @customfunction SWITCHINGVALUE
 * @param costs Costs per period from period 0 as positive amounts, as a row or column. Blank cells count as 0.
 * @param benefits Benefits per period from period 0 as positive amounts, as a row or column. Blank cells count as 0.
 * @param rate The discount rate (or a row of rates r1..rn), default 0.035 (3.5%).
 * @param driver "benefits" (default) for the change in benefits, or "costs" for the change in costs.
 * @returns {number} The change as a fraction; #N/A with the reason when no change in the driver brings NPV to zero.
 */
export function switchingValue(
  costs: unknown[][],
  benefits: unknown[][],
  rate?: unknown[][],
  driver?: string,
) {
  return answer("CBA.SWITCHINGVALUE", () => {
    const [costValues, benefitValues] = readCostsAndBenefits(costs, benefits);
    const rateValue = readOptionalRate(rate, "rate");
    const driverValue = readOptionalChoice(driver, "driver", ["benefits", "costs"] as const) ?? "benefits";
    const result = switchingValueOf(costValues, benefitValues, {
      ...(rateValue === undefined ? {} : { rate: rateValue }),
      driver: driverValue,
    });
    if (result.kind === "none") throw new EngineError("noResult", driverValue, result.reason);
    return toCellNumber(result.change, "switching value");
  });
}

/**
 * The smallest delay, in whole periods, at which the case no longer pays back within its periods (costs and benefits delayed alike). One period less is the most delay it can bear.
 * @customfunction PAYBACKDELAY
 * @param costs Costs per period from period 0 as positive amounts, as a row or column. Blank cells count as 0.
 * @param benefits Benefits per period from period 0 as positive amounts, as a row or column. Blank cells count as 0.
 * @param rate A discount rate (or a row of rates r1..rn) for discounted payback; omit for simple payback.
 * @returns {number} Periods of delay; #N/A when it does not pay back even on time, or pays back whatever the delay.
 */
export function paybackDelay(costs: unknown[][], benefits: unknown[][], rate?: unknown[][]) {
  return answer("CBA.PAYBACKDELAY", () => {
    const [costValues, benefitValues] = readCostsAndBenefits(costs, benefits);
    const rateValue = readOptionalRate(rate, "rate");
    const result = delayToLosePayback(
      costValues,
      benefitValues,
      rateValue === undefined ? {} : { rate: rateValue },
    );
    const subject = "costs and benefits";
    if (result.kind === "neverPaysBack") {
      throw new EngineError(
        "noResult",
        subject,
        `do not pay back within ${periodsText(result.horizon)} even without a delay`,
      );
    }
    if (result.kind === "alwaysPaysBack") {
      throw new EngineError(
        "noResult",
        subject,
        `pay back within ${periodsText(costValues.length - 1)} whatever the delay, so no delay loses payback`,
      );
    }
    return result.delay;
  });
}

// A few thousand Latin hypercube trials pin P10–P90 down well; measured at 2–50 ms for a
// ten-year case of up to four cost and four benefit lines (PERT the slower), quick enough for a cell.
const defaultTrials = 5_000;
const mostTrials = 100_000;
// The work a cell may take on, in sampled amounts (trials × lines × periods), about half a second
// here; beyond it a recalculation would hold Excel up for seconds.
const mostSimulationWork = 50_000_000;
// Measured: a PERT quantile costs 40 to 90 sampled amounts. The engine takes one per trial for
// each distinct shape (where likely sits between low and high) of each line.
const pertQuantileWork = 50;
const defaultPercentiles = [0.1, 0.5, 0.9];
// Fixed, so a workbook shows the same percentiles on every recalculation and every machine.
const defaultSeed = 1;

/**
 * Monte Carlo NPV percentiles (default P10, P50, P90) from low / likely / high costs and benefits; each line moves as one across its periods, lines independently. Seeded: the same inputs always give the same answer.
 * @customfunction NPVPERCENTILES
 * @param costsLow Lowest costs per period from period 0 as positive amounts: one line as a row or column, or a table with a line per row and periods across. Blank cells count as 0.
 * @param costsLikely Most likely costs: the same lines and periods as costsLow.
 * @param costsHigh Highest costs: the same lines and periods as costsLow.
 * @param benefitsLow Lowest benefits per period from period 0 as positive amounts: one line as a row or column, or a table with a line per row; the same periods as the costs.
 * @param benefitsLikely Most likely benefits: the same lines and periods as benefitsLow.
 * @param benefitsHigh Highest benefits: the same lines and periods as benefitsLow.
 * @param rate The discount rate (or a row of rates r1..rn), default 0.035 (3.5%).
 * @param percentiles The percentiles to give, as fractions in a row or column; default 0.1, 0.5, 0.9 (P10, P50, P90).
 * @param distribution The shape of every low–likely–high range: "triangular" (default) or "pert".
 * @param trials The number of trials, a whole number from 1 to 100,000; default 5,000.
 * @param seed The random seed, a whole number from 0; default 1. The same seed and inputs always give the same answer: change it to see the sampling noise.
 * @returns {number[][]} The NPV at each percentile, spilling the way the percentiles run (a row by default).
 */
export function npvPercentiles(
  costsLow: unknown[][],
  costsLikely: unknown[][],
  costsHigh: unknown[][],
  benefitsLow: unknown[][],
  benefitsLikely: unknown[][],
  benefitsHigh: unknown[][],
  rate?: unknown[][],
  percentiles?: unknown[][],
  distribution?: string,
  trials?: number,
  seed?: number,
) {
  return answer("CBA.NPVPERCENTILES", () => {
    const [lowCosts, likelyCosts, highCosts, lowBenefits, likelyBenefits, highBenefits] = readPeriodTables([
      { value: costsLow, subject: "costsLow" },
      { value: costsLikely, subject: "costsLikely" },
      { value: costsHigh, subject: "costsHigh" },
      { value: benefitsLow, subject: "benefitsLow" },
      { value: benefitsLikely, subject: "benefitsLikely" },
      { value: benefitsHigh, subject: "benefitsHigh" },
    ]);
    const costLines = threePointLines(lowCosts!, likelyCosts!, highCosts!, "costs");
    const benefitLines = threePointLines(lowBenefits!, likelyBenefits!, highBenefits!, "benefits");
    const rateValue = readOptionalRate(rate, "rate");
    const levels = isOmitted(percentiles)
      ? { values: defaultPercentiles, orientation: "row" as const }
      : readNumberLine(percentiles, "percentiles");
    const shape = readOptionalChoice(distribution, "distribution", ["triangular", "pert"] as const);
    const trialCount = readOptionalWholeNumber(trials, "trials", 1, mostTrials) ?? defaultTrials;
    const seedValue = readOptionalWholeNumber(seed, "seed", 0, largestSeed) ?? defaultSeed;
    checkSimulationSize(costLines, benefitLines, shape === "pert", trialCount);
    const result = monteCarloNpvPercentiles(costLines, benefitLines, {
      percentiles: levels.values,
      trials: trialCount,
      seed: seedValue,
      ...(rateValue === undefined ? {} : { rate: rateValue }),
      ...(shape === undefined ? {} : { distribution: shape }),
    });
    return spill(
      result.netPresentValues.map((value, k) => toCellNumber(value, `NPV at percentile ${levels.values[k]}`)),
      levels.orientation,
    );
  });
}

/**
 * Risk score = likelihood × impact on the 5 × 5 scale, cell by cell for columns of ratings.
 * @customfunction RISKSCORE
 * @param likelihood Likelihood rating (whole number 1–5), or a column or table of them.
 * @param impact Impact rating (whole number 1–5), the same shape as likelihood or a single value. A row with both ratings blank gives a blank.
 * @returns {any[][]} The scores, the same shape as the ratings.
 */
export function riskScore(likelihood: unknown[][], impact: unknown[][]) {
  return answer("CBA.RISKSCORE", () =>
    elementWise<number | string>(
      [
        { value: likelihood, subject: "likelihood" },
        { value: impact, subject: "impact" },
      ],
      ([likelihoodCell, impactCell], [likelihoodName, impactName]) => {
        if (isBlank(likelihoodCell) && isBlank(impactCell)) return "";
        return scoreOfRisk(
          readCellNumber(likelihoodCell, likelihoodName!, "refuse"),
          readCellNumber(impactCell, impactName!, "refuse"),
        );
      },
    ),
  );
}

/**
 * The band of a risk score: with the default bands 1–10 Low, 11–15 Medium, 16–25 High (Hampshire's); cell by cell for columns of scores.
 * @customfunction RISKBAND
 * @param score A risk score, or a column or table of them. A blank score gives a blank.
 * @param thresholds The upper bound of every band but the last, ascending; default 10, 15.
 * @param labels The band names, one more than the thresholds; default Low, Medium, High.
 * @returns {any[][]} The band names, the same shape as the scores.
 */
export function riskBand(score: unknown[][], thresholds?: unknown[][], labels?: unknown[][]) {
  return answer("CBA.RISKBAND", () => {
    const bands: RiskBands = {
      thresholds: isOmitted(thresholds)
        ? hampshireRiskBands.thresholds
        : readNumberLine(thresholds, "thresholds").values,
      labels: isOmitted(labels) ? hampshireRiskBands.labels : readTextLine(labels, "labels"),
    };
    // Checks the bands even when every score is blank, so a bad setting never hides.
    bandOfScore(0, bands);
    return elementWise<string>([{ value: score, subject: "score" }], ([cell], [name]) =>
      isBlank(cell) ? "" : bandOfScore(readCellNumber(cell, name!, "refuse"), bands),
    );
  });
}

/** Costs and benefits over the same periods, read together. Untagged, so Excel never sees it. */
function readCostsAndBenefits(costs: unknown, benefits: unknown): [number[], number[]] {
  const [costValues, benefitValues] = readPeriodRows([
    { value: costs, subject: "costs" },
    { value: benefits, subject: "benefits" },
  ]);
  return [costValues!, benefitValues!];
}

/**
 * An optional choice among a few words, ignoring case and spaces: `undefined` when omitted.
 * Untagged, so Excel never sees it.
 */
function readOptionalChoice<T extends string>(
  value: unknown,
  subject: string,
  choices: readonly T[],
): T | undefined {
  const text = readOptionalText(value, subject);
  if (text === undefined) return undefined;
  const choice = choices.find((c) => c === text.toLowerCase());
  if (choice === undefined) {
    const listed = choices.map((c) => `"${c}"`);
    throw new EngineError(
      "invalidValue",
      subject,
      `must be ${listed.slice(0, -1).join(", ")} or ${listed.at(-1)} (got "${text}")`,
    );
  }
  return choice;
}

/**
 * Low, likely and high lines read as one list of three-point estimates per line, each period's
 * range taken from the same line of the three. Untagged, so Excel never sees it.
 */
function threePointLines(
  low: number[][],
  likely: number[][],
  high: number[][],
  side: "costs" | "benefits",
): ThreePointEstimate[][] {
  for (const [lines, point] of [
    [likely, "Likely"],
    [high, "High"],
  ] as const) {
    if (lines.length !== low.length) {
      throw new EngineError(
        "invalidValue",
        `${side}${point}`,
        `has ${lines.length} ${lines.length === 1 ? "line" : "lines"} but ${side}Low has ${low.length}: give low, likely and high for the same lines`,
      );
    }
  }
  const cellName = (point: string, r: number, t: number): string =>
    low.length === 1 ? `${side}${point}[${t}]` : `${side}${point} row ${r + 1}, period ${t}`;
  return low.map((line, r) =>
    line.map((lowAmount, t) => {
      const likelyAmount = likely[r]![t]!;
      const highAmount = high[r]![t]!;
      // Checked here rather than left to the engine, to name the argument and cell to fix.
      if (likelyAmount < lowAmount) {
        throw new EngineError(
          "invalidNumber",
          cellName("Likely", r, t),
          `is ${likelyAmount}, below ${side}Low (${lowAmount}): give low ≤ likely ≤ high`,
        );
      }
      if (highAmount < likelyAmount) {
        throw new EngineError(
          "invalidNumber",
          cellName("High", r, t),
          `is ${highAmount}, below ${side}Likely (${likelyAmount}): give low ≤ likely ≤ high`,
        );
      }
      return { low: lowAmount, likely: likelyAmount, high: highAmount };
    }),
  );
}

function periodsText(count: number): string {
  return `${count} ${count === 1 ? "period" : "periods"}`;
}

/**
 * Refuses a simulation too large to run in a cell, saying how many trials these lines could take.
 * Untagged, so Excel never sees it.
 */
function checkSimulationSize(
  costLines: readonly ThreePointEstimate[][],
  benefitLines: readonly ThreePointEstimate[][],
  pert: boolean,
  trials: number,
): void {
  const lines = [...costLines, ...benefitLines];
  const periods = lines[0]!.length;
  let workPerTrial = lines.length * periods;
  if (pert) {
    for (const line of lines) {
      const shapes = new Set(
        line
          .filter(({ low, high }) => Number(high) > Number(low))
          .map(({ low, likely, high }) => (Number(likely) - Number(low)) / (Number(high) - Number(low))),
      );
      workPerTrial += pertQuantileWork * shapes.size;
    }
  }
  if (trials * workPerTrial <= mostSimulationWork) return;
  const most = Math.floor(mostSimulationWork / workPerTrial);
  const size = `${lines.length} lines over ${periodsText(periods)}${pert ? " with PERT ranges" : ""}`;
  throw new EngineError(
    "invalidNumber",
    "trials",
    most < 1
      ? `even one trial of ${size} is more than a cell should simulate: give fewer lines or periods`
      : `${trials} trials of ${size} are more than a cell should simulate; use at most ${most} trials`,
  );
}

/**
 * Checks a printed total against the sum of its lines: TRUE when they agree within half of the printed rounding, otherwise a message giving both figures and the difference.
 * @customfunction CHECKTOTAL
 * @param lines The lines the total adds up, as a row or column. Blank cells and N/A (not quantified) are left out of the sum.
 * @param total The total as the document prints it.
 * @param printedTo The rounding the figures are printed to, e.g. 1 or 1000: they agree when within half of it. Omit to require the total to foot exactly.
 * @returns {any} TRUE, or a message such as "Total row 'Total' shows 2,980 but its lines sum to 2,990 (difference -10)".
 */
export function checkTotal(lines: unknown[][], total: number, printedTo?: number) {
  return answer("CBA.CHECKTOTAL", (): boolean | string => {
    const { cells } = readLine(lines, "lines");
    const amounts = cells.map((cell, index) =>
      isBlank(cell) || (typeof cell === "string" && /^\s*(n\/a|na|not quantified)\s*$/i.test(cell))
        ? null
        : readCellNumber(cell, `lines[${index + 1}]`, "refuse"),
    );
    const printed = readNumber(total, "total");
    const rounding = readOptionalNumber(printedTo, "printedTo") ?? 0;
    if (rounding < 0)
      throw new EngineError("invalidNumber", "printedTo", `is ${rounding}: a rounding cannot be negative`);
    const [finding] = checkTotalOfLines("Total", printed, amounts, { tolerance: rounding / 2 });
    if (finding === undefined) return true;
    return `${finding.message} (difference ${finding.found.minus(finding.expected).toString()})`;
  });
}

/**
 * Checks a headline figure against the calculation it summarises ("savings of 3.6%" against 5,380,000 / 156,498,046): TRUE when they agree within half of the printed rounding, otherwise a message giving both figures.
 * @customfunction CHECKHEADLINE
 * @param published The figure as the document prints it; a percentage may be typed as "3.6%".
 * @param computed The figure the calculation gives, e.g. a cell with =CBA.ROI(...) or a ratio of table figures.
 * @param printedTo The rounding of the print, e.g. 1, 0.1, 1000 or "0.1%". Omit to use the decimals the published figure is given to.
 * @returns {any} TRUE, or a message such as "The headline is published as 0.036 but the calculation gives 0.0344 (printed to 0.001, so it should be within 0.0005)".
 */
export function checkHeadline(published: number | string, computed: number, printedTo?: number | string) {
  return answer("CBA.CHECKHEADLINE", (): boolean | string => {
    const figure = readNumber(published, "published");
    const value = readNumber(computed, "computed");
    const rounding = readOptionalNumber(printedTo, "printedTo");
    const [finding] = checkPublishedFigures([
      {
        location: "The headline",
        published: figure,
        computed: value,
        ...(rounding === undefined ? {} : { printedTo: rounding }),
      },
    ]);
    return finding === undefined ? true : finding.message;
  });
}

// ---------------------------------------------------------------------------------------------
// Who benefits, how it is funded, optimism bias, drivers, additionality, prices and health
// discounting. Kept together, imports included, because other blocks are appended to this file
// too; the helpers above (readOptionalChoice and the readers) are shared.

import { netAdditionalBenefits } from "../engine/additionality";
import { splitBenefitsByBeneficiary } from "../engine/beneficiaries";
import { checkFunding } from "../engine/funding";
import { greenBookHealthRates } from "../engine/healthDiscounting";
import { loanRepayments as loanRepaymentSchedule } from "../engine/loanRepayments";
import {
  type ConfidenceGrade,
  confidenceGradeRate,
  defaultConfidenceGrades,
  optimismBiasRate as optimismBiasRateOf,
  readProjectType,
  withOptimismBias,
} from "../engine/optimismBias";
import {
  nominalToReal as nominalToRealPrices,
  realToNominal as realToNominalPrices,
} from "../engine/priceBase";
import { driverAmounts } from "../engine/unitCostDrivers";
import { Money } from "../engine/money";

/**
 * Applies optimism bias to a row of amounts: costs × (1 + percent), benefits × (1 − percent).
 * @customfunction OPTIMISMBIAS
 * @param amounts The amounts per period (or one amount), as a row or column. Blank cells count as 0.
 * @param percent The optimism bias as a fraction (0.24 for 24%), after any mitigation, e.g. from CBA.OPTIMISMBIASRATE.
 * @param direction "cost" (default) to uplift costs or durations, or "benefit" to reduce benefits.
 * @returns {number[][]} The amounts with optimism bias, spilling the way the amounts run.
 */
export function optimismBias(amounts: unknown[][], percent: number, direction?: string) {
  return answer("CBA.OPTIMISMBIAS", () => {
    const { values, orientation } = readPeriodRow(amounts, "amounts");
    const rate = readNumber(percent, "percent");
    const way = readOptionalChoice(direction, "direction", ["cost", "benefit"] as const) ?? "cost";
    const adjusted = withOptimismBias(values, readRateArgument(rate, way), way);
    return spill(
      adjusted.map((amount, t) => toCellNumber(amount, `period ${t}`)),
      orientation,
    );
  });
}

/**
 * The HM Treasury Green Book optimism-bias percentage for a project type (supplementary guidance, 2003): upper or lower bound, for costs or works duration.
 * @customfunction OPTIMISMBIASRATE
 * @param projectType Standard buildings, Non-standard buildings, Standard civil engineering, Non-standard civil engineering, Equipment/development (covers IT) or Outsourcing.
 * @param bound "upper" (default: the starting point before mitigation) or "lower".
 * @param measure "cost" (default: capital costs, or operating costs for outsourcing) or "duration" (works duration).
 * @returns {number} The optimism bias as a fraction (0.24 for 24%); #N/A for the duration of outsourcing, which the guidance does not give.
 */
export function optimismBiasRate(projectType: string, bound?: string, measure?: string) {
  return answer("CBA.OPTIMISMBIASRATE", () => {
    const text = readOptionalText(projectType, "projectType");
    if (text === undefined)
      throw new EngineError("invalidValue", "projectType", "is blank; name a project type");
    return toCellNumber(
      optimismBiasRateOf(
        readProjectType(text),
        readOptionalChoice(bound, "bound", ["upper", "lower"] as const),
        readOptionalChoice(measure, "measure", ["cost", "duration"] as const),
      ),
      "optimism bias",
    );
  });
}

/**
 * The optimism bias for a data-confidence grade: by default grade 1 0%, 2 5%, 3 10%, 4 15%, 5 25%, 6 40% (HM Treasury local partnerships CBA guidance), or your own table.
 * @customfunction OPTIMISMBIASGRADE
 * @param grade The confidence grade of the estimate's evidence (a whole number, 1 the strongest).
 * @param grades Your own grades as a row or column; give rates alongside. Omit for the default table.
 * @param rates The optimism bias of each of your grades, as fractions, in the same order as grades.
 * @returns {number} The optimism bias as a fraction; #N/A for a grade the table does not list.
 */
export function optimismBiasGrade(grade: number, grades?: unknown[][], rates?: unknown[][]) {
  return answer("CBA.OPTIMISMBIASGRADE", () => {
    const gradeValue = readNumber(grade, "grade");
    let table: readonly ConfidenceGrade[] = defaultConfidenceGrades;
    if (!isOmitted(grades) || !isOmitted(rates)) {
      if (isOmitted(grades) || isOmitted(rates)) {
        throw new EngineError(
          "invalidValue",
          isOmitted(grades) ? "grades" : "rates",
          "is missing: give grades and rates together, or neither",
        );
      }
      const gradeValues = readNumberLine(grades, "grades").values;
      const rateValues = readNumberLine(rates, "rates").values;
      if (gradeValues.length !== rateValues.length) {
        throw new EngineError(
          "invalidValue",
          "rates",
          `gives ${rateValues.length} rates for ${gradeValues.length} grades: give one rate per grade`,
        );
      }
      table = gradeValues.map((g, i) => ({
        grade: g,
        evidence: `grade ${g}`,
        rate: toFraction(rateValues[i]!, rateValues.length === 1 ? "rates" : `rates[${i + 1}]`),
      }));
    }
    return toCellNumber(confidenceGradeRate(gradeValue, table), "optimism bias");
  });
}

/**
 * A driver line: unit cost × volume each period (cases, conveyances, FTE, transactions) instead of a fixed amount.
 * @customfunction DRIVER
 * @param unitCost The cost (or saving, as a negative) per unit: one value, or one per period as a row or column. Blank cells count as 0.
 * @param volume The volume: one value, or one per period, not negative. Blank cells count as 0.
 * @returns {number[][]} The amount per period, spilling the way the longer factor runs.
 */
export function driver(unitCost: unknown[][], volume: unknown[][]) {
  return answer("CBA.DRIVER", () => {
    const costs = readPeriodRow(unitCost, "unitCost");
    const volumes = readPeriodRow(volume, "volume");
    const amounts = driverAmounts(
      costs.values.length === 1 ? costs.values[0]! : costs.values,
      volumes.values.length === 1 ? volumes.values[0]! : volumes.values,
    );
    const orientation = costs.values.length > 1 ? costs.orientation : volumes.orientation;
    return spill(
      amounts.map((amount, t) => toCellNumber(amount, `period ${t}`)),
      orientation,
    );
  });
}

/**
 * Net additional benefit: gross × (1 − deadweight) × (1 − attribution), then drop-off compounding each year after the benefit's first year.
 * @customfunction ADDITIONALITY
 * @param benefits The gross benefit per period, as a row or column. Blank cells count as 0.
 * @param deadweight The share that would have happened anyway, a fraction from 0 to 1.
 * @param attribution The share of the rest due to others, a fraction from 0 to 1.
 * @param dropOff The share lost each year after the first year with a benefit, a fraction from 0 to 1; default 0.
 * @returns {number[][]} The net additional benefit per period, spilling the way the benefits run.
 */
export function additionality(
  benefits: unknown[][],
  deadweight: number,
  attribution: number,
  dropOff?: number,
) {
  return answer("CBA.ADDITIONALITY", () => {
    const { values, orientation } = readPeriodRow(benefits, "benefits");
    const dropOffValue = readOptionalNumber(dropOff, "dropOff");
    const { net } = netAdditionalBenefits(values, {
      deadweight: readNumber(deadweight, "deadweight"),
      attribution: readNumber(attribution, "attribution"),
      ...(dropOffValue === undefined ? {} : { dropOff: dropOffValue }),
    });
    return spill(
      net.map((amount, t) => toCellNumber(amount, `period ${t}`)),
      orientation,
    );
  });
}

/**
 * Real amounts (in one year's prices) to nominal (cash) amounts: amount × index[t] / index[baseYear].
 * @customfunction REALTONOMINAL
 * @param amounts The amounts per period in the base year's prices, as a row or column. Blank cells count as 0.
 * @param index A price index (GDP deflator or your own), one value above zero per period, as a row or column.
 * @param baseYear The period whose prices the amounts are in, counted from 0 like the amounts (default 0, the first).
 * @returns {number[][]} The nominal amounts, spilling the way the amounts run.
 */
export function realToNominal(amounts: unknown[][], index: unknown[][], baseYear?: number) {
  return answer("CBA.REALTONOMINAL", () => convertPrices(amounts, index, baseYear, realToNominalPrices));
}

/**
 * Nominal (cash) amounts to real amounts in one year's prices: amount × index[baseYear] / index[t]; discount real amounts at Green Book rates.
 * @customfunction NOMINALTOREAL
 * @param amounts The cash amounts per period, as a row or column. Blank cells count as 0.
 * @param index A price index (GDP deflator or your own), one value above zero per period, as a row or column.
 * @param baseYear The period whose prices to express the amounts in, counted from 0 like the amounts (default 0, the first).
 * @returns {number[][]} The real amounts, spilling the way the amounts run.
 */
export function nominalToReal(amounts: unknown[][], index: unknown[][], baseYear?: number) {
  return answer("CBA.NOMINALTOREAL", () => convertPrices(amounts, index, baseYear, nominalToRealPrices));
}

/**
 * The Green Book health discount rate for each year 1..n: 1.5% to year 30, 1.286% for years 31–75, 1.071% for 76–125.
 * @customfunction HEALTHDISCOUNTRATES
 * @param periods The number of years (whole number from 1 to 125).
 * @returns {number[][]} A row of rates r1..rn, ready for the rate argument of CBA.NPV.
 */
export function healthDiscountRates(periods: number) {
  return answer("CBA.HEALTHDISCOUNTRATES", () => {
    const count = readWholeNumber(periods, "periods", 1, 125);
    return spill(
      greenBookHealthRates(count).map((rate, t) => toCellNumber(rate, `rate of year ${t + 1}`)),
      "row",
    );
  });
}

/**
 * A loan's repayments year by year: interest, principal repaid, payment and closing balance; an annuity's payment equals Excel's PMT with the sign turned round.
 * @customfunction LOANREPAYMENTS
 * @param principal The amount borrowed (0 or more).
 * @param rate The interest rate per year (0.045 for 4.5%), 0 or more.
 * @param years The years of repayment (whole number from 1 to 1000).
 * @param method "annuity" (default: level payments) or "straight line" (equal principal each year).
 * @returns {number[][]} One row per year: interest, principal repaid, payment, closing balance.
 */
export function loanRepayments(principal: number, rate: number, years: number, method?: string) {
  return answer("CBA.LOANREPAYMENTS", () => {
    const principalValue = readNumber(principal, "principal");
    const rateValue = readNumber(rate, "rate");
    const count = readWholeNumber(years, "years", 1, mostPeriods);
    const text = readOptionalText(method, "method");
    const key = text?.toLowerCase().replace(/[\s\-_]/g, "");
    if (key !== undefined && key !== "annuity" && key !== "straightline") {
      throw new EngineError("invalidValue", "method", `must be "annuity" or "straight line" (got "${text}")`);
    }
    return loanRepaymentSchedule(
      principalValue,
      rateValue,
      count,
      key === "straightline" ? "straightLine" : "annuity",
    ).map((year) => [
      toCellNumber(year.interest, `interest in year ${year.year}`),
      toCellNumber(year.principal, `principal in year ${year.year}`),
      toCellNumber(year.payment, `payment in year ${year.year}`),
      toCellNumber(year.closingBalance, `closing balance in year ${year.year}`),
    ]);
  });
}

/**
 * The funding gap of each cost line: cost − the sources meeting it; positive is a shortfall, negative over-funding, 0 when the sources cover it exactly.
 * @customfunction FUNDINGGAP
 * @param costs The cost of each line (positive), as a column (or a row). Blank cells are refused.
 * @param funding One row per cost line and one column per source (grant, match funding, reserves, borrowing). Blank cells count as 0.
 * @param basis "amount" (default) when funding cells are amounts, or "percent" when they are fractions of the line's cost.
 * @returns {number[][]} The gap of each line, spilling the way the costs run.
 */
export function fundingGap(costs: unknown[][], funding: unknown[][], basis?: string) {
  return answer("CBA.FUNDINGGAP", () => {
    const { values: costValues, orientation } = readNumberLine(costs, "costs");
    const costName = (l: number) => (costValues.length === 1 ? "costs" : `costs[${l + 1}]`);
    costValues.forEach((cost, l) => {
      if (cost < 0)
        throw new EngineError(
          "invalidNumber",
          costName(l),
          `is ${cost}: enter a cost to be funded as a positive amount`,
        );
    });
    const rows = readRange(funding, "funding");
    if (rows.length !== costValues.length) {
      throw new EngineError(
        "invalidValue",
        "funding",
        `has ${rows.length} ${rows.length === 1 ? "row" : "rows"} but there ${costValues.length === 1 ? "is 1 cost line" : `are ${costValues.length} cost lines`}: give one row of sources per cost line`,
      );
    }
    const byPercent = readOptionalChoice(basis, "basis", ["amount", "percent"] as const) === "percent";
    const sourceName = (c: number) => `funding column ${c + 1}`;
    const lines = costValues.map((cost, l) => ({
      label: costName(l),
      expenditure: "revenue" as const,
      cost,
      funding: rows[l]!.map((cell, c) => {
        const subject = `funding row ${l + 1}, column ${c + 1}`;
        const value = readCellNumber(cell, subject, "zero");
        if (value < 0)
          throw new EngineError("invalidNumber", subject, `is ${value}: a contribution cannot be negative`);
        if (byPercent && value > 1) {
          throw new EngineError(
            "invalidNumber",
            subject,
            `is ${value}: a fraction of the cost must be from 0 to 1 (0% to 100%)`,
          );
        }
        return byPercent
          ? { source: sourceName(c), percent: value }
          : { source: sourceName(c), amount: value };
      }),
    }));
    const check = checkFunding(
      lines,
      rows[0]!.map((_, c) => ({ name: sourceName(c), kind: "other" as const })),
    );
    return spill(
      check.lines.map((line) => toCellNumber(line.cost.minus(line.funded), `gap of ${line.label}`)),
      orientation,
    );
  });
}

/**
 * Splits benefits between the bodies that receive them (partners, NHS, DWP, courts) by shares adding up to 100%, in whole rounding units, so each row adds up to exactly its benefit.
 * @customfunction BENEFICIARYSPLIT
 * @param benefits One benefit, or a column (or row) of benefits, one per line. Blank cells are refused.
 * @param shares One row of shares per benefit (or one row for all), one column per body; each row must add up to 100%. Blank cells count as 0.
 * @param unit The rounding unit, default 0.01 (a penny); 1 rounds to whole pounds, or whole £k when amounts are in £'000.
 * @returns {number[][]} One row per benefit with each body's part, in the columns of the shares.
 */
export function beneficiarySplit(benefits: unknown[][], shares: unknown[][], unit?: number) {
  return answer("CBA.BENEFICIARYSPLIT", () => {
    const { values } = readNumberLine(benefits, "benefits");
    const rows = readRange(shares, "shares");
    if (rows.length !== 1 && rows.length !== values.length) {
      throw new EngineError(
        "invalidValue",
        "shares",
        `has ${rows.length} rows for ${values.length} benefits: give one row of shares per benefit, or one row for all`,
      );
    }
    const unitValue = readOptionalNumber(unit, "unit");
    if (unitValue !== undefined && !(unitValue > 0))
      throw new EngineError("invalidNumber", "unit", "must be greater than zero");
    const bodies = rows[0]!.map((_, c) => `column ${c + 1}`);
    const shareRow = (r: number) => (rows.length === 1 ? 0 : r);
    const split = splitBenefitsByBeneficiary(
      values.map((amount, r) => ({
        label: `benefit ${r + 1}`,
        subject: rows.length === 1 ? "shares" : `shares row ${r + 1}`,
        amountSubject: values.length === 1 ? "benefits" : `benefits[${r + 1}]`,
        benefitClass: "fiscalCashable" as const,
        amount,
        beneficiaries: rows[shareRow(r)]!.map((cell, c) => ({
          beneficiary: bodies[c]!,
          share: readShareCell(
            cell,
            rows.length === 1 && rows[0]!.length === 1
              ? "shares"
              : `shares row ${shareRow(r) + 1}, column ${c + 1}`,
          ),
        })),
      })),
      { partners: [], ...(unitValue === undefined ? {} : { unit: unitValue }) },
    );
    return split.lines.map((line, r) =>
      bodies.map((body, c) => toCellNumber(line.parts[body]!, `benefit ${r + 1} part ${c + 1}`)),
    );
  });
}

/** Reads one beneficiary's share: blank is 0, negative is refused. Untagged, so Excel never sees it. */
function readShareCell(cell: unknown, subject: string): number {
  const share = readCellNumber(cell, subject, "zero");
  if (share < 0) throw new EngineError("invalidNumber", subject, `is ${share}: a share cannot be negative`);
  return share;
}

/** Reads an optimism-bias percentage, naming the argument. Untagged, so Excel never sees it. */
function readRateArgument(rate: number, direction: "cost" | "benefit"): number {
  if (rate < 0)
    throw new EngineError("invalidNumber", "percent", `is ${rate}: optimism bias cannot be negative`);
  if (direction === "benefit" && rate > 1) {
    throw new EngineError(
      "invalidNumber",
      "percent",
      `is ${rate}: a benefit cannot be reduced by more than 100%`,
    );
  }
  return rate;
}

/** A rate of a confidence-grade table as a decimal from 0. Untagged, so Excel never sees it. */
function toFraction(value: number, subject: string): Money {
  if (value < 0)
    throw new EngineError("invalidNumber", subject, `is ${value}: optimism bias cannot be negative`);
  return new Money(value);
}

/** Reads amounts, an index and a base year, and converts prices. Untagged, so Excel never sees it. */
function convertPrices(
  amounts: unknown[][],
  index: unknown[][],
  baseYear: unknown,
  convert: (amounts: number[], index: number[], baseYear?: number) => Money[],
): (number | string)[][] {
  const { values, orientation } = readPeriodRow(amounts, "amounts");
  const indexValues = readNumberLine(index, "index").values;
  const base = readOptionalWholeNumber(baseYear, "baseYear", 0, mostPeriods);
  return spill(
    convert(values, indexValues, base).map((amount, t) => toCellNumber(amount, `period ${t}`)),
    orientation,
  );
}
