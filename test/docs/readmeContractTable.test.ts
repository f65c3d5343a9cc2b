/** The README's contract table says what the range definitions say, row for row. */
import { readFileSync } from "node:fs";
import { contractTableRows } from "../../src/workbook/contractReading/contractTable";
import { allInputRangeNames } from "../../src/workbook/inputContract";
import { readmeContractBlock, readmePath } from "./readmeContractTable";

function tableRows(block: string): { name: string; contents: string }[] {
  return block
    .split("\n")
    .filter((line) => line.startsWith("|"))
    .slice(2)
    .map((line) => {
      const cells = line
        .slice(1, -1)
        .split(/(?<!\\)\|/)
        .map((cell) => cell.trim().replace(/\\\|/g, "|"));
      return { name: cells[0]!.replace(/`/g, ""), contents: cells[1]! };
    });
}

describe("the README's contract table", () => {
  const rows = tableRows(readmeContractBlock(readFileSync(readmePath, "utf8")));

  test("has one row per input range, with the definition's text (run npm run docs:contract after a change)", () => {
    expect(rows).toEqual(contractTableRows());
  });

  test("names every range a refresh reads, and nothing else", () => {
    expect(rows.map((row) => row.name).sort()).toEqual([...allInputRangeNames].sort());
  });
});
