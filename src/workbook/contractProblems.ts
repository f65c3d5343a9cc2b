/**
 * Problems found in a workbook's inputs. Errors stop a refresh before anything is written;
 * warnings are reported (on the CBA Checks sheet and by the runner) but do not stop it.
 */
export type ProblemSeverity = "error" | "warning";

export interface ContractProblem {
  severity: ProblemSeverity;
  /** The input range at fault, as the contract names it (e.g. "CBA_Lines"), or a sheet name. */
  range: string;
  /** Sheet-qualified cell or range address, e.g. "Lines!D7"; absent when the range itself is missing. */
  cell?: string;
  /** Short name of the check, e.g. "Unknown pool", shown in the Check column of CBA Checks. */
  check: string;
  /** What is wrong, in a finance officer's words. */
  message: string;
}

export function inputError(
  range: string,
  cell: string | undefined,
  check: string,
  message: string,
): ContractProblem {
  return cell === undefined
    ? { severity: "error", range, check, message }
    : { severity: "error", range, cell, check, message };
}

export function inputWarning(
  range: string,
  cell: string | undefined,
  check: string,
  message: string,
): ContractProblem {
  return cell === undefined
    ? { severity: "warning", range, check, message }
    : { severity: "warning", range, cell, check, message };
}

/** One line per problem: "Error in CBA_Lines at Lines!D7 (Not a number): …". */
export function describeProblem(problem: ContractProblem): string {
  const severity = problem.severity === "error" ? "Error" : "Warning";
  const where = problem.cell === undefined ? problem.range : `${problem.range} at ${problem.cell}`;
  return `${severity} in ${where} (${problem.check}): ${problem.message}`;
}

export function hasErrors(problems: readonly ContractProblem[]): boolean {
  return problems.some((problem) => problem.severity === "error");
}
