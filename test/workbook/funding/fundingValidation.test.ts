import type { ContractProblem } from "../../../src/workbook/contractProblems";
import type { RefreshReport } from "../../../src/workbook/refreshWorkbook";
import type { CellValue, InputRangeSpec } from "../../../src/workbook/workbookPort";
import { refreshFile, temporaryFolderForThisFile, writeWorkbook } from "../workbookFiles";
import { type FundingCase, fundingCase } from "./fundingCase";

/**
 * Bad input in every column of CBA_Funding, CBA_LineFunding and the Expenditure column of
 * CBA_Lines: each is an error naming the range and the cell, and nothing is written. Cells: see
 * fundingCase.ts (Funding A Source … J Repayment, rows 2–4 grant, CC reserves, FR loan;
 * LineFunding A Line, B Source, C Amount, D Percent, rows 2–5).
 */
const folder = temporaryFolderForThisFile();
let fileNumber = 0;

async function refresh(ranges: Partial<FundingCase>): Promise<RefreshReport> {
  fileNumber++;
  const input = folder.path(`validation-${fileNumber}.xlsx`);
  await writeWorkbook(
    input,
    Object.values(ranges).filter((range): range is InputRangeSpec => range !== undefined),
  );
  return refreshFile(input, folder.path(`validation-${fileNumber}-results.xlsx`));
}

function located(report: RefreshReport): [string, string, string | undefined, string][] {
  return report.problems.map((p: ContractProblem) => [p.severity, p.range, p.cell, p.check]);
}

/** Sets one cell of a range's data rows: row 1 is the first data row. */
function set(range: InputRangeSpec, row: number, column: number, value: CellValue): void {
  range.rows[row - 1]![column] = value;
}

const F = {
  source: 0,
  kind: 1,
  partner: 2,
  amount: 3,
  pump: 4,
  restricted: 5,
  award: 6,
  rate: 7,
  term: 8,
  repayment: 9,
};
const L = { line: 0, source: 1, amount: 2, percent: 3 };

const errors: [string, (f: FundingCase) => void, [string, string, string | undefined, string]][] = [
  [
    "an expenditure that is neither capital nor revenue",
    (f) => set(f.lines, 1, 6, "Capex"),
    ["error", "CBA_Lines", "Lines!G2", "Unknown expenditure"],
  ],
  [
    "a source named twice",
    (f) => f.funding.rows.push(["CC reserves", "Other", null, null, null, null, null, null, null, null]),
    ["error", "CBA_Funding", "Funding!A5", "Duplicate source"],
  ],
  [
    "a source with no name",
    (f) => f.funding.rows.push([null, "Other", null, 5, null, null, null, null, null, null]),
    ["error", "CBA_Funding", "Funding!A5", "Missing source name"],
  ],
  [
    "an unknown kind",
    (f) => set(f.funding, 1, F.kind, "Gift"),
    ["error", "CBA_Funding", "Funding!B2", "Unknown source kind"],
  ],
  [
    "an unknown partner",
    (f) => set(f.funding, 2, F.partner, "XX"),
    ["error", "CBA_Funding", "Funding!C3", "Unknown partner code"],
  ],
  [
    "a negative amount available",
    (f) => set(f.funding, 1, F.amount, -5),
    ["error", "CBA_Funding", "Funding!D2", "Out of range"],
  ],
  [
    "an amount that is not a number",
    (f) => set(f.funding, 1, F.amount, "lots"),
    ["error", "CBA_Funding", "Funding!D2", "Not a number"],
  ],
  [
    "a pump-priming limit above 1",
    (f) => set(f.funding, 1, F.pump, 1.5),
    ["error", "CBA_Funding", "Funding!E2", "Out of range"],
  ],
  [
    "an unknown restriction",
    (f) => set(f.funding, 1, F.restricted, "Both"),
    ["error", "CBA_Funding", "Funding!F2", "Unknown restriction"],
  ],
  [
    "an award that is not a number",
    (f) => set(f.funding, 1, F.award, "half"),
    ["error", "CBA_Funding", "Funding!G2", "Not a number"],
  ],
  [
    "an award above 1",
    (f) => set(f.funding, 1, F.award, 2),
    ["error", "CBA_Funding", "Funding!G2", "Out of range"],
  ],
  [
    "a negative interest rate",
    (f) => set(f.funding, 3, F.rate, -0.01),
    ["error", "CBA_Funding", "Funding!H4", "Out of range"],
  ],
  [
    "borrowing without a rate",
    (f) => set(f.funding, 3, F.rate, null),
    ["error", "CBA_Funding", "Funding!H4", "Borrowing incomplete"],
  ],
  [
    "a term that is not whole years",
    (f) => set(f.funding, 3, F.term, 2.5),
    ["error", "CBA_Funding", "Funding!I4", "Not a term"],
  ],
  [
    "borrowing without a term",
    (f) => set(f.funding, 3, F.term, null),
    ["error", "CBA_Funding", "Funding!I4", "Borrowing incomplete"],
  ],
  [
    "an unknown repayment method",
    (f) => set(f.funding, 3, F.repayment, "Bullet"),
    ["error", "CBA_Funding", "Funding!J4", "Unknown repayment"],
  ],
  [
    "an unknown line",
    (f) => set(f.lineFunding, 1, L.line, "Nope"),
    ["error", "CBA_LineFunding", "LineFunding!A2", "Unknown line"],
  ],
  [
    "a saving funded as a cost",
    (f) => set(f.lineFunding, 1, L.line, "Staff savings"),
    ["error", "CBA_LineFunding", "LineFunding!A2", "Not a cost line"],
  ],
  [
    "an unknown source",
    (f) => set(f.lineFunding, 1, L.source, "Nope"),
    ["error", "CBA_LineFunding", "LineFunding!B2", "Unknown source"],
  ],
  [
    "a row with no source",
    (f) => set(f.lineFunding, 1, L.source, null),
    ["error", "CBA_LineFunding", "LineFunding!B2", "Missing source"],
  ],
  [
    "the same line and source twice",
    (f) => f.lineFunding.rows.push(["System set-up", "FR loan", 1, null]),
    ["error", "CBA_LineFunding", "LineFunding!A6", "Duplicate line funding"],
  ],
  [
    "both an amount and a percent",
    (f) => set(f.lineFunding, 1, L.amount, 5),
    ["error", "CBA_LineFunding", "LineFunding!D2", "Amount and percent"],
  ],
  [
    "neither an amount nor a percent",
    (f) => set(f.lineFunding, 1, L.percent, null),
    ["error", "CBA_LineFunding", "LineFunding!C2", "No amount or percent"],
  ],
  [
    "a percent above 1",
    (f) => set(f.lineFunding, 1, L.percent, 1.2),
    ["error", "CBA_LineFunding", "LineFunding!D2", "Percent out of range"],
  ],
  [
    "a negative percent",
    (f) => set(f.lineFunding, 1, L.percent, -0.1),
    ["error", "CBA_LineFunding", "LineFunding!D2", "Percent out of range"],
  ],
  [
    "a percent that is not a number",
    (f) => set(f.lineFunding, 1, L.percent, "most"),
    ["error", "CBA_LineFunding", "LineFunding!D2", "Not a number"],
  ],
  [
    "a negative amount",
    (f) => set(f.lineFunding, 4, L.amount, -5),
    ["error", "CBA_LineFunding", "LineFunding!C5", "Negative amount"],
  ],
  [
    "a capital-only source on a revenue line",
    (f) => f.lineFunding.rows.push(["CC programme team", "Transformation grant", null, 0]),
    ["error", "CBA_LineFunding", "LineFunding!B6", "Restricted source"],
  ],
  [
    "a restricted source on a line that does not say capital or revenue",
    (f) => set(f.lines, 1, 6, null),
    ["error", "CBA_LineFunding", "LineFunding!B2", "Expenditure not stated"],
  ],
];

describe("funding validation: each problem names the range and the cell, and nothing is written", () => {
  test.each(errors)("%s", async (_what, change, expected) => {
    const funding = fundingCase();
    change(funding);
    const report = await refresh(funding);
    expect(located(report)).toContainEqual(expected);
    expect(report.status).toBe("invalid");
  });

  test("a source left out for a bad cell is not also called unknown where lines use it", async () => {
    const funding = fundingCase();
    set(funding.funding, 1, F.kind, "Gift");
    const report = await refresh(funding);
    expect(located(report).filter(([, , , check]) => check === "Unknown source")).toEqual([]);
  });

  test("a row left out for a bad cell does not also show as a funding gap", async () => {
    const funding = fundingCase();
    set(funding.lineFunding, 1, L.percent, "most");
    const report = await refresh(funding);
    expect(located(report).filter(([, , , check]) => check === "Funding shortfall")).toEqual([]);
  });

  test("CBA_LineFunding without CBA_Funding is a missing range", async () => {
    const funding: Partial<FundingCase> = fundingCase();
    delete funding.funding;
    const report = await refresh(funding);
    expect(located(report)).toContainEqual(["error", "CBA_LineFunding", undefined, "Missing range"]);
  });

  test("an award or a pump-priming limit on a source that is not a grant is a warning at its cell", async () => {
    const funding = fundingCase();
    set(funding.funding, 2, F.award, 0.5);
    set(funding.funding, 2, F.pump, 0.5);
    const report = await refresh(funding);
    expect(report.status).toBe("written");
    expect(located(report)).toEqual(
      expect.arrayContaining([
        ["warning", "CBA_Funding", "Funding!G3", "Only for grants"],
        ["warning", "CBA_Funding", "Funding!E3", "Only for grants"],
      ]),
    );
  });

  test("own money that names no partner is a warning at its Partner cell", async () => {
    const funding = fundingCase();
    set(funding.funding, 2, F.partner, null);
    const report = await refresh(funding);
    expect(report.status).toBe("written");
    expect(located(report)).toContainEqual(["warning", "CBA_Funding", "Funding!C3", "No partner named"]);
  });
});
