import type { ShareBasis } from "../../engine/businessCaseModel";
import { cellText, describeCell, isBlank, readList, readWholeNumber } from "../cellValueParsing";
import type { PoolInput, PoolsInput } from "../contractInputs";
import { type ContractProblem, inputError } from "../contractProblems";
import { column, normaliseHeader, numberColumn } from "../contractColumns";
import type { InputTable } from "../inputTable";
import type { ReadInputRangeDefinition } from "./inputRangeDefinition";
import { readNonNegativeNumber } from "./nonNegativeNumber";
import type { PartnerCodes } from "./partnerCodes";
import { readRowName } from "./rowNames";

export const poolColumns = {
  pool: column("pool", "Pool", "Pool name"),
  basis: column("basis", "Basis", "Share basis"),
  serviceAreas: column("serviceAreas", "Service areas", "Service area"),
  partners: column("partners", "Partners", "Partner codes"),
  shareDecimals: numberColumn("whole number", "shareDecimals", "Share decimals", "Decimals"),
};

export const poolsRange: ReadInputRangeDefinition<"pools"> = {
  name: "CBA_Pools",
  key: "pools",
  purpose: "Pools: which partners share which lines, on what basis",
  contents:
    "Pool, Basis (Baseline, FTE, Equal, Manual), Service areas (list or `*`), Partners (list or `*`), Share decimals (blank = exact), and for Manual one column per partner code",
  instruction:
    "Who shares what: Basis is Baseline, FTE, Equal or Manual; list service areas and partners separated by ; (or * for all).",
  columns: poolColumns,
  template: { sheet: "Pools" },
  read: (table, { codes, problems }) => readPools(table, codes, problems),
};

const basisByText: Record<string, ShareBasis> = {
  baseline: "baseline",
  fte: "fte",
  equal: "equal",
  manual: "manual",
};

/**
 * CBA_Pools: one row per cost pool with its sharing basis, the service areas and partners it
 * covers, optional share decimals, and a manual weight column per partner code.
 */
export function readPools(table: InputTable, codes: PartnerCodes, problems: ContractProblem[]): PoolsInput {
  const result: PoolsInput = { range: table.name, pools: [] };
  const columns = table.requireColumns(
    { pool: poolColumns.pool, basis: poolColumns.basis, partners: poolColumns.partners },
    problems,
  );
  if (!columns) return result;
  const areasColumn = table.findColumn(poolColumns.serviceAreas);
  const decimalsColumn = table.findColumn(poolColumns.shareDecimals);
  const weightColumns = new Map<string, number>();
  table.header.forEach((header, index) => {
    const code = header === "" ? undefined : codes.resolve(header);
    if (code !== undefined) weightColumns.set(code, index);
  });

  const seen = new Set<string>();
  for (const row of table.rows) {
    const named = readRowName(table, row, columns.pool, "pool", problems, seen);
    if (named === undefined) continue;
    const { name, cell } = named;

    const basisCell = table.address(row.index, columns.basis);
    const basisText = normaliseHeader(cellText(table.cell(row, columns.basis)));
    const basis = basisByText[basisText];
    if (basis === undefined) {
      problems.push(
        inputError(
          table.name,
          basisCell,
          "Unknown basis",
          `pool "${name}" has basis ${describeCell(table.cell(row, columns.basis))}; use Baseline, FTE, Equal or Manual`,
        ),
      );
    }

    const serviceAreasCell =
      areasColumn === undefined ? table.headerAddress(0) : table.address(row.index, areasColumn);
    const serviceAreas = readList(table.cell(row, areasColumn));
    if ((basis === "baseline" || basis === "fte") && serviceAreas !== "all" && serviceAreas.length === 0) {
      problems.push(
        inputError(
          table.name,
          serviceAreasCell,
          "Missing service areas",
          areasColumn === undefined
            ? `pool "${name}" is shared by ${basis === "fte" ? "FTE" : "baseline"} but ${table.name} has no "Service areas" column`
            : `pool "${name}" is shared by ${basis === "fte" ? "FTE" : "baseline"}: list its service areas or enter *`,
        ),
      );
    }

    const partnersCell = table.address(row.index, columns.partners);
    const partners = readList(table.cell(row, columns.partners));
    if (partners !== "all" && partners.length === 0) {
      problems.push(
        inputError(
          table.name,
          partnersCell,
          "Missing partners",
          `pool "${name}" lists no partners: enter codes or *`,
        ),
      );
    }

    const pool: PoolInput = {
      name,
      cell,
      basis: basis ?? "baseline",
      basisCell,
      serviceAreas,
      serviceAreasCell,
      partners,
      partnersCell,
      manualWeights: new Map(),
      manualWeightCells: new Map(),
    };
    const decimalsValue = table.cell(row, decimalsColumn);
    if (decimalsColumn !== undefined && !isBlank(decimalsValue)) {
      const decimals = readWholeNumber(decimalsValue, 0, 10);
      if (decimals.ok) pool.shareDecimals = decimals.value;
      else {
        problems.push(
          inputError(
            table.name,
            table.address(row.index, decimalsColumn),
            "Invalid share decimals",
            `share decimals ${decimals.reason}`,
          ),
        );
      }
    }
    for (const [code, index] of weightColumns) {
      const weightCell = table.address(row.index, index);
      pool.manualWeightCells.set(code, weightCell);
      const value = table.cell(row, index);
      if (isBlank(value)) continue;
      const weight = readNonNegativeNumber(
        table,
        weightCell,
        value,
        {
          what: `the manual weight for ${code}`,
          negativeCheck: "Negative weight",
          negativeMessage: () => `the manual weight for ${code} is negative`,
        },
        problems,
      );
      if (weight !== undefined) pool.manualWeights.set(code, { weight, cell: weightCell });
    }
    result.pools.push(pool);
  }
  return result;
}
