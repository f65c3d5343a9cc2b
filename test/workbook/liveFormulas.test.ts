/**
 * Live formulas (issue 11): the result cells that are simple functions of the inputs are written
 * as formulas with the computed value cached. An engine independent of the product
 * (test/formulaEvaluation) recalculates each one from the saved .xlsx and must get the cached value;
 * after an input is edited, recalculating gives the new figure without a refresh.
 */
import fc from "fast-check";
import { readFileSync } from "node:fs";
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { parseCellAddress } from "../../src/workbook/cellAddress";
import { readText, relationshipsOf } from "../../src/workbook/xlsxPackage/packageParts";
import { sheetEntries } from "../../src/workbook/xlsxPackage/workbookXml";
import { unescapeXml } from "../../src/workbook/xlsxPackage/xmlText";
import { riskBand } from "../../src/engine/riskRegister";
import { riskBandFormula, riskScoreFormula } from "../../src/workbook/resultSheets/riskFormulas";
import { productSheetNames } from "../../src/workbook/productSheets";
import { type EvaluatedValue, evaluateFormula } from "../formulaEvaluation/formulaEvaluator";
import { writeHampshireSample } from "./hampshireSampleFiles";
import { loadWorkbook, temporaryFolderForThisFile } from "./workbookFiles";
import { ExcelJsWorkbook } from "../../src/workbook/excelJs/excelJsWorkbook";
import { refreshWorkbook } from "../../src/workbook/refreshWorkbook";

const folder = temporaryFolderForThisFile();

interface FormulaCell {
  sheet: string;
  address: string;
  row: number;
  column: number;
  formula: string;
  cached: EvaluatedValue;
}

/**
 * The formula cells of a sheet with their cached results, read from the package's XML (ExcelJS
 * drops a cached 0 when it loads a file, so it cannot tell 0 from "no cached value").
 */
async function formulaCellsOfFile(file: string, sheetName: string): Promise<FormulaCell[]> {
  const zip = await JSZip.loadAsync(readFileSync(file));
  const workbookXml = (await readText(zip, "xl/workbook.xml"))!;
  const entry = sheetEntries(workbookXml).find((sheet) => sheet.name === sheetName)!;
  const relationship = (await relationshipsOf(zip, "xl/workbook.xml")).find(
    (r) => r.id === entry.relationshipId,
  )!;
  const xml = (await readText(zip, relationship.part!))!;
  const found: FormulaCell[] = [];
  for (const match of xml.matchAll(/<c r="([A-Z]+)(\d+)"([^>]*)><f>([^<]*)<\/f>(?:<v>([^<]*)<\/v>)?<\/c>/g)) {
    const [, letters, row, attributes, formula, cached] = match;
    const type = /t="(\w+)"/.exec(attributes!)?.[1];
    const value =
      cached === undefined
        ? null
        : type === "str"
          ? unescapeXml(cached)
          : type === "b"
            ? cached === "1"
            : Number(cached);
    found.push({
      sheet: sheetName,
      address: `${letters}${row}`,
      row: Number(row),
      column: parseCellAddress(`${letters}1`).column,
      formula: `=${unescapeXml(formula!)}`,
      cached: value,
    });
  }
  return found;
}

/** Reads a cell for the evaluator: a formula cell is recalculated (recursively), not taken from its cache. */
function recalculatingReader(workbook: ExcelJS.Workbook) {
  const read = (sheetName: string, row: number, column: number): EvaluatedValue => {
    const cell = workbook.getWorksheet(sheetName)?.getCell(row, column);
    if (!cell) throw new Error(`no sheet ${sheetName}`);
    if (cell.type === ExcelJS.ValueType.Formula)
      return evaluateFormula(`=${cell.formula}`, { sheet: sheetName, row, column }, read);
    const value = cell.value;
    return value === undefined || value === null ? null : (value as EvaluatedValue);
  };
  return read;
}

async function refreshed(name: string, options: { valuesOnly?: boolean } = {}): Promise<string> {
  const input = folder.path(`${name}.xlsx`);
  await writeHampshireSample(input);
  const port = await ExcelJsWorkbook.fromFile(input);
  const report = await refreshWorkbook(port, options);
  expect(report.status).toBe("written");
  await port.saveAs(folder.path(`${name}-results.xlsx`));
  return folder.path(`${name}-results.xlsx`);
}

describe("live formulas in the saved workbook", () => {
  let file: string;
  let results: ExcelJS.Workbook;
  let riskSheetCells: FormulaCell[];
  let registerCells: FormulaCell[];
  beforeAll(async () => {
    file = await refreshed("hampshire");
    results = await loadWorkbook(file);
    riskSheetCells = await formulaCellsOfFile(file, productSheetNames.risks);
    registerCells = await formulaCellsOfFile(file, "Risks");
  });

  it("CBA Risks scores, bands, band counts and heat map are formulas whose cached values recalculate", () => {
    const cells = riskSheetCells;
    // 12 risks × (likelihood, impact, score, band) + 3 band counts + 5 × 5 heat map.
    expect(cells).toHaveLength(12 * 4 + 3 + 25);
    const read = recalculatingReader(results);
    for (const cell of cells)
      expect({ at: cell.address, value: evaluateFormula(cell.formula, cell, read) }).toEqual({
        at: cell.address,
        value: cell.cached,
      });
    // The likelihoods point at CBA_Risks, so Trace Precedents leads to the input.
    expect(cells.find((cell) => cell.column === 4)!.formula).toMatch(/^='Risks'!\$D\$\d+$/);
  });

  it("the Score and Band written back into CBA_Risks are formulas on the row's ratings", () => {
    const cells = registerCells;
    expect(cells).toHaveLength(12 * 2);
    const read = recalculatingReader(results);
    for (const cell of cells) expect(evaluateFormula(cell.formula, cell, read)).toEqual(cell.cached);
  });

  it("an edited likelihood rescores the register and the result sheet without a refresh", () => {
    const risks = results.getWorksheet("Risks")!;
    const score = registerCells.find((cell) => typeof cell.cached === "number")!;
    const [likelihoodAddress, impactAddress] = score.formula.replace(/^=/, "").split("*");
    const impact = Number(risks.getCell(impactAddress!).value);
    risks.getCell(likelihoodAddress!).value = 5;
    const read = recalculatingReader(results);
    expect(read("Risks", score.row, score.column)).toBe(5 * impact);
    const band = read("Risks", score.row, score.column + 1);
    expect(band).toBe(riskBand(5 * impact, { thresholds: [10, 15], labels: ["Low", "Medium", "High"] }));
    const sheetScores = riskSheetCells.filter((cell) => cell.column === 6);
    expect(sheetScores.map((cell) => read(cell.sheet, cell.row, cell.column))).toContain(5 * impact);
  });

  it("CBA Partners' net benefit, cumulative position and NPV are formulas that recalculate to the engine's figures", async () => {
    const cells = await formulaCellsOfFile(file, productSheetNames.partners);
    const npv = cells.filter((cell) => /NPV\(/.test(cell.formula));
    // 3 partners + the programme, 2 input cases + the contingency and 2 scenarios: every row has one.
    expect(npv.length).toBeGreaterThanOrEqual(4 * 3);
    // The rate is the Discount rate cell of CBA_Settings, so Trace Precedents reaches the setting.
    expect(npv[0]!.formula).toMatch(/^=[A-Z]+\d+\+NPV\('Settings'!\$B\$2,[A-Z]+\d+:[A-Z]+\d+\)$/);
    const read = recalculatingReader(results);
    // Cashflows are stored to 2 decimals beyond the £'000 unit and the engine discounts the exact
    // amounts: over 11 years the recalculated figures may differ by at most 11 × 0.005 = 0.055.
    for (const cell of cells) {
      const recalculated = evaluateFormula(cell.formula, cell, read);
      expect(typeof recalculated).toBe("number");
      expect(Math.abs((recalculated as number) - (cell.cached as number))).toBeLessThanOrEqual(0.055);
    }
  });

  it("--values-only writes no formula anywhere, with the same values", async () => {
    const valuesOnlyFile = await refreshed("values-only", { valuesOnly: true });
    const valuesOnly = await loadWorkbook(valuesOnlyFile);
    for (const sheet of valuesOnly.worksheets)
      expect(await formulaCellsOfFile(valuesOnlyFile, sheet.name)).toEqual([]);
    const sheet = valuesOnly.getWorksheet(productSheetNames.risks)!;
    for (const cell of riskSheetCells) expect(sheet.getCell(cell.address).value).toEqual(cell.cached);
  });
});

describe("risk formulas against the engine", () => {
  it("the band formula gives riskBand's band for every score and any ascending thresholds", () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.integer({ min: 1, max: 24 }), { minLength: 1, maxLength: 4 }),
        fc.integer({ min: 1, max: 5 }),
        fc.integer({ min: 1, max: 5 }),
        (thresholdList, likelihood, impact) => {
          const thresholds = [...thresholdList].sort((a, b) => a - b);
          const bands = { thresholds, labels: [...thresholds, 99].map((_, i) => `Band "${i + 1}"`) };
          const cells: Record<string, EvaluatedValue> = { A1: likelihood, B1: impact };
          const read = (_sheet: string, row: number, column: number): EvaluatedValue => {
            const address = `${String.fromCharCode(64 + column)}${row}`;
            if (address === "C1") return evaluateFormula(riskScoreFormula("A1", "B1"), at, read);
            return cells[address] ?? null;
          };
          const at = { sheet: "S", row: 1, column: 4 };
          expect(evaluateFormula(riskBandFormula("C1", bands), at, read)).toBe(
            riskBand(likelihood * impact, bands),
          );
        },
      ),
    );
  });
});
