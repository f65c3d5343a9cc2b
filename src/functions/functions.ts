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
