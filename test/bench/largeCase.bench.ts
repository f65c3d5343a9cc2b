/**
 * The engine alone on the large generated case of `workbook.bench.ts` (20 partners, 5,000 lines,
 * 30 years, three input cases, four pools): the contract is read once in setup, so the timed
 * part is `computeContractBusinessCase` (shares, controlled rounding of every pool, phasing,
 * payback, NPV, IRR per partner and case) and nothing else.
 */
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { addInputRanges } from "../../src/workbook/excelJs/inputRangesWriter";
import { ExcelJsWorkbook } from "../../src/workbook/excelJs/excelJsWorkbook";
import {
  type ContractBusinessCase,
  businessCaseFromContract,
  computeContractBusinessCase,
} from "../../src/workbook/businessCaseFromContract";
import { readContract } from "../../src/workbook/contractReader";
import { allInputRangeNames } from "../../src/workbook/inputContract";
import type { BenchSection } from "./benchmark";
import { largeCase } from "./workbook.bench";

async function contract(): Promise<ContractBusinessCase> {
  const file = join(mkdtempSync(join(tmpdir(), "cba-bench-")), "input.xlsx");
  const workbook = new ExcelJS.Workbook();
  addInputRanges(workbook, largeCase());
  await workbook.xlsx.writeFile(file);
  const port = await ExcelJsWorkbook.fromFile(file);
  const { inputs } = readContract(await port.read([...allInputRangeNames]));
  return businessCaseFromContract(inputs);
}

export const sections: BenchSection[] = [
  {
    title: "Large business case: engine compute only",
    workload:
      "20 partners × 5,000 lines × 30 years, three input cases, four pools (whole-percent, one-decimal, exact and equal shares); the contract read in setup",
    cases: [
      {
        name: "computeContractBusinessCase",
        setup: contract,
        run: (prepared) => {
          const result = computeContractBusinessCase(prepared as ContractBusinessCase);
          const programme = result.cases[0]!.partners.at(-1)!;
          return `${result.cases.length} cases, programme NPV ${programme.netPresentValue.toFixed(0)}`;
        },
        repeat: 3,
      },
    ],
  },
];
