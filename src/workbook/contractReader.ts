import { type LineValue, notQuantified, type ShareBasis, type Timing } from "../engine/businessCaseModel";
import { Money } from "../engine/money";
import { checkTotal } from "../engine/reconciliation";
import { offsetAddress } from "./cellAddress";
import {
  cellText,
  describeCell,
  isBlank,
  isNotQuantifiedText,
  readFactorList,
  readList,
  readNumber,
  readWholeNumber,
} from "./cellValueParsing";
import type {
  BaselineInput,
  ContractInputs,
  ContractSettings,
  LineInput,
  LinesInput,
  PartnersInput,
  PoolInput,
  PoolsInput,
  ProfilesInput,
  RiskInput,
  RisksInput,
  ScenariosInput,
} from "./contractInputs";
import { type ContractProblem, inputError, inputWarning } from "./contractProblems";
import {
  baselineColumns,
  inputRangeNames,
  lineCaseColumns,
  lineColumns,
  matchesColumn,
  normaliseHeader,
  partnerColumns,
  poolColumns,
  profileColumns,
  riskColumns,
  scenarioColumns,
  settingColumns,
  settingDefaults,
  settingKeys,
} from "./inputContract";
import { InputTable } from "./inputTable";
import type { CellValue, WorkbookSnapshot } from "./workbookPort";

/** Risks are scored on the usual 5 × 5 scale; the heat map is 5 × 5. */
export const riskScaleMaximum = 5;

export interface ContractReading {
  inputs: ContractInputs;
  /** Problems found inside single ranges: missing columns, unreadable cells, totals that do not foot. */
  problems: ContractProblem[];
}

/**
 * Reads every contract range present in a snapshot. Checks what can be checked inside one range
 * (columns present, cells readable, baseline totals footing); references between ranges are
 * the validator's job. Never throws for bad input: everything wrong becomes a problem.
 *
 * @example
 * const { inputs, problems } = readContract(await port.read(allInputRangeNames));
 */
export function readContract(snapshot: WorkbookSnapshot): ContractReading {
  const problems: ContractProblem[] = [];
  const table = (name: string): InputTable | undefined => {
    const data = snapshot.ranges.get(name.toUpperCase());
    if (data === undefined) return undefined;
    const inputTable = new InputTable(name, data);
    inputTable.reportDuplicateHeaders(problems);
    return inputTable;
  };

  const tables = {
    partners: table(inputRangeNames.partners),
    baseline: table(inputRangeNames.baseline),
    baselineFte: table(inputRangeNames.baselineFte),
    pools: table(inputRangeNames.pools),
    lines: table(inputRangeNames.lines),
    profiles: table(inputRangeNames.profiles),
    settings: table(inputRangeNames.settings),
    scenarios: table(inputRangeNames.scenarios),
    risks: table(inputRangeNames.risks),
  };

  const settings = readSettings(tables.settings, problems);
  const partners = tables.partners && readPartners(tables.partners, problems);
  const codes = new PartnerCodes(partners);
  const inputs: ContractInputs = {
    settings,
    locations: Object.values(tables)
      .filter((t): t is InputTable => t !== undefined)
      .map((t) => ({ range: t.name, sheet: t.data.sheet })),
  };
  if (partners) inputs.partners = partners;
  if (tables.baseline) inputs.baseline = readBaseline(tables.baseline, codes, problems);
  if (tables.baselineFte) inputs.baselineFte = readBaseline(tables.baselineFte, codes, problems);
  if (tables.pools) inputs.pools = readPools(tables.pools, codes, problems);
  if (tables.lines) inputs.lines = readLines(tables.lines, problems);
  if (tables.profiles) inputs.profiles = readProfiles(tables.profiles, settings, problems);
  if (tables.scenarios) inputs.scenarios = readScenarios(tables.scenarios, problems);
  if (tables.risks) inputs.risks = readRisks(tables.risks, problems);
  return { inputs, problems };
}

/** Partner codes match case-insensitively and are reported in the spelling of CBA_Partners. */
export class PartnerCodes {
  private readonly byKey = new Map<string, string>();

  constructor(partners: PartnersInput | undefined) {
    for (const partner of partners?.partners ?? [])
      this.byKey.set(normaliseHeader(partner.code), partner.code);
  }

  get known(): boolean {
    return this.byKey.size > 0;
  }

  resolve(text: string): string | undefined {
    return this.byKey.get(normaliseHeader(text));
  }
}

function readPartners(table: InputTable, problems: ContractProblem[]): PartnersInput {
  const result: PartnersInput = { range: table.name, partners: [] };
  const columns = table.requireColumns({ code: partnerColumns.code }, problems);
  if (!columns) return result;
  const nameColumn = table.findColumn(partnerColumns.name);
  const seen = new Set<string>();
  for (const row of table.rows) {
    const cell = table.address(row.index, columns.code);
    const code = cellText(table.cell(row, columns.code));
    if (code === "") {
      problems.push(inputError(table.name, cell, "Missing partner code", "this partner has no code"));
      continue;
    }
    const key = normaliseHeader(code);
    if (key === "") {
      problems.push(
        inputError(table.name, cell, "Invalid partner code", `"${code}" has no letters or digits`),
      );
      continue;
    }
    if (seen.has(key)) {
      problems.push(
        inputError(table.name, cell, "Duplicate partner code", `partner code "${code}" appears twice`),
      );
      continue;
    }
    seen.add(key);
    const name = cellText(table.cell(row, nameColumn));
    result.partners.push({ code, name: name === "" ? code : name, cell });
  }
  if (result.partners.length === 0 && columns) {
    problems.push(inputError(table.name, table.headerAddress(0), "No partners", "lists no partners"));
  }
  return result;
}

const totalLabel = /^(grand\s+)?total$/i;

/**
 * A baseline: service areas down, one column per partner code across, an optional "Total" column
 * and "Total" row whose cells must equal the sum of their parts. A numeric column whose header
 * is not a partner code is reported as an unknown code (it is most likely a typo or a partner
 * missing from CBA_Partners); a text-only column is an extra column and ignored.
 */
function readBaseline(table: InputTable, codes: PartnerCodes, problems: ContractProblem[]): BaselineInput {
  const result: BaselineInput = { range: table.name, rows: [], partnerColumns: new Map() };
  const columns = table.requireColumns({ serviceArea: baselineColumns.serviceArea }, problems);
  if (!columns) return result;
  const totalColumn = table.findColumn(baselineColumns.total);

  const partnerColumnIndex = new Map<string, number>();
  table.header.forEach((header, index) => {
    if (index === columns.serviceArea || index === totalColumn || header === "") return;
    const code = codes.resolve(header);
    if (code !== undefined) {
      partnerColumnIndex.set(code, index);
      result.partnerColumns.set(code, table.headerAddress(index));
      return;
    }
    const numeric = table.rows.some((row) => typeof table.cell(row, index) === "number");
    if (numeric && codes.known) {
      problems.push(
        inputError(
          table.name,
          table.headerAddress(index),
          "Unknown partner code",
          `column "${header}" holds amounts but "${header}" is not a partner code in ${inputRangeNames.partners}`,
        ),
      );
    }
  });

  const totalRows: { row: (typeof table.rows)[number]; cell: string }[] = [];
  const seenAreas = new Set<string>();
  for (const row of table.rows) {
    const cell = table.address(row.index, columns.serviceArea);
    const serviceArea = cellText(table.cell(row, columns.serviceArea));
    if (totalLabel.test(serviceArea)) {
      totalRows.push({ row, cell });
      continue;
    }
    if (serviceArea === "") {
      problems.push(
        inputError(table.name, cell, "Missing service area", "this row has amounts but no service area"),
      );
      continue;
    }
    const key = serviceArea.toLowerCase();
    if (seenAreas.has(key)) {
      problems.push(inputError(table.name, cell, "Duplicate service area", `"${serviceArea}" appears twice`));
      continue;
    }
    seenAreas.add(key);
    const amounts = new Map<string, Money>();
    for (const [code, index] of partnerColumnIndex) {
      const amount = readBaselineAmount(table, row.index, index, table.cell(row, index), problems);
      if (amount !== undefined) amounts.set(code, amount);
    }
    result.rows.push({ serviceArea, cell, amounts });
    if (totalColumn !== undefined) {
      checkBaselineTotal(
        table,
        table.cell(row, totalColumn),
        table.address(row.index, totalColumn),
        [...amounts.values()],
        `the total of "${serviceArea}"`,
        problems,
      );
    }
  }

  for (const { row, cell } of totalRows) {
    if (totalRows.length > 1) {
      problems.push(
        inputError(table.name, cell, "Several total rows", "the baseline has more than one Total row"),
      );
      continue;
    }
    for (const [code, index] of partnerColumnIndex) {
      checkBaselineTotal(
        table,
        table.cell(row, index),
        table.address(row.index, index),
        result.rows.map((r) => r.amounts.get(code) ?? new Money(0)),
        `the total for ${code}`,
        problems,
      );
    }
    if (totalColumn !== undefined) {
      checkBaselineTotal(
        table,
        table.cell(row, totalColumn),
        table.address(row.index, totalColumn),
        result.rows.flatMap((r) => [...r.amounts.values()]),
        "the grand total",
        problems,
      );
    }
  }
  return result;
}

function readBaselineAmount(
  table: InputTable,
  rowIndex: number,
  columnIndex: number,
  value: CellValue,
  problems: ContractProblem[],
): Money | undefined {
  // A blank baseline cell means the partner spends nothing on that service.
  if (isBlank(value)) return new Money(0);
  const cell = table.address(rowIndex, columnIndex);
  const parsed = readNumber(value);
  if (!parsed.ok) {
    problems.push(inputError(table.name, cell, "Not a number", `the baseline amount ${parsed.reason}`));
    return undefined;
  }
  if (parsed.value.isNegative()) {
    problems.push(
      inputError(
        table.name,
        cell,
        "Negative baseline",
        `a baseline cannot be negative (found ${parsed.value.toString()})`,
      ),
    );
    return undefined;
  }
  return parsed.value;
}

function checkBaselineTotal(
  table: InputTable,
  value: CellValue,
  cell: string,
  parts: Money[],
  what: string,
  problems: ContractProblem[],
): void {
  if (isBlank(value)) return;
  const parsed = readNumber(value);
  if (!parsed.ok) {
    problems.push(inputError(table.name, cell, "Not a number", `${what} ${parsed.reason}`));
    return;
  }
  for (const finding of checkTotal(what, parsed.value, parts)) {
    problems.push(
      inputError(
        table.name,
        cell,
        "Total disagrees",
        `${what} shows ${finding.found.toString()} but its parts sum to ${finding.expected.toString()}`,
      ),
    );
  }
}

const basisByText: Record<string, ShareBasis> = {
  baseline: "baseline",
  fte: "fte",
  equal: "equal",
  manual: "manual",
};

function readPools(table: InputTable, codes: PartnerCodes, problems: ContractProblem[]): PoolsInput {
  const result: PoolsInput = { range: table.name, pools: [] };
  const columns = table.requireColumns(
    { pool: poolColumns.pool, basis: poolColumns.basis, partners: poolColumns.partners },
    problems,
  );
  if (!columns) return result;
  const areasColumn = table.findColumn(poolColumns.serviceAreas);
  const decimalsColumn = table.findColumn(poolColumns.shareDecimals);
  const weightColumns = new Map<string, number>();
  table.header.forEach((header, index) => {
    const code = header === "" ? undefined : codes.resolve(header);
    if (code !== undefined) weightColumns.set(code, index);
  });

  const seen = new Set<string>();
  for (const row of table.rows) {
    const cell = table.address(row.index, columns.pool);
    const name = cellText(table.cell(row, columns.pool));
    if (name === "") {
      problems.push(inputError(table.name, cell, "Missing pool name", "this pool has no name"));
      continue;
    }
    if (seen.has(name.toLowerCase())) {
      problems.push(inputError(table.name, cell, "Duplicate pool", `pool "${name}" appears twice`));
      continue;
    }
    seen.add(name.toLowerCase());

    const basisCell = table.address(row.index, columns.basis);
    const basisText = normaliseHeader(cellText(table.cell(row, columns.basis)));
    const basis = basisByText[basisText];
    if (basis === undefined) {
      problems.push(
        inputError(
          table.name,
          basisCell,
          "Unknown basis",
          `pool "${name}" has basis ${describeCell(table.cell(row, columns.basis))}; use Baseline, FTE, Equal or Manual`,
        ),
      );
    }

    const serviceAreasCell =
      areasColumn === undefined ? table.headerAddress(0) : table.address(row.index, areasColumn);
    const serviceAreas = readList(table.cell(row, areasColumn));
    if ((basis === "baseline" || basis === "fte") && serviceAreas !== "all" && serviceAreas.length === 0) {
      problems.push(
        inputError(
          table.name,
          serviceAreasCell,
          "Missing service areas",
          areasColumn === undefined
            ? `pool "${name}" is shared by ${basis === "fte" ? "FTE" : "baseline"} but ${table.name} has no "Service areas" column`
            : `pool "${name}" is shared by ${basis === "fte" ? "FTE" : "baseline"}: list its service areas or enter *`,
        ),
      );
    }

    const partnersCell = table.address(row.index, columns.partners);
    const partners = readList(table.cell(row, columns.partners));
    if (partners !== "all" && partners.length === 0) {
      problems.push(
        inputError(
          table.name,
          partnersCell,
          "Missing partners",
          `pool "${name}" lists no partners: enter codes or *`,
        ),
      );
    }

    const pool: PoolInput = {
      name,
      cell,
      basis: basis ?? "baseline",
      basisCell,
      serviceAreas,
      serviceAreasCell,
      partners,
      partnersCell,
      manualWeights: new Map(),
      manualWeightCells: new Map(),
    };
    const decimalsValue = table.cell(row, decimalsColumn);
    if (decimalsColumn !== undefined && !isBlank(decimalsValue)) {
      const decimals = readWholeNumber(decimalsValue, 0, 10);
      if (decimals.ok) pool.shareDecimals = decimals.value;
      else {
        problems.push(
          inputError(
            table.name,
            table.address(row.index, decimalsColumn),
            "Invalid share decimals",
            `share decimals ${decimals.reason}`,
          ),
        );
      }
    }
    for (const [code, index] of weightColumns) {
      const weightCell = table.address(row.index, index);
      pool.manualWeightCells.set(code, weightCell);
      const value = table.cell(row, index);
      if (isBlank(value)) continue;
      const weight = readNumber(value);
      if (!weight.ok) {
        problems.push(
          inputError(
            table.name,
            weightCell,
            "Not a number",
            `the manual weight for ${code} ${weight.reason}`,
          ),
        );
      } else if (weight.value.isNegative()) {
        problems.push(
          inputError(table.name, weightCell, "Negative weight", `the manual weight for ${code} is negative`),
        );
      } else {
        pool.manualWeights.set(code, { weight: weight.value, cell: weightCell });
      }
    }
    result.pools.push(pool);
  }
  return result;
}

function readTiming(value: CellValue): Timing | undefined {
  const text = cellText(value)
    .toLowerCase()
    .replace(/[\s_-]+/g, "");
  if (text === "oneoff") return "oneOff";
  if (text === "recurring" || text === "annual") return "recurring";
  return undefined;
}

function readLines(table: InputTable, problems: ContractProblem[]): LinesInput {
  const result: LinesInput = { range: table.name, cases: [], lines: [] };
  const columns = table.requireColumns(
    {
      line: lineColumns.line,
      timing: lineColumns.timing,
      allocation: lineColumns.allocation,
      best: lineCaseColumns[0],
      worst: lineCaseColumns[2],
    },
    problems,
  );
  if (!columns) return result;
  const profileColumn = table.findColumn(lineColumns.profile);
  const caseColumns = lineCaseColumns
    .map((caseColumn) => ({ name: caseColumn.key, index: table.findColumn(caseColumn) }))
    .filter((c): c is { name: string; index: number } => c.index !== undefined)
    // The optional Base case counts only when some line carries it.
    .filter((c) => c.name !== "Base" || table.rows.some((row) => !isBlank(table.cell(row, c.index))))
    .sort((a, b) => a.index - b.index);
  result.cases = caseColumns.map((c) => c.name);

  for (const row of table.rows) {
    const cell = table.address(row.index, columns.line);
    const label = cellText(table.cell(row, columns.line));
    if (label === "") {
      problems.push(inputError(table.name, cell, "Missing line label", "this line has amounts but no label"));
      continue;
    }
    const timingCell = table.address(row.index, columns.timing);
    const timing = readTiming(table.cell(row, columns.timing));
    if (timing === undefined) {
      problems.push(
        inputError(
          table.name,
          timingCell,
          "Unknown timing",
          `line "${label}" has timing ${describeCell(table.cell(row, columns.timing))}; use One-off or Recurring`,
        ),
      );
    }
    const allocationCell = table.address(row.index, columns.allocation);
    const allocation = cellText(table.cell(row, columns.allocation));
    if (allocation === "") {
      problems.push(
        inputError(
          table.name,
          allocationCell,
          "Missing allocation",
          `line "${label}" names no pool or partner code`,
        ),
      );
    }
    const values = new Map<string, { value: LineValue; cell: string }>();
    for (const { name, index } of caseColumns) {
      const valueCell = table.address(row.index, index);
      const raw = table.cell(row, index);
      if (isNotQuantifiedText(raw)) {
        values.set(name, { value: notQuantified, cell: valueCell });
        continue;
      }
      if (isBlank(raw)) {
        problems.push(
          inputError(
            table.name,
            valueCell,
            "Missing amount",
            `line "${label}" has no ${name} amount: enter an amount, 0 or N/A`,
          ),
        );
        continue;
      }
      const parsed = readNumber(raw);
      if (!parsed.ok) {
        problems.push(
          inputError(
            table.name,
            valueCell,
            "Not a number",
            `the ${name} amount of line "${label}" ${parsed.reason}`,
          ),
        );
        continue;
      }
      values.set(name, { value: parsed.value, cell: valueCell });
    }
    const line: LineInput = {
      label,
      cell,
      timing: timing ?? "oneOff",
      allocation,
      allocationCell,
      values,
    };
    const profile = cellText(table.cell(row, profileColumn));
    if (profileColumn !== undefined && profile !== "") {
      line.profile = profile;
      line.profileCell = table.address(row.index, profileColumn);
    }
    result.lines.push(line);
  }
  return result;
}

/**
 * A profile year column's index from its header: 0, "Year 3", "Y3", or a financial year such as
 * "2014/15" or 2014 (counted from the first financial year). Undefined for other headers, which
 * are extra columns.
 */
function yearIndexOf(
  header: string,
  firstFinancialYear: number | undefined,
): number | "needsFirstYear" | undefined {
  const text = header.trim();
  const counted = /^(?:year|yr|y)?\s*(\d{1,3})$/i.exec(text);
  if (counted && Number(counted[1]) <= 200) return Number(counted[1]);
  const financial = /^(\d{4})(?:\s*[/-]\s*\d{2,4})?$/.exec(text);
  if (financial) {
    if (firstFinancialYear === undefined) return "needsFirstYear";
    const index = Number(financial[1]) - firstFinancialYear;
    return index >= 0 ? index : undefined;
  }
  return undefined;
}

function readProfiles(
  table: InputTable,
  settings: ContractSettings,
  problems: ContractProblem[],
): ProfilesInput {
  const result: ProfilesInput = { range: table.name, years: [], profiles: [] };
  const columns = table.requireColumns({ profile: profileColumns.profile }, problems);
  if (!columns) return result;
  const yearColumns = new Map<number, number>();
  table.header.forEach((header, index) => {
    if (index === columns.profile || header === "") return;
    const year = yearIndexOf(header, settings.firstFinancialYear);
    if (year === "needsFirstYear") {
      problems.push(
        inputError(
          table.name,
          table.headerAddress(index),
          "Year needs first financial year",
          `column "${header}" is a financial year, so ${inputRangeNames.settings} needs a "First financial year"`,
        ),
      );
      return;
    }
    if (year === undefined) return;
    if (yearColumns.has(year)) {
      problems.push(
        inputError(table.name, table.headerAddress(index), "Duplicate year", `year ${year} has two columns`),
      );
      return;
    }
    yearColumns.set(year, index);
  });
  result.years = [...yearColumns.keys()].sort((a, b) => a - b);

  const seen = new Set<string>();
  for (const row of table.rows) {
    const cell = table.address(row.index, columns.profile);
    const name = cellText(table.cell(row, columns.profile));
    if (name === "") {
      problems.push(inputError(table.name, cell, "Missing profile name", "this profile has no name"));
      continue;
    }
    if (seen.has(name.toLowerCase())) {
      problems.push(inputError(table.name, cell, "Duplicate profile", `profile "${name}" appears twice`));
      continue;
    }
    seen.add(name.toLowerCase());
    const profile = {
      name,
      cell,
      fractions: new Map(),
      yearCells: new Map(),
    } as ProfilesInput["profiles"][number];
    for (const [year, index] of yearColumns) {
      const yearCell = table.address(row.index, index);
      profile.yearCells.set(year, yearCell);
      const value = table.cell(row, index);
      if (isBlank(value)) continue;
      const parsed = readNumber(value);
      if (!parsed.ok) {
        problems.push(
          inputError(table.name, yearCell, "Not a number", `profile "${name}" year ${year} ${parsed.reason}`),
        );
      } else if (parsed.value.isNegative()) {
        problems.push(
          inputError(
            table.name,
            yearCell,
            "Negative fraction",
            `profile "${name}" year ${year} is negative; fractions run from 0 up`,
          ),
        );
      } else {
        profile.fractions.set(year, { fraction: parsed.value, cell: yearCell });
      }
    }
    result.profiles.push(profile);
  }
  return result;
}

function defaultSettings(): ContractSettings {
  return {
    discountRate: { kind: "single", rate: new Money(settingDefaults.discountRate) },
    horizonYears: settingDefaults.horizonYears,
    unitLabel: settingDefaults.unitLabel,
    roundingUnit: new Money(settingDefaults.roundingUnit),
    riskBands: {
      thresholds: [...settingDefaults.riskBandThresholds],
      labels: [...settingDefaults.riskBandLabels],
    },
    used: [],
    cells: new Map(),
  };
}

/**
 * Settings: one row per setting, value beside it. Missing settings take documented defaults, and
 * the CBA Checks sheet lists every value in force with where it came from.
 */
function readSettings(table: InputTable | undefined, problems: ContractProblem[]): ContractSettings {
  const settings = defaultSettings();
  const given = new Map<string, { value: CellValue; cell: string; label: string }>();
  if (table) {
    const columns = table.requireColumns(
      { setting: settingColumns.setting, value: settingColumns.value },
      problems,
    );
    for (const row of columns ? table.rows : []) {
      const labelCell = table.address(row.index, columns!.setting);
      const label = cellText(table.cell(row, columns!.setting));
      if (label === "") continue;
      const key = Object.entries(settingKeys).find(([, contractColumn]) =>
        matchesColumn(label, contractColumn),
      )?.[0];
      if (key === undefined) {
        problems.push(
          inputWarning(
            table.name,
            labelCell,
            "Unknown setting",
            `"${label}" is not a setting this product uses; it is ignored`,
          ),
        );
        continue;
      }
      if (given.has(key)) {
        problems.push(inputError(table.name, labelCell, "Duplicate setting", `"${label}" is given twice`));
        continue;
      }
      given.set(key, {
        value: table.cell(row, columns!.value),
        cell: table.address(row.index, columns!.value),
        label,
      });
    }
  }
  const range = inputRangeNames.settings;
  const report = (cell: string, check: string, message: string) =>
    problems.push(inputError(range, cell, check, message));
  const applySetting = (
    key: string,
    label: string,
    fallback: string | undefined,
    read: (value: CellValue, cell: string) => string | undefined,
  ) => {
    const entry = given.get(key);
    if (entry === undefined || isBlank(entry.value)) {
      if (fallback !== undefined) settings.used.push({ setting: label, value: fallback, source: "default" });
      return;
    }
    settings.cells.set(key, entry.cell);
    const shown = read(entry.value, entry.cell);
    if (shown !== undefined)
      settings.used.push({ setting: label, value: shown, source: "workbook", cell: entry.cell });
  };

  applySetting("discountRate", "Discount rate", "3.5% (Green Book standard rate)", (value, cell) => {
    if (typeof value === "string" && /^green\s*book/i.test(value.trim())) {
      settings.discountRate = { kind: "greenBook" };
      return "Green Book schedule (3.5% to year 30, 3.0% to 75, 2.5% to 125)";
    }
    const parsed = readNumber(value);
    if (!parsed.ok) return void report(cell, "Not a number", `the discount rate ${parsed.reason}`);
    if (parsed.value.lt(0) || parsed.value.gte(1)) {
      return void report(
        cell,
        "Rate out of range",
        `the discount rate ${parsed.value.toString()} is not a fraction from 0 to 1: enter 3.5% as 0.035 or "3.5%"`,
      );
    }
    settings.discountRate = { kind: "single", rate: parsed.value };
    return `${parsed.value.times(100).toString()}%`;
  });
  applySetting("horizonYears", "Horizon (years)", String(settingDefaults.horizonYears), (value, cell) => {
    const parsed = readWholeNumber(value, 1, 125);
    if (!parsed.ok) return void report(cell, "Invalid horizon", `the horizon ${parsed.reason}`);
    settings.horizonYears = parsed.value;
    return String(parsed.value);
  });
  applySetting("firstFinancialYear", "First financial year", undefined, (value, cell) => {
    const text = cellText(value);
    const financial = /^(\d{4})\s*[/-]\s*\d{2,4}$/.exec(text);
    const parsed = financial
      ? readWholeNumber(Number(financial[1]), 1900, 2300)
      : readWholeNumber(value, 1900, 2300);
    if (!parsed.ok) return void report(cell, "Invalid year", `the first financial year ${parsed.reason}`);
    settings.firstFinancialYear = parsed.value;
    return `${parsed.value}/${String((parsed.value + 1) % 100).padStart(2, "0")}`;
  });
  applySetting("unitLabel", "Unit label", settingDefaults.unitLabel, (value) => {
    settings.unitLabel = cellText(value);
    return settings.unitLabel;
  });
  applySetting("roundingUnit", "Rounding unit", settingDefaults.roundingUnit, (value, cell) => {
    const parsed = readNumber(value);
    if (!parsed.ok) return void report(cell, "Not a number", `the rounding unit ${parsed.reason}`);
    if (!parsed.value.isPositive() || parsed.value.isZero()) {
      return void report(cell, "Invalid rounding unit", "the rounding unit must be greater than zero");
    }
    settings.roundingUnit = parsed.value;
    return parsed.value.toString();
  });
  applySetting(
    "riskBandThresholds",
    "Risk band thresholds",
    settingDefaults.riskBandThresholds.join(", "),
    (value, cell) => {
      const items = typeof value === "number" ? [String(value)] : readList(value);
      const numbers = items === "all" ? [] : items.map((item) => Number(item));
      if (numbers.length === 0 || numbers.some((n) => !Number.isFinite(n))) {
        return void report(
          cell,
          "Invalid thresholds",
          `risk band thresholds must be numbers such as "10, 15" (found ${describeCell(value)})`,
        );
      }
      if (numbers.some((n, i) => i > 0 && n <= numbers[i - 1]!)) {
        return void report(cell, "Invalid thresholds", "risk band thresholds must rise from left to right");
      }
      settings.riskBands = { ...settings.riskBands, thresholds: numbers };
      return numbers.join(", ");
    },
  );
  applySetting(
    "riskBandLabels",
    "Risk band labels",
    settingDefaults.riskBandLabels.join(", "),
    (value, cell) => {
      const labels = readList(value);
      if (labels === "all" || labels.length === 0) {
        return void report(
          cell,
          "Invalid band labels",
          `risk band labels must be a list such as "Low, Medium, High"`,
        );
      }
      if (new Set(labels.map((l) => l.toLowerCase())).size !== labels.length) {
        return void report(cell, "Invalid band labels", "each risk band label must be different");
      }
      settings.riskBands = { ...settings.riskBands, labels };
      return labels.join(", ");
    },
  );
  if (settings.riskBands.labels.length !== settings.riskBands.thresholds.length + 1) {
    const cell = settings.cells.get("riskBandLabels") ?? settings.cells.get("riskBandThresholds");
    report(
      cell ?? range,
      "Band labels and thresholds disagree",
      `${settings.riskBands.thresholds.length} thresholds need ${settings.riskBands.thresholds.length + 1} labels (found ${settings.riskBands.labels.length})`,
    );
  }

  let onCosts: Money | undefined;
  let onSavings: Money | undefined;
  const readContingency = (what: string) => (value: CellValue, cell: string) => {
    const parsed = readNumber(value);
    if (!parsed.ok) return void report(cell, "Not a number", `the contingency on ${what} ${parsed.reason}`);
    if (parsed.value.lt(0) || parsed.value.gt(1)) {
      return void report(
        cell,
        "Contingency out of range",
        `the contingency on ${what} must be from 0% to 100%: enter 25% as 0.25 or "25%"`,
      );
    }
    if (what === "costs") onCosts = parsed.value;
    else onSavings = parsed.value;
    return `${parsed.value.times(100).toString()}%`;
  };
  applySetting("contingencyOnCosts", "Contingency on costs", undefined, readContingency("costs"));
  applySetting("contingencyOnSavings", "Contingency on savings", undefined, readContingency("savings"));
  let contingencyCase: string | undefined;
  applySetting(
    "contingencyCase",
    "Contingency case",
    undefined,
    (value) => (contingencyCase = cellText(value)),
  );
  if (onCosts !== undefined || onSavings !== undefined) {
    const cell = settings.cells.get("contingencyOnCosts") ?? settings.cells.get("contingencyOnSavings")!;
    settings.contingency = { onCosts: onCosts ?? new Money(0), onSavings: onSavings ?? new Money(0), cell };
    if (contingencyCase !== undefined) settings.contingency.caseName = contingencyCase;
  }
  applySetting("seed", "Seed", undefined, (value, cell) => {
    const parsed = readWholeNumber(value, 0, 4294967295);
    if (!parsed.ok) return void report(cell, "Invalid seed", `the seed ${parsed.reason}`);
    settings.seed = parsed.value;
    return String(parsed.value);
  });
  applySetting("achievabilityFactors", "Achievability factors", undefined, (value, cell) => {
    const parsed = readWholeNumber(value, 1, 100);
    if (!parsed.ok)
      return void report(
        cell,
        "Invalid factor count",
        `the number of achievability factors ${parsed.reason}`,
      );
    settings.achievabilityFactors = parsed.value;
    return String(parsed.value);
  });
  return settings;
}

function readScenarios(table: InputTable, problems: ContractProblem[]): ScenariosInput {
  const result: ScenariosInput = { range: table.name, scenarios: [] };
  const columns = table.requireColumns(
    { scenario: scenarioColumns.scenario, case: scenarioColumns.case },
    problems,
  );
  if (!columns) return result;
  const costColumn = table.findColumn(scenarioColumns.costFactor);
  const savingColumn = table.findColumn(scenarioColumns.savingFactor);
  const delayColumn = table.findColumn(scenarioColumns.delay);
  for (const row of table.rows) {
    const cell = table.address(row.index, columns.scenario);
    const name = cellText(table.cell(row, columns.scenario));
    if (name === "") {
      problems.push(inputError(table.name, cell, "Missing scenario name", "this scenario has no name"));
      continue;
    }
    const factor = (index: number | undefined, what: string): Money | undefined => {
      const value = table.cell(row, index);
      if (index === undefined || isBlank(value)) return new Money(1);
      const parsed = readNumber(value);
      const factorCell = table.address(row.index, index);
      if (!parsed.ok) {
        problems.push(
          inputError(
            table.name,
            factorCell,
            "Not a number",
            `the ${what} of scenario "${name}" ${parsed.reason}`,
          ),
        );
        return undefined;
      }
      if (parsed.value.isNegative()) {
        problems.push(
          inputError(
            table.name,
            factorCell,
            "Negative factor",
            `the ${what} of scenario "${name}" is negative`,
          ),
        );
        return undefined;
      }
      return parsed.value;
    };
    const costFactor = factor(costColumn, "cost factor");
    const savingFactor = factor(savingColumn, "saving factor");
    let delayYears = 0;
    const delayCell = delayColumn === undefined ? cell : table.address(row.index, delayColumn);
    const delayValue = table.cell(row, delayColumn);
    if (!isBlank(delayValue)) {
      const delay = readWholeNumber(delayValue, 0, 50);
      if (delay.ok) delayYears = delay.value;
      else
        problems.push(
          inputError(
            table.name,
            delayCell,
            "Invalid delay",
            `the delay of scenario "${name}" ${delay.reason}`,
          ),
        );
    }
    if (costFactor === undefined || savingFactor === undefined) continue;
    result.scenarios.push({
      name,
      cell,
      caseName: cellText(table.cell(row, columns.case)),
      caseCell: table.address(row.index, columns.case),
      costFactor,
      savingFactor,
      delayYears,
      delayCell,
    });
  }
  return result;
}

function readRisks(table: InputTable, problems: ContractProblem[]): RisksInput {
  const result: RisksInput = { range: table.name, risks: [] };
  const columns = table.requireColumns(
    { likelihood: riskColumns.likelihood, impact: riskColumns.impact },
    problems,
  );
  const idColumn = table.findColumn(riskColumns.id);
  const riskColumn = table.findColumn(riskColumns.risk);
  if (idColumn === undefined && riskColumn === undefined) {
    problems.push(
      inputError(
        table.name,
        table.headerAddress(0),
        "Missing column",
        'has neither an "ID" nor a "Risk" column to name its risks',
      ),
    );
    return result;
  }
  if (!columns) return result;
  const categoryColumn = table.findColumn(riskColumns.category);
  const factorsColumn = table.findColumn(riskColumns.factors);
  const scoreColumn = table.findColumn(riskColumns.score);
  const bandColumn = table.findColumn(riskColumns.band);
  for (const [column, what] of [
    [scoreColumn, "Score"],
    [bandColumn, "Band"],
  ] as const) {
    if (column === undefined) {
      problems.push(
        inputWarning(
          table.name,
          table.headerAddress(0),
          "No column to write back",
          `has no "${what}" column, so risk ${what.toLowerCase()}s appear only on the CBA Risks sheet`,
        ),
      );
    }
  }
  const keys = new Set<string>();
  for (const row of table.rows) {
    const id = cellText(table.cell(row, idColumn));
    const riskText = cellText(table.cell(row, riskColumn));
    const cell = table.address(row.index, idColumn ?? riskColumn!);
    const key =
      id !== ""
        ? id
        : riskText !== ""
          ? riskText
          : `row ${offsetAddress(table.data.topLeft, row.index, 0).replace(/^[A-Z]+/, "")}`;
    if (keys.has(key)) {
      problems.push(
        inputError(
          table.name,
          cell,
          "Duplicate risk",
          `risk "${key}" appears twice; give each risk its own ID`,
        ),
      );
      continue;
    }
    keys.add(key);
    const rating = (column: number, what: string): number | undefined => {
      const ratingCell = table.address(row.index, column);
      const parsed = readWholeNumber(table.cell(row, column), 1, riskScaleMaximum);
      if (parsed.ok) return parsed.value;
      problems.push(
        inputError(
          table.name,
          ratingCell,
          "Off the scale",
          `the ${what} of risk "${key}" must be a whole number from 1 to ${riskScaleMaximum} (found ${describeCell(table.cell(row, column))})`,
        ),
      );
      return undefined;
    };
    const likelihood = rating(columns.likelihood, "likelihood");
    const impact = rating(columns.impact, "impact");
    const factors = readFactorList(table.cell(row, factorsColumn));
    if (!factors.ok) {
      problems.push(
        inputError(
          table.name,
          table.address(row.index, factorsColumn!),
          "Unreadable factors",
          `the factors of risk "${key}": ${factors.reason}`,
        ),
      );
    }
    if (likelihood === undefined || impact === undefined || !factors.ok) continue;
    const risk: RiskInput = {
      key,
      id,
      category: cellText(table.cell(row, categoryColumn)),
      risk: riskText,
      likelihood,
      impact,
      factors: factors.value,
      cell,
    };
    const target = (column: number | undefined) =>
      column === undefined
        ? undefined
        : {
            sheet: table.data.sheet,
            address: offsetAddress(table.data.topLeft, row.index, column),
            previous: table.cell(row, column),
          };
    const scoreTarget = target(scoreColumn);
    const bandTarget = target(bandColumn);
    if (scoreTarget) risk.scoreTarget = scoreTarget;
    if (bandTarget) risk.bandTarget = bandTarget;
    result.risks.push(risk);
  }
  return result;
}
