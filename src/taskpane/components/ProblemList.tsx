import {
  Accordion,
  AccordionHeader,
  AccordionItem,
  AccordionPanel,
  Button,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { countOf } from "../figureFormatting";
import type { CellLocation, WorkbookProblem } from "../workbookActions";

const useStyles = makeStyles({
  list: {
    margin: 0,
    paddingLeft: tokens.spacingHorizontalL,
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalS,
  },
  item: { overflowWrap: "anywhere" },
  where: { display: "flex", alignItems: "center", columnGap: tokens.spacingHorizontalS, flexWrap: "wrap" },
  address: { fontFamily: tokens.fontFamilyMonospace, fontSize: tokens.fontSizeBase200 },
  // The cause's header wraps like the messages beside it; Fluent's keeps one line by default.
  causeHeader: { overflowWrap: "anywhere", textAlign: "start", height: "auto", minHeight: "32px" },
  causePanel: { marginLeft: 0, marginRight: 0 },
});

/** Problems that follow from one mistake, or a problem on its own (`cause` absent). */
export interface ProblemGroup {
  cause?: string;
  problems: WorkbookProblem[];
}

/**
 * Problems gathered by cause, in the order each cause (or lone problem) first appears: a cause
 * shared by two or more problems makes one group; a cause only one problem has stays a lone problem,
 * whose own message already says it.
 */
export function groupedByCause(problems: readonly WorkbookProblem[]): ProblemGroup[] {
  const counts = new Map<string, number>();
  for (const { cause } of problems) if (cause !== undefined) counts.set(cause, (counts.get(cause) ?? 0) + 1);
  const groups: ProblemGroup[] = [];
  const byCause = new Map<string, ProblemGroup>();
  for (const problem of problems) {
    const cause = problem.cause;
    if (cause === undefined || counts.get(cause)! < 2) {
      groups.push({ problems: [problem] });
      continue;
    }
    const group = byCause.get(cause);
    if (group) group.problems.push(problem);
    else {
      const created = { cause, problems: [problem] };
      byCause.set(cause, created);
      groups.push(created);
    }
  }
  return groups;
}

export interface ProblemListProps {
  problems: readonly WorkbookProblem[];
  onSelect: (location: CellLocation) => void;
  /** Accessible name of the list, e.g. "Problems found in the inputs". */
  label: string;
}

/**
 * Every problem with the cell at fault and a button that selects that cell in the workbook. Problems
 * that follow from one mistake are folded under it: the cause first, its consequences on request.
 */
export function ProblemList({ problems, onSelect, label }: ProblemListProps) {
  const styles = useStyles();
  return (
    <ul className={styles.list} aria-label={label}>
      {groupedByCause(problems).map((group, index) =>
        group.cause === undefined ? (
          <ProblemItem key={index} problem={group.problems[0]!} onSelect={onSelect} />
        ) : (
          <li key={index} className={styles.item}>
            <Accordion collapsible>
              <AccordionItem value="consequences">
                <AccordionHeader size="small" button={{ className: styles.causeHeader }}>
                  {`Cause: ${group.cause}. ${countOf(group.problems.length, "problem")} follow from it.`}
                </AccordionHeader>
                <AccordionPanel className={styles.causePanel}>
                  <ul className={styles.list} aria-label={`Problems that follow from: ${group.cause}`}>
                    {group.problems.map((problem, inner) => (
                      <ProblemItem key={inner} problem={problem} onSelect={onSelect} />
                    ))}
                  </ul>
                </AccordionPanel>
              </AccordionItem>
            </Accordion>
          </li>
        ),
      )}
    </ul>
  );
}

function ProblemItem({
  problem,
  onSelect,
}: {
  problem: WorkbookProblem;
  onSelect: (location: CellLocation) => void;
}) {
  const styles = useStyles();
  return (
    <li className={styles.item}>
      <div>
        {problem.severity === "warning" && <strong>Warning: </strong>}
        {problem.message}
      </div>
      {problem.location && (
        <div className={styles.where}>
          <span className={styles.address}>{cellReference(problem.location)}</span>
          <Button
            size="small"
            appearance="secondary"
            aria-label={`Select ${describeLocation(problem.location)}`}
            onClick={() => onSelect(problem.location!)}
          >
            Select cell
          </Button>
        </div>
      )}
    </li>
  );
}

/** "Inputs!C5", or "'Risk register'!C5" when the sheet name needs quoting, as Excel writes it. */
export function cellReference(location: CellLocation): string {
  const sheet = /^[A-Za-z_][A-Za-z0-9_.]*$/.test(location.sheet)
    ? location.sheet
    : `'${location.sheet.replace(/'/g, "''")}'`;
  return `${sheet}!${location.address}`;
}

/** Words a screen reader says for a location: "cell C5 on sheet Inputs". */
function describeLocation(location: CellLocation): string {
  const kind = location.address.includes(":") ? "range" : "cell";
  return `${kind} ${location.address} on sheet ${location.sheet}`;
}
