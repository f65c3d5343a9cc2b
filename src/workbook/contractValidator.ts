import { notQuantified } from "../engine/businessCaseModel";
import { EngineError } from "../engine/errors";
import { Money } from "../engine/money";
import { oneOffProfileTotal } from "../engine/phasing";
import { basesFromBaseline, sharesFromBases } from "../engine/shares";
import { amountText } from "./amountText";
import { validateBeneficiaries } from "./beneficiariesValidation";
import { sheetAddress } from "./cellAddress";
import type { ContractInputs, LineInput, PoolInput } from "./contractInputs";
import { ContractLookup } from "./contractLookup";
import { type ContractProblem, inputError, inputWarning, unknownPartnerCause } from "./contractProblems";
import { validateFunding } from "./fundingValidation";
import { inputRangeNames } from "./inputContract";
import { optimismBiasCaseNames } from "./optimismBiasCategories";
import { validateOptimismBias } from "./optimismBiasValidation";
import { validateDrivers } from "./driversValidation";
import { validatePriceBasis } from "./priceBasis";
import { sensitivitySelection } from "./sensitivityCaseSelection";
import { fixedOutputNames } from "./outputNames";
import { productSheetsFor, refreshedSheetNames, sameSheetName } from "./productSheets";
import type { SheetInfo, WorkbookSnapshot } from "./workbookPort";

/** Names the result sheets always give their blocks (see the result sheet registry). */
export { fixedOutputNames };

/**
 * Output names already used by a table or range outside the product's sheets: Excel keeps table
 * and range names in one namespace, so writing a block of that name would fail.
 */
export function outputNameProblems(snapshot: WorkbookSnapshot): ContractProblem[] {
  const owned = (sheet: string) =>
    snapshot.sheets.some((s) => s.ownedByProduct && sameSheetName(s.name, sheet)) &&
    refreshedSheetNames.some((name) => sameSheetName(name, sheet));
  return fixedOutputNames.flatMap((name) => {
    const found = snapshot.ranges.get(name.toUpperCase());
    if (!found || owned(found.sheet)) return [];
    return [
      inputError(
        found.name,
        sheetAddress(found.sheet, found.topLeft),
        "Output name taken",
        `the name "${found.name}" is used on sheet "${found.sheet}", but the result sheets need it for their own table; rename yours`,
      ),
    ];
  });
}

/**
 * Checks the references between ranges and everything a calculation needs, adding the warnings
 * that do not stop a run. Together with the reader's problems this is the whole contract check
 * made before anything is written.
 *
 * @example
 * const problems = [...reading.problems, ...validateContract(reading.inputs, snapshot.sheets)];
 */
export function validateContract(inputs: ContractInputs, sheets: readonly SheetInfo[]): ContractProblem[] {
  const problems: ContractProblem[] = [];
  if (!inputs.lines && !inputs.risks) {
    problems.push(
      inputError(
        inputRangeNames.lines,
        undefined,
        "Nothing to calculate",
        `the workbook has neither ${inputRangeNames.lines} (for the business case) nor ${inputRangeNames.risks} (for risk scores)`,
      ),
    );
  }
  if (inputs.lines) validateBusinessCase(inputs, new ContractLookup(inputs), problems);
  else if (inputs.published) {
    problems.push(
      inputWarning(
        inputRangeNames.published,
        undefined,
        "Published figures without lines",
        `published figures are checked against the business case, which needs ${inputRangeNames.lines}; they are ignored`,
      ),
    );
  }
  if (!inputs.lines && inputs.scenarios) {
    problems.push(
      inputWarning(
        inputRangeNames.scenarios,
        undefined,
        "Scenarios without lines",
        `scenarios need ${inputRangeNames.lines}; they are ignored`,
      ),
    );
  }
  problems.push(...validateDrivers(inputs), ...validatePriceBasis(inputs));
  problems.push(...validateBeneficiaries(inputs, new ContractLookup(inputs)));
  validateFunding(inputs, problems);
  validateResultSheets(inputs, sheets, problems);
  return problems;
}

function missingRange(range: string, why: string): ContractProblem {
  return inputError(
    range,
    undefined,
    "Missing range",
    `the workbook has no range or table named ${range}, which ${why}`,
  );
}

function validateBusinessCase(
  inputs: ContractInputs,
  lookup: ContractLookup,
  problems: ContractProblem[],
): void {
  const lines = inputs.lines!;
  if (!inputs.partners)
    problems.push(
      missingRange(inputRangeNames.partners, `${inputRangeNames.lines} needs to know the partners`),
    );

  for (const pool of inputs.pools?.pools ?? []) {
    if (lookup.partner(pool.name) !== undefined) {
      problems.push(
        inputError(
          inputs.pools!.range,
          pool.cell,
          "Pool named like a partner",
          `pool "${pool.name}" has the same name as a partner code, so a line allocated to it would be ambiguous`,
        ),
      );
    }
  }

  for (const line of lines.lines) {
    validateLine(inputs, lookup, line, problems);
  }
  for (const pool of inputs.pools?.pools ?? []) validatePool(inputs, lookup, pool, problems);
  validateProfiles(inputs, lookup, problems);
  validateCases(inputs, lookup, problems);
  validatePublished(inputs, lookup, problems);
  problems.push(...validateOptimismBias(inputs));
  const cases = lines.cases;
  if (inputs.scenarios && sensitivitySelection(cases) === undefined) {
    problems.push(
      inputWarning(
        lines.range,
        undefined,
        "No range for sensitivity",
        `the tornado on the CBA Scenarios sheet (and a simulation) moves each line between its Best and Worst values (or the first and last cases of the Cases setting), but ${lines.range} has only ${cases.join(", ")}; it is left out until both columns are given`,
      ),
    );
  }
}

/** Every case name the business case computes: input cases, the contingency case, scenarios. */
function caseNames(inputs: ContractInputs, lookup: ContractLookup): string[] {
  const names = [...inputs.lines!.cases, ...optimismBiasCaseNames(inputs)];
  const contingency = lookup.contingencyCaseName();
  if (inputs.settings.contingency && contingency !== undefined) names.push(contingency);
  for (const scenario of inputs.scenarios?.scenarios ?? []) names.push(scenario.name);
  return names;
}

/** Each published figure must name a case, partner and line the business case has. */
function validatePublished(
  inputs: ContractInputs,
  lookup: ContractLookup,
  problems: ContractProblem[],
): void {
  const published = inputs.published;
  if (!published) return;
  const cases = caseNames(inputs, lookup);
  for (const figure of published.figures) {
    if (figure.caseName === undefined) {
      if (inputs.lines!.cases.length > 1) {
        problems.push(
          inputError(
            published.range,
            figure.caseCell,
            "Missing case",
            `published figure "${figure.figure}" names no case; the lines carry ${inputs.lines!.cases.join(", ")}, so say which one it summarises`,
          ),
        );
      }
    } else if (!cases.some((name) => name.toLowerCase() === figure.caseName!.toLowerCase())) {
      problems.push(
        inputError(
          published.range,
          figure.caseCell,
          "Unknown case",
          `published figure "${figure.figure}" is for case "${figure.caseName}", which is not a case (${cases.join(", ")})`,
        ),
      );
    }
    if (figure.partner !== undefined && lookup.partner(figure.partner) === undefined) {
      problems.push({
        ...inputError(
          published.range,
          figure.partnerCell,
          "Unknown partner code",
          `published figure "${figure.figure}" is for partner "${figure.partner}", which is not a code in ${inputRangeNames.partners}; leave it blank for the whole programme`,
        ),
        cause: unknownPartnerCause(figure.partner, inputRangeNames.partners),
      });
    }
    const { measure } = figure;
    if (
      measure.kind === "line" &&
      !inputs.lines!.lines.some((line) => line.label.toLowerCase() === measure.label.toLowerCase())
    ) {
      problems.push(
        inputError(
          published.range,
          figure.measureCell,
          "Unknown line",
          `published figure "${figure.figure}" summarises line "${measure.label}", which is not a line of ${inputs.lines!.range}`,
        ),
      );
    }
  }
}

/**
 * Words that mark a line as a saving: such a line should carry a negative amount. Not "income": a
 * line about lost income, income forgone or an income target is as often a cost as a saving.
 */
const savingWords =
  /\b(saving|savings|benefit|benefits|offset|avoided|avoidance|reduction|reductions|efficiency|efficiencies|cashable)\b/i;

function validateLine(
  inputs: ContractInputs,
  lookup: ContractLookup,
  line: LineInput,
  problems: ContractProblem[],
): void {
  const range = inputs.lines!.range;
  if (line.allocation !== "" && lookup.allocation(line) === undefined) {
    const where = [
      inputs.pools
        ? `a pool in ${inputs.pools.range}`
        : `a pool (the workbook has no ${inputRangeNames.pools})`,
      inputs.partners ? `a partner code in ${inputs.partners.range}` : "a partner code",
    ].join(" nor ");
    problems.push({
      ...inputError(
        range,
        line.allocationCell,
        "Unknown pool or partner",
        `line "${line.label}" is allocated to "${line.allocation}", which is neither ${where}`,
      ),
      cause: unknownPartnerCause(line.allocation, inputs.partners?.range ?? inputRangeNames.partners),
    });
  }
  if (line.profile !== undefined && lookup.profile(line.profile) === undefined) {
    problems.push(
      inputError(
        range,
        line.profileCell!,
        "Unknown profile",
        inputs.profiles
          ? `line "${line.label}" uses profile "${line.profile}", which is not in ${inputs.profiles.range}`
          : `line "${line.label}" uses profile "${line.profile}" but the workbook has no ${inputRangeNames.profiles}`,
      ),
    );
  }

  const unit = inputs.settings.roundingUnit;
  // As the sheet prints it, every digit kept: "£'000 (1,140.5)".
  const shown = (value: Money) =>
    `${inputs.settings.unitLabel} ${amountText(value, Math.max(value.decimalPlaces(), 0))}`;
  const pooled = lookup.pool(line.allocation) !== undefined;
  const amounts: { name: string; value: Money; cell: string }[] = [];
  for (const [name, { value, cell }] of line.values) {
    if (value === notQuantified) continue;
    amounts.push({ name, value, cell });
    if (pooled && !value.div(unit).isInteger()) {
      problems.push(
        inputError(
          range,
          cell,
          "Not a whole rounding unit",
          `the ${name} amount of line "${line.label}", ${shown(value)}, is not a whole number of rounding units (${unit.toString()}), so its parts could not add up to it exactly; round it or change the rounding unit`,
        ),
      );
    }
  }

  // A line's kind and its sign should agree: costs positive, savings negative is the documents'
  // convention. The amount is computed as entered (a positive Benefit lowers the benefits), so a
  // contradiction is a warning naming the cell, not a silent change of sign.
  if (line.kind !== undefined) {
    for (const { name, value, cell } of amounts) {
      const contradicts = line.kind === "benefit" ? value.gt(0) : value.lt(0);
      if (!contradicts) continue;
      problems.push(
        inputWarning(
          range,
          cell,
          "Sign contradicts kind",
          line.kind === "benefit"
            ? `line "${line.label}" is a Benefit but its ${name} amount is positive, ${shown(value)}; benefits are entered as negative amounts, so as entered it lowers the benefits`
            : `line "${line.label}" is a Cost but its ${name} amount is negative, ${shown(value)}; costs are entered as positive amounts, so as entered it lowers the costs`,
        ),
      );
    }
  }
  // A line that names itself a saving but carries a positive amount has almost always lost its
  // minus sign (documents print savings in brackets, which a copy can drop).
  if (line.kind === undefined && savingWords.test(line.label)) {
    for (const { name, value, cell } of amounts) {
      if (value.isPositive() && !value.isZero()) {
        problems.push(
          inputWarning(
            range,
            cell,
            "Saving entered as positive",
            `line "${line.label}" reads as a saving but its ${name} amount is positive, ${shown(value)}; savings are entered as negative amounts`,
          ),
        );
      }
    }
  }
  const positive = amounts.filter((a) => a.value.isPositive() && !a.value.isZero());
  const negative = amounts.filter((a) => a.value.isNegative());
  if (positive.length > 0 && negative.length > 0) {
    problems.push(
      inputWarning(
        range,
        line.cell,
        "Sign differs between cases",
        `line "${line.label}" is a cost in one case and a saving in another (${amounts.map((a) => `${a.name} ${shown(a.value)}`).join(", ")}); check the signs`,
      ),
    );
  }
}

function validatePool(
  inputs: ContractInputs,
  lookup: ContractLookup,
  pool: PoolInput,
  problems: ContractProblem[],
): void {
  const range = inputs.pools!.range;
  let complete = true;
  if (pool.partners !== "all") {
    const seen = new Set<string>();
    for (const code of pool.partners) {
      const known = lookup.partner(code);
      if (known === undefined) {
        complete = false;
        problems.push({
          ...inputError(
            range,
            pool.partnersCell,
            "Unknown partner code",
            `pool "${pool.name}" lists partner "${code}", which is not a code in ${inputRangeNames.partners}`,
          ),
          cause: unknownPartnerCause(code, inputRangeNames.partners),
        });
      } else if (seen.has(known)) {
        complete = false;
        problems.push(
          inputError(
            range,
            pool.partnersCell,
            "Duplicate partner",
            `pool "${pool.name}" lists ${known} twice`,
          ),
        );
      } else {
        seen.add(known);
      }
    }
  }
  const partners = lookup.poolPartners(pool);
  if (partners.length === 0) return;

  let bases: Money[] | undefined;
  if (pool.basis === "baseline" || pool.basis === "fte") {
    const baseline = lookup.baselineFor(pool);
    const baselineName = pool.basis === "fte" ? inputRangeNames.baselineFte : inputRangeNames.baseline;
    if (!baseline) {
      problems.push(
        missingRange(
          baselineName,
          `pool "${pool.name}" is shared by ${pool.basis === "fte" ? "FTE" : "baseline"}`,
        ),
      );
      return;
    }
    if (pool.serviceAreas !== "all") {
      for (const area of pool.serviceAreas) {
        if (!baseline.rows.some((row) => row.serviceArea.toLowerCase() === area.toLowerCase())) {
          complete = false;
          problems.push(
            inputError(
              range,
              pool.serviceAreasCell,
              "Unknown service area",
              `pool "${pool.name}" names service area "${area}", which is not a row of ${baselineName}`,
            ),
          );
        }
      }
    }
    // The engine's own sums: poolServiceAreas leaves unknown areas out, so none is missing here.
    const table = baseline.rows.map((row) => ({
      serviceArea: row.serviceArea,
      amounts: Object.fromEntries(row.amounts),
    }));
    bases = basesFromBaseline(table, lookup.poolServiceAreas(pool), partners, `pool "${pool.name}"`);
  } else if (pool.basis === "manual") {
    bases = partners.map((code) => {
      const weight = pool.manualWeights.get(code);
      if (weight === undefined) {
        complete = false;
        const cell = pool.manualWeightCells.get(code);
        problems.push(
          inputError(
            range,
            cell ?? pool.basisCell,
            "Missing manual weight",
            cell === undefined
              ? `pool "${pool.name}" is shared manually but ${range} has no "${code}" column for its weight`
              : `pool "${pool.name}" is shared manually but has no weight for ${code}`,
          ),
        );
        return new Money(0);
      }
      return weight.weight;
    });
  } else {
    bases = partners.map(() => new Money(1));
  }
  if (!complete || bases === undefined) return;

  try {
    const options = pool.shareDecimals === undefined ? {} : { decimals: pool.shareDecimals };
    const shares = sharesFromBases(bases, options);
    shares.applied.forEach((share, index) => {
      if (share.isZero()) {
        problems.push(
          inputWarning(
            range,
            pool.cell,
            "Partner gets 0%",
            `pool "${pool.name}" gives ${partners[index]} a share of 0%, so ${partners[index]} bears none of its costs or savings`,
          ),
        );
      }
    });
  } catch (error) {
    if (!(error instanceof EngineError)) throw error;
    problems.push(
      inputError(
        range,
        pool.cell,
        "No shares",
        `pool "${pool.name}": every partner's base is zero, so no shares follow`,
      ),
    );
  }
}

function yearText(year: number, firstFinancialYear: number | undefined): string {
  if (firstFinancialYear === undefined) return `year ${year}`;
  const start = firstFinancialYear + year;
  return `year ${year} (${start}/${String((start + 1) % 100).padStart(2, "0")})`;
}

/**
 * Profiles used by a line must give a fraction for every year from 0 to their last year; a blank
 * year inside is an error. A profile that stops before the horizon is accepted with a warning:
 * how it carries on is told by the lines using it, as the engine phases them. A recurring line
 * carries the last fraction on (a ramp-up stays at its run rate, as CBA.PHASE does); a one-off
 * line is spent once, so it has nothing after the profile's end.
 */
function validateProfiles(inputs: ContractInputs, lookup: ContractLookup, problems: ContractProblem[]): void {
  const { horizonYears, firstFinancialYear } = inputs.settings;
  const used = new Map<string, { oneOff: boolean; recurring: boolean }>();
  for (const line of inputs.lines!.lines) {
    const profile = line.profile === undefined ? undefined : lookup.profile(line.profile);
    if (!profile) continue;
    const entry = used.get(profile.name) ?? { oneOff: false, recurring: false };
    if (line.timing === "oneOff") entry.oneOff = true;
    else entry.recurring = true;
    used.set(profile.name, entry);
  }
  for (const profile of inputs.profiles?.profiles ?? []) {
    const usage = used.get(profile.name);
    if (!usage) continue;
    const given = [...profile.fractions.keys()].filter((year) => year <= horizonYears);
    const lastGiven = given.length === 0 ? -1 : Math.max(...given);
    const gaps: number[] = [];
    for (let year = 0; year <= Math.max(lastGiven, 0); year++)
      if (!profile.fractions.has(year)) gaps.push(year);
    if (gaps.length > 0) {
      const first = gaps[0]!;
      const shown =
        gaps.length === 1
          ? yearText(first, firstFinancialYear)
          : `${gaps.length} years: ${yearText(first, firstFinancialYear)} to ${yearText(gaps[gaps.length - 1]!, firstFinancialYear)}`;
      problems.push(
        inputError(
          inputs.profiles!.range,
          profile.yearCells.get(first) ?? profile.cell,
          "Profile does not cover the horizon",
          `profile "${profile.name}" has no fraction for ${shown}; give every year from year 0 to its last (0 for a year with nothing)`,
        ),
      );
      continue;
    }
    if (lastGiven < horizonYears) {
      const last = profile.fractions.get(lastGiven)!.fraction;
      const carried = [
        usage.recurring
          ? `recurring lines using it carry its last fraction (${last.times(100).toString()}%) on to year ${horizonYears}`
          : undefined,
        usage.oneOff
          ? `one-off lines using it have nothing after ${yearText(lastGiven, firstFinancialYear)}`
          : undefined,
      ].filter((text) => text !== undefined);
      problems.push(
        inputWarning(
          inputs.profiles!.range,
          profile.yearCells.get(lastGiven + 1) ?? profile.cell,
          "Profile shorter than the horizon",
          `profile "${profile.name}" stops at ${yearText(lastGiven, firstFinancialYear)}, before the horizon (year ${horizonYears}): ${carried.join("; ")}`,
        ),
      );
    }
    if (usage.oneOff) {
      const { total, addsToWhole } = oneOffProfileTotal(
        given.map((year) => profile.fractions.get(year)!.fraction),
      );
      if (!addsToWhole) {
        problems.push(
          inputWarning(
            inputs.profiles!.range,
            profile.cell,
            "One-off profile does not add to 100%",
            `profile "${profile.name}" phases one-off lines but its fractions add to ${total.times(100).toDecimalPlaces(6).toString()}%, so ${total.lt(1) ? "part of" : "more than"} their amount falls within the horizon`,
          ),
        );
      }
    }
  }
}

function validateCases(inputs: ContractInputs, lookup: ContractLookup, problems: ContractProblem[]): void {
  const inputCases = inputs.lines!.cases;
  const known = new Set(inputCases.map((name) => name.toLowerCase()));
  for (const name of optimismBiasCaseNames(inputs)) known.add(name.toLowerCase());
  const contingency = inputs.settings.contingency;
  if (contingency) {
    const source = lookup.contingencySourceCase();
    if (source === undefined) {
      problems.push(
        inputError(
          inputRangeNames.settings,
          inputs.settings.cells.get("contingencyCase") ?? contingency.cell,
          "Unknown case",
          `the contingency case "${contingency.caseName ?? ""}" is not a case of ${inputRangeNames.lines} (${inputCases.join(", ")})`,
        ),
      );
    } else {
      known.add(lookup.contingencyCaseName()!.toLowerCase());
    }
  }
  for (const scenario of inputs.scenarios?.scenarios ?? []) {
    const range = inputs.scenarios!.range;
    if (known.has(scenario.name.toLowerCase())) {
      problems.push(
        inputError(
          range,
          scenario.cell,
          "Duplicate case",
          `scenario "${scenario.name}" has the name of another case or scenario`,
        ),
      );
      continue;
    }
    if (!known.has(scenario.caseName.toLowerCase())) {
      problems.push(
        inputError(
          range,
          scenario.caseCell,
          "Unknown case",
          `scenario "${scenario.name}" is based on "${scenario.caseName}", which is not a case above it (${[...known].join(", ")})`,
        ),
      );
    }
    if (scenario.delayYears > inputs.settings.horizonYears) {
      problems.push(
        inputError(
          range,
          scenario.delayCell,
          "Delay beyond the horizon",
          `scenario "${scenario.name}" is delayed ${scenario.delayYears} years, beyond the ${inputs.settings.horizonYears}-year horizon: nothing of the programme would be left`,
        ),
      );
    }
    known.add(scenario.name.toLowerCase());
  }
}

/**
 * Results go only into sheets the product owns: a user sheet with a product sheet's name is never
 * overwritten, and an input range on a product sheet would be wiped by the refresh.
 */
function validateResultSheets(
  inputs: ContractInputs,
  sheets: readonly SheetInfo[],
  problems: ContractProblem[],
): void {
  for (const name of productSheetsFor(inputs)) {
    const clash = sheets.find((sheet) => sameSheetName(sheet.name, name) && !sheet.ownedByProduct);
    if (clash) {
      problems.push(
        inputError(
          clash.name,
          sheetAddress(clash.name, "A1"),
          "Sheet name taken",
          `a sheet named "${clash.name}" exists that this product did not create; results are written to "${name}", so rename or move that sheet (it has not been changed)`,
        ),
      );
    }
  }
  const replaced = sheets.filter(
    (sheet) => sheet.ownedByProduct && refreshedSheetNames.some((name) => sameSheetName(name, sheet.name)),
  );
  for (const location of inputs.locations) {
    const sheet = replaced.find((s) => sameSheetName(s.name, location.sheet));
    if (sheet) {
      problems.push(
        inputError(
          location.range,
          sheetAddress(sheet.name, "A1"),
          "Input on a result sheet",
          `${location.range} is on "${sheet.name}", a result sheet that every refresh replaces; move it to a sheet of your own`,
        ),
      );
    }
  }
}
