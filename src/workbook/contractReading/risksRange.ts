import { offsetAddress } from "../cellAddress";
import { cellText, describeCell, readFactorList, readWholeNumber } from "../cellValueParsing";
import type { RiskInput, RisksInput } from "../contractInputs";
import { type ContractProblem, inputError, inputWarning } from "../contractProblems";
import { column, numberColumn } from "../contractColumns";
import type { InputTable } from "../inputTable";
import type { ReadInputRangeDefinition } from "./inputRangeDefinition";

export const riskColumns = {
  id: column("id", "ID", "Ref", "Reference"),
  category: column("category", "Category"),
  risk: column("risk", "Risk", "Description"),
  likelihood: numberColumn("whole number", "likelihood", "Likelihood", "L"),
  impact: numberColumn("whole number", "impact", "Impact", "I"),
  factors: column("factors", "Factors", "Achievability factors"),
  owner: column("owner", "Owner"),
  mitigation: column("mitigation", "Mitigation"),
  score: numberColumn("whole number", "score", "Score"),
  band: column("band", "Band"),
};

export const risksRange: ReadInputRangeDefinition<"risks"> = {
  name: "CBA_Risks",
  key: "risks",
  purpose: "Risk register: likelihood and impact of each risk",
  contents: "ID, Category, Risk, Likelihood, Impact, Factors, Owner, Mitigation, Score, Band",
  instruction:
    "Likelihood and impact from 1 to 5; Score and Band are filled in by the add-in on each refresh.",
  columns: riskColumns,
  template: { sheet: "Risks" },
  read: (table, { problems }) => readRisks(table, problems),
};

/** Risks are scored on the usual 5 × 5 scale; the heat map is 5 × 5. */
export const riskScaleMaximum = 5;

/**
 * CBA_Risks: one row per risk, named by its ID or its description, with likelihood and impact on
 * the 5-point scale and the achievability factors it affects. Score and Band columns, when
 * present, are where the refresh writes each risk's score and band back.
 */
export function readRisks(table: InputTable, problems: ContractProblem[]): RisksInput {
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
      ratingCells: {
        sheet: table.data.sheet,
        likelihood: offsetAddress(table.data.topLeft, row.index, columns.likelihood),
        impact: offsetAddress(table.data.topLeft, row.index, columns.impact),
      },
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
