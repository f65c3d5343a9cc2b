import { cellText, readList } from "../cellValueParsing";
import { type ContractProblem, inputError } from "../contractProblems";
import { linesRange } from "./linesRange";
import { settingsRange } from "./settingsRange";
import type { CellValue } from "../workbookPort";

/**
 * The Cases setting: a comma- (or semicolon-) separated list of case names that name the value
 * columns of CBA_Lines, e.g. "Low, Central, High". Names compare case-insensitively, so a
 * duplicate is one that differs only in capitals. Undefined (with a problem) when unusable.
 *
 * @example
 * readCaseNames("Low, Central, High", "Settings!B9", problems); // ["Low", "Central", "High"]
 */
export function readCaseNames(
  value: CellValue,
  cell: string,
  problems: ContractProblem[],
): string[] | undefined {
  const range = settingsRange.name;
  const items = typeof value === "number" ? [String(value)] : readList(value);
  if (items === "all" || items.length === 0) {
    problems.push(
      inputError(
        range,
        cell,
        "Invalid case names",
        `the Cases setting must list case names such as "Low, Central, High" (found "${cellText(value)}")`,
      ),
    );
    return undefined;
  }
  const seen = new Set<string>();
  const duplicates: string[] = [];
  for (const name of items) {
    const key = name.toLowerCase();
    if (seen.has(key) && !duplicates.some((d) => d.toLowerCase() === key)) duplicates.push(name);
    seen.add(key);
  }
  if (duplicates.length > 0) {
    problems.push(
      inputError(
        range,
        cell,
        "Duplicate case",
        `the Cases setting names ${duplicates.map((d) => `"${d}"`).join(", ")} more than once; each case needs its own column in ${linesRange.name}`,
      ),
    );
    return undefined;
  }
  const contingencyLike = items.find((name) => /\+\s*contingency$/i.test(name));
  if (contingencyLike !== undefined) {
    problems.push(
      inputError(
        range,
        cell,
        "Reserved case name",
        `the case name "${contingencyLike}" ends in "+ contingency", which names the contingency case the product derives; rename it`,
      ),
    );
    return undefined;
  }
  return items;
}
