import { Button, makeStyles, tokens } from "@fluentui/react-components";
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
});

export interface ProblemListProps {
  problems: readonly WorkbookProblem[];
  onSelect: (location: CellLocation) => void;
  /** Accessible name of the list, e.g. "Problems found in the inputs". */
  label: string;
}

/** Every problem with the cell at fault and a button that selects that cell in the workbook. */
export function ProblemList({ problems, onSelect, label }: ProblemListProps) {
  const styles = useStyles();
  return (
    <ul className={styles.list} aria-label={label}>
      {problems.map((problem, index) => (
        <li key={index} className={styles.item}>
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
      ))}
    </ul>
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
