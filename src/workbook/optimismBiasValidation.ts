import { countsAsCost } from "../engine/businessCase";
import { notQuantified } from "../engine/businessCaseModel";
import type { ContractInputs, LineInput } from "./contractInputs";
import { type ContractProblem, inputError, inputWarning } from "./contractProblems";
import { inputRangeNames, optimismBiasRangeNames } from "./inputContract";
import { appliesToNames, resolveCategories } from "./optimismBiasCategories";

/**
 * The optimism-bias checks, each naming its cell: every CBA_OptimismBias category resolves (see
 * `resolveCategory`), every line's Optimism bias column names a category, and a category meant for
 * costs is on cost lines only (benefits on benefit lines; duration on none).
 *
 * @example
 * problems.push(...validateOptimismBias(inputs));
 */
export function validateOptimismBias(inputs: ContractInputs): ContractProblem[] {
  const problems: ContractProblem[] = [];
  const range = optimismBiasRangeNames.optimismBias;
  const resolved = resolveCategories(inputs, problems);
  const known = new Set((inputs.optimismBias?.categories ?? []).map((c) => c.name.toLowerCase()));
  const used = new Set<string>();

  for (const line of inputs.lines?.lines ?? []) {
    if (line.optimismBias === undefined) continue;
    const cell = line.optimismBiasCell!;
    const key = line.optimismBias.toLowerCase();
    used.add(key);
    if (!known.has(key)) {
      const listed = [...(inputs.optimismBias?.categories ?? [])].map((c) => c.name);
      problems.push(
        inputError(
          inputs.lines!.range,
          cell,
          "Unknown optimism bias category",
          inputs.optimismBias
            ? `line "${line.label}" names optimism bias category "${line.optimismBias}", which is not in ${range} (${listed.join(", ") || "no categories"})`
            : `line "${line.label}" names optimism bias category "${line.optimismBias}", but the workbook has no ${range} range defining it`,
        ),
      );
      continue;
    }
    const category = resolved.get(key);
    if (!category) continue; // its own problems are reported above
    if (category.appliesTo === "duration") {
      problems.push(
        inputError(
          inputs.lines!.range,
          cell,
          "Duration category on a line",
          `line "${line.label}" names category "${category.input.name}", which applies to Duration: a line's amount can only take a cost or benefit category`,
        ),
      );
      continue;
    }
    if (category.appliesTo === "capitalCosts" && line.timing === "recurring")
      problems.push(
        inputWarning(
          inputs.lines!.range,
          cell,
          "Capital category on a recurring line",
          `line "${line.label}" is recurring but its category "${category.input.name}" applies to Capital costs; running costs usually take an Operating costs category`,
        ),
      );
    const wrong = wrongDirection(line, category.direction === "cost");
    if (wrong !== undefined)
      problems.push(
        inputError(
          inputs.lines!.range,
          cell,
          "Optimism bias on the wrong kind of line",
          `line "${line.label}" is a ${wrong.isCost ? "cost" : "benefit"} in ${wrong.caseName}, but its category "${category.input.name}" applies to ${appliesToNames[category.appliesTo]}`,
        ),
      );
  }

  for (const category of inputs.optimismBias?.categories ?? []) {
    const key = category.name.toLowerCase();
    if (used.has(key) || resolved.get(key)?.appliesTo === "duration") continue;
    problems.push(
      inputWarning(
        range,
        category.cell,
        "Unused category",
        `no line of ${inputRangeNames.lines} names category "${category.name}" in its Optimism bias column`,
      ),
    );
  }
  if (inputs.settings.optimismBias?.include && !inputs.optimismBias)
    problems.push(
      inputWarning(
        inputRangeNames.settings,
        inputs.settings.optimismBias.cell,
        "No optimism bias categories",
        `the Optimism bias setting is Include, but the workbook has no ${range} range: no optimism bias is applied`,
      ),
    );
  return problems;
}

/**
 * The first case in which the line is the other kind (a cost where the category is for benefits,
 * or the reverse), judged as the engine does: by Kind, else by timing and sign. Zero amounts say
 * nothing either way.
 */
function wrongDirection(
  line: LineInput,
  wantCost: boolean,
): { caseName: string; isCost: boolean } | undefined {
  for (const [caseName, { value }] of line.values) {
    if (value === notQuantified || value.isZero()) continue;
    const isCost = countsAsCost(
      {
        label: line.label,
        timing: line.timing,
        allocation: { kind: "partner", partner: "" },
        values: {},
        ...(line.kind ? { kind: line.kind } : {}),
      },
      value,
    );
    if (isCost !== wantCost) return { caseName, isCost };
  }
  return undefined;
}
