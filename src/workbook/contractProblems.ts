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
  /**
   * The one mistake this problem follows from, when known, e.g. `"HFRS" is not a partner code in
   * CBA_Partners`: every problem with the same cause is shown together under it, the cause first.
   */
  cause?: string;
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

/** The cause shared by every problem that names a code missing from the partner list. */
export function unknownPartnerCause(code: string, partnersRange: string): string {
  return `"${code}" is not a partner code in ${partnersRange}`;
}

/**
 * Gives the problems that follow from an unknown partner code heading a column (of CBA_Baseline,
 * say) that code's cause: the column's own problem, and the range's totals, which disagree because
 * the column's amounts were left out of its parts (only when one column of the range is unknown;
 * with two, which one a total follows from is not known). Problems with a cause keep it.
 * The reader words the column's problem `… "CODE" is not a partner code in RANGE`; the code is read
 * back from that wording (a test on a real workbook holds the two together).
 */
export function withColumnCauses(problems: readonly ContractProblem[]): ContractProblem[] {
  const columnCause = (problem: ContractProblem): string | undefined => {
    if (problem.check !== "Unknown partner code" || problem.cause !== undefined) return undefined;
    const named = /"([^"]+)" is not a partner code in (\S+?)\.?$/.exec(problem.message);
    return named ? unknownPartnerCause(named[1]!, named[2]!) : undefined;
  };
  const causesByRange = new Map<string, Set<string>>();
  for (const problem of problems) {
    const cause = columnCause(problem);
    if (cause === undefined) continue;
    causesByRange.set(problem.range, (causesByRange.get(problem.range) ?? new Set()).add(cause));
  }
  return problems.map((problem) => {
    if (problem.cause !== undefined) return problem;
    const own = columnCause(problem);
    if (own !== undefined) return { ...problem, cause: own };
    const causes = causesByRange.get(problem.range);
    if (problem.check === "Total disagrees" && causes?.size === 1)
      return { ...problem, cause: [...causes][0]! };
    return problem;
  });
}
