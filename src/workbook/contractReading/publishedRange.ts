import { cellText, describeCell, isBlank, readNumber } from "../cellValueParsing";
import type { PublishedFigureInput, PublishedInput, PublishedMeasure } from "../contractInputs";
import { type ContractProblem, inputError } from "../contractProblems";
import { column, numberColumn } from "../contractColumns";
import type { InputTable } from "../inputTable";
import type { ReadInputRangeDefinition } from "./inputRangeDefinition";

/** CBA_Published: figures a document prints, each with the calculation it claims to summarise. */
export const publishedColumns = {
  figure: column("figure", "Figure", "Published figure", "Description"),
  summarises: column("summarises", "What it summarises", "Summarises", "Measure"),
  case: column("case", "Case"),
  partner: column("partner", "Partner", "Partner code"),
  value: numberColumn("amount", "value", "Published value", "Value", "Published"),
  printedTo: column("printedTo", "Printed to", "Rounding", "Precision"),
};

export const publishedRange: ReadInputRangeDefinition<"published"> = {
  name: "CBA_Published",
  key: "published",
  purpose: "Published figures: what the document prints, checked against what the product computes",
  contents:
    "Optional: Figure, What it summarises (Set-up, Annual saving, Net ROI, Benefit multiple, BCR, Payback, Final payback, Discounted payback, NPV, Years to recover, or `Line: <label>`), Case (blank = the only case), Partner (blank = programme), Published value, Printed to (the rounding of the print: 1, 0.1, 1000, 0.1%)",
  instruction:
    "Optional: figures the document prints (e.g. Annual saving 4,000 printed to 1,000; Net ROI 75.3% printed to 0.1%), checked on CBA Checks.",
  columns: publishedColumns,
  template: { sheet: "Published" },
  read: (table, { problems }) => readPublished(table, problems),
};

const measureNames: Record<string, Exclude<PublishedMeasure["kind"], "line">> = {
  "set up": "setUp",
  setup: "setUp",
  "set up cost": "setUp",
  "set up costs": "setUp",
  "one off costs": "setUp",
  "annual saving": "annualSaving",
  "annual savings": "annualSaving",
  "recurring saving": "annualSaving",
  "recurring savings": "annualSaving",
  "net roi": "netReturnOnInvestment",
  "net return on investment": "netReturnOnInvestment",
  "benefit multiple": "benefitMultiple",
  bcr: "benefitCostRatio",
  "benefit cost ratio": "benefitCostRatio",
  payback: "payback",
  "first payback": "payback",
  "final payback": "finalPayback",
  "discounted payback": "discountedPayback",
  npv: "netPresentValue",
  "net present value": "netPresentValue",
  "years to recover": "yearsToRecover",
};

/** "ROI" and "return on investment" mean three things in these documents; the reader asks which. */
const ambiguousNames = new Set(["roi", "return on investment"]);

function readMeasure(text: string): PublishedMeasure | "ambiguous" | undefined {
  const line = /^line(?:\s+total)?\s*[:\-–]\s*(.+)$/i.exec(text);
  if (line) return { kind: "line", label: line[1]!.trim() };
  const key = text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, " ")
    .trim();
  if (ambiguousNames.has(key)) return "ambiguous";
  const kind = measureNames[key];
  return kind === undefined ? undefined : { kind };
}

/**
 * CBA_Published: the figures a document prints, one a row: the figure's name, what it summarises
 * (Set-up, Annual saving, Net ROI, Benefit multiple, BCR, Payback, Final payback, Discounted
 * payback, NPV, Years to recover, or "Line: <label>" for one line's total), the case, the partner
 * (blank = the programme), the published value and the rounding it is printed to. Whether the
 * case, partner and line exist is the validator's job.
 */
export function readPublished(table: InputTable, problems: ContractProblem[]): PublishedInput {
  const result: PublishedInput = { range: table.name, figures: [] };
  const columns = table.requireColumns(
    {
      figure: publishedColumns.figure,
      summarises: publishedColumns.summarises,
      value: publishedColumns.value,
    },
    problems,
  );
  if (!columns) return result;
  const caseColumn = table.findColumn(publishedColumns.case);
  const partnerColumn = table.findColumn(publishedColumns.partner);
  const printedToColumn = table.findColumn(publishedColumns.printedTo);
  for (const row of table.rows) {
    const cell = table.address(row.index, columns.figure);
    const measureCell = table.address(row.index, columns.summarises);
    const valueCell = table.address(row.index, columns.value);
    const figure = cellText(table.cell(row, columns.figure)) || `row ${row.index + 1}`;
    const measureText = cellText(table.cell(row, columns.summarises));
    const measure = readMeasure(measureText);
    let complete = true;
    if (measure === undefined || measure === "ambiguous") {
      complete = false;
      problems.push(
        inputError(
          table.name,
          measureCell,
          measure === "ambiguous" ? "Ambiguous measure" : "Unknown measure",
          measure === "ambiguous"
            ? `"${measureText}" means different things in different documents: use Net ROI, Benefit multiple or Years to recover`
            : `figure "${figure}" summarises ${describeCell(table.cell(row, columns.summarises))}; use Set-up, Annual saving, Net ROI, Benefit multiple, BCR, Payback, Final payback, Discounted payback, NPV, Years to recover, or "Line: " and a line's label`,
        ),
      );
    }
    const value = readNumber(table.cell(row, columns.value));
    if (!value.ok) {
      complete = false;
      problems.push(
        inputError(
          table.name,
          valueCell,
          "Not a number",
          `the published value of "${figure}" ${value.reason}`,
        ),
      );
    }
    let printedTo;
    if (printedToColumn !== undefined && !isBlank(table.cell(row, printedToColumn))) {
      const printedToCell = table.address(row.index, printedToColumn);
      const parsed = readNumber(table.cell(row, printedToColumn));
      if (!parsed.ok || parsed.value.lte(0)) {
        complete = false;
        problems.push(
          inputError(
            table.name,
            printedToCell,
            "Not a rounding",
            `the "Printed to" of "${figure}" ${parsed.ok ? `must be greater than zero (found ${parsed.value.toString()})` : parsed.reason}; give the rounding of the print, e.g. 1, 0.1, 1000 or 0.1%`,
          ),
        );
      } else {
        printedTo = parsed.value;
      }
    }
    if (!complete || !value.ok || measure === undefined || measure === "ambiguous") continue;
    const input: PublishedFigureInput = {
      figure,
      cell,
      measure,
      measureText,
      measureCell,
      caseCell: caseColumn === undefined ? cell : table.address(row.index, caseColumn),
      partnerCell: partnerColumn === undefined ? cell : table.address(row.index, partnerColumn),
      value: value.value,
      valueCell,
    };
    const caseName = cellText(table.cell(row, caseColumn));
    if (caseName !== "") input.caseName = caseName;
    const partner = cellText(table.cell(row, partnerColumn));
    if (partner !== "" && partner.toLowerCase() !== "programme") input.partner = partner;
    if (printedTo !== undefined) input.printedTo = printedTo;
    result.figures.push(input);
  }
  return result;
}
