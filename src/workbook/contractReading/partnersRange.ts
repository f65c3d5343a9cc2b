import { cellText } from "../cellValueParsing";
import type { PartnersInput } from "../contractInputs";
import { type ContractProblem, inputError } from "../contractProblems";
import { column, normaliseHeader } from "../contractColumns";
import type { InputTable } from "../inputTable";
import type { ReadInputRangeDefinition } from "./inputRangeDefinition";

export const partnerColumns = {
  code: column("code", "Code", "Partner code", "Partner"),
  name: column("name", "Name", "Partner name"),
};

export const partnersRange: ReadInputRangeDefinition<"partners"> = {
  name: "CBA_Partners",
  key: "partners",
  purpose: "Partner bodies: code and name",
  contents: "Code, Name",
  instruction: "One row per partner body: a short code (e.g. HCC) used everywhere else, and its full name.",
  alwaysRequired: true,
  columns: partnerColumns,
  template: { sheet: "Partners" },
  read: (table, { problems }) => readPartners(table, problems),
};

/**
 * CBA_Partners: one row per partner, a code every other range refers to and an optional name.
 * Codes must have letters or digits and must not repeat (compared as headers are compared).
 */
export function readPartners(table: InputTable, problems: ContractProblem[]): PartnersInput {
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
  if (result.partners.length === 0) {
    problems.push(inputError(table.name, table.headerAddress(0), "No partners", "lists no partners"));
  }
  return result;
}
