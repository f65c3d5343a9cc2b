import { cellText } from "../cellValueParsing";
import type { PartnersInput } from "../contractInputs";
import { type ContractProblem, inputError } from "../contractProblems";
import { normaliseHeader, partnerColumns } from "../inputContract";
import type { InputTable } from "../inputTable";

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
