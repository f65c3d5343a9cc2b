import { isBlank } from "../cellValueParsing";
import type { ContractSettings, ProfilesInput } from "../contractInputs";
import { type ContractProblem, inputError } from "../contractProblems";
import { column } from "../contractColumns";
import type { InputTable } from "../inputTable";
import type { ReadInputRangeDefinition } from "./inputRangeDefinition";
import { readNonNegativeNumber } from "./nonNegativeNumber";
import { readRowName } from "./rowNames";
import { settingDefaults, settingsRange } from "./settingsRange";

export const profileColumns = {
  profile: column("profile", "Profile", "Profile name"),
};

const templateYears = Array.from({ length: settingDefaults.horizonYears + 1 }, (_, year) => `Year ${year}`);

export const profilesRange: ReadInputRangeDefinition<"profiles"> = {
  name: "CBA_Profiles",
  key: "profiles",
  purpose: "Phasing: the share of each line falling in each year",
  contents: "Profile, then one column per year (fraction of the line's amount in that year)",
  instruction:
    "Optional phasing: the fraction of a line's amount in each year (a recurring line runs on at its last rate).",
  columns: profileColumns,
  template: { sheet: "Profiles", header: ["Profile", ...templateYears], otherColumnsKind: "fraction" },
  read: (table, { settings, problems }) => readProfiles(table, settings, problems),
};

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

/**
 * CBA_Profiles: one row per named profile, one column per year holding the fraction of a line's
 * amount that falls in that year. Financial-year headers need the first financial year setting.
 */
export function readProfiles(
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
          `column "${header}" is a financial year, so ${settingsRange.name} needs a "First financial year"`,
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
    const named = readRowName(table, row, columns.profile, "profile", problems, seen);
    if (named === undefined) continue;
    const { name, cell } = named;
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
      const fraction = readNonNegativeNumber(
        table,
        yearCell,
        value,
        {
          what: `profile "${name}" year ${year}`,
          negativeCheck: "Negative fraction",
          negativeMessage: () => `profile "${name}" year ${year} is negative; fractions run from 0 up`,
        },
        problems,
      );
      if (fraction !== undefined) profile.fractions.set(year, { fraction, cell: yearCell });
    }
    result.profiles.push(profile);
  }
  return result;
}
