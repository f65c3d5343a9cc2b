import type { ContractInputs } from "./contractInputs";
import type { ContractProblem } from "./contractProblems";
import type {
  ReadInputRangeDefinition,
  RangeInputKey,
  ReadingContext,
} from "./contractReading/inputRangeDefinition";
import { rangesReadAfterSettings } from "./contractReading/inputRanges";
import { PartnerCodes } from "./contractReading/partnerCodes";
import { partnersRange } from "./contractReading/partnersRange";
import { readSettings, settingsRange } from "./contractReading/settingsRange";
import { dropAmountsDriversGive } from "./driverLines";
import { InputTable } from "./inputTable";
import type { WorkbookSnapshot } from "./workbookPort";

// Each range's reading lives in contractReading/, one module per range; these stay importable here.
export { PartnerCodes } from "./contractReading/partnerCodes";
export { riskScaleMaximum } from "./contractReading/risksRange";

export interface ContractReading {
  inputs: ContractInputs;
  /** Problems found inside single ranges: missing columns, unreadable cells, totals that do not foot. */
  problems: ContractProblem[];
}

/**
 * Reads every contract range present in a snapshot. Checks what can be checked inside one range
 * (columns present, cells readable, baseline totals footing); references between ranges are
 * the validator's job. Never throws for bad input: everything wrong becomes a problem.
 *
 * @example
 * const { inputs, problems } = readContract(await port.read(allInputRangeNames));
 */
export function readContract(snapshot: WorkbookSnapshot): ContractReading {
  const problems: ContractProblem[] = [];
  const locations: ContractInputs["locations"] = [];
  const table = (name: string): InputTable | undefined => {
    const data = snapshot.ranges.get(name.toUpperCase());
    if (data === undefined) return undefined;
    const inputTable = new InputTable(name, data);
    inputTable.reportDuplicateHeaders(problems);
    locations.push({ range: name, sheet: data.sheet });
    return inputTable;
  };

  const settings = readSettings(table(settingsRange.name), problems);
  const inputs: ContractInputs = { settings, locations };
  const context: ReadingContext = { problems, settings, codes: new PartnerCodes(undefined) };
  for (const definition of rangesReadAfterSettings) {
    const found = table(definition.name);
    if (found) readInto(inputs, definition, found, context);
    // Every later reader resolves partner codes against CBA_Partners.
    if (definition === partnersRange) context.codes = new PartnerCodes(inputs.partners);
    // A line whose blank amount a CBA_Drivers row gives is not missing an amount.
    if (definition.key === "drivers") dropAmountsDriversGive(inputs, problems);
  }
  return { inputs, problems };
}

function readInto<Key extends RangeInputKey>(
  inputs: ContractInputs,
  definition: ReadInputRangeDefinition<Key>,
  table: InputTable,
  context: ReadingContext,
): void {
  const value = definition.read(table, context);
  if (value !== undefined) inputs[definition.key] = value;
}
