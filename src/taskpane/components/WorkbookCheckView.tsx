import {
  Body1,
  Button,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Spinner,
  Subtitle2,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { countOf } from "../figureFormatting";
import { sampleWorkbooks } from "../../workbook/samples/sampleWorkbooks";
import type { Activity, InspectionState } from "../useTaskPaneController";
import type { CellLocation, InputRangeStatus } from "../workbookActions";
import { ProblemList, cellReference } from "./ProblemList";
import { usePaneStyles } from "./paneStyles";

const useStyles = makeStyles({
  rangeName: {
    fontFamily: tokens.fontFamilyMonospace,
    fontSize: tokens.fontSizeBase200,
    overflowWrap: "anywhere",
  },
  found: { color: tokens.colorPaletteGreenForeground1 },
  missing: { color: tokens.colorPaletteRedForeground1, fontWeight: tokens.fontWeightSemibold },
  optional: { color: tokens.colorNeutralForeground3 },
  purpose: { display: "block", color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase200 },
});

export interface WorkbookCheckViewProps {
  inspection: InspectionState;
  activity: Activity;
  /** Inserts the worked example of that name (`sampleWorkbooks`). */
  onInsertExample: (example: string) => void;
  onInsertTemplate: () => void;
  onCheckAgain: () => void;
  onSelect: (location: CellLocation) => void;
}

/** What the workbook holds against the input contract, and a one-click start for an empty workbook. */
export function WorkbookCheckView(props: WorkbookCheckViewProps) {
  const { inspection, activity, onInsertExample, onInsertTemplate, onCheckAgain, onSelect } = props;
  const pane = usePaneStyles();
  const busy = activity.kind !== "idle";

  if (inspection.status === "loading") {
    return <Spinner size="small" label="Checking the workbook…" />;
  }
  if (inspection.status === "failed") {
    return (
      <div className={pane.stack}>
        <Body1 tabIndex={-1} data-outcome="check">
          The workbook could not be checked.
        </Body1>
        <Button disabled={busy} onClick={onCheckAgain}>
          Check again
        </Button>
      </div>
    );
  }

  const { ranges, problems, isEmpty } = inspection.inspection;
  const missingRequired = ranges.filter((r) => r.required && !r.location);

  if (isEmpty) {
    return (
      <div className={pane.stack}>
        <Subtitle2 as="h2" className={pane.heading}>
          This workbook has no business case yet
        </Subtitle2>
        <Body1>
          Start from a worked example to see a complete case, or insert blank input sheets with the named
          ranges, headers and formats ready to fill in.
        </Body1>
        <div className={pane.closeStack}>
          {sampleWorkbooks.map((sample, index) => (
            <Button
              key={sample.name}
              appearance={index === 0 ? "primary" : "secondary"}
              disabled={busy}
              title={sample.description}
              onClick={() => onInsertExample(sample.name)}
            >
              {activity.kind === "insertingExample" && activity.example === sample.name
                ? "Inserting the example…"
                : `Insert the ${sample.title} example`}
            </Button>
          ))}
          <Button disabled={busy} onClick={onInsertTemplate}>
            {activity.kind === "insertingTemplate" ? "Inserting the template…" : "Insert a blank template"}
          </Button>
        </div>
        <RangeTable ranges={ranges} />
      </div>
    );
  }

  return (
    <div className={pane.stack}>
      {problems.length === 0 && missingRequired.length === 0 ? (
        <MessageBar intent="success" tabIndex={-1} data-outcome="check">
          <MessageBarBody>
            <MessageBarTitle>Inputs complete.</MessageBarTitle>
            Every required range is present and no problems were found.
          </MessageBarBody>
        </MessageBar>
      ) : (
        <MessageBar intent="warning" layout="multiline" tabIndex={-1} data-outcome="check">
          <MessageBarBody>
            <MessageBarTitle>{headline(missingRequired.length, problems.length)}</MessageBarTitle>
            {problems.length > 0 ? (
              <ProblemList problems={problems} onSelect={onSelect} label="Problems found in the inputs" />
            ) : (
              "Add the missing ranges listed below, or insert a blank template in a new workbook to copy them from."
            )}
          </MessageBarBody>
        </MessageBar>
      )}
      <RangeTable ranges={ranges} />
      <Button disabled={busy} onClick={onCheckAgain}>
        {activity.kind === "checking" ? "Checking…" : "Check again"}
      </Button>
    </div>
  );
}

function RangeTable({ ranges }: { ranges: readonly InputRangeStatus[] }) {
  const styles = useStyles();
  return (
    <Table size="small" aria-label="Input ranges">
      <TableHeader>
        <TableRow>
          <TableHeaderCell>Input range</TableHeaderCell>
          <TableHeaderCell>Status</TableHeaderCell>
        </TableRow>
      </TableHeader>
      <TableBody>
        {ranges.map((range) => (
          <TableRow key={range.name}>
            <TableCell>
              <span className={styles.rangeName}>{range.name}</span>
              <span className={styles.purpose}>{range.purpose}</span>
            </TableCell>
            <TableCell>
              {range.location ? (
                <span className={styles.found}>{`Found at ${cellReference(range.location)}`}</span>
              ) : range.required ? (
                <span className={styles.missing}>Missing (required)</span>
              ) : (
                <span className={styles.optional}>Not present (optional)</span>
              )}
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}

function headline(missing: number, problems: number): string {
  const parts: string[] = [];
  if (missing > 0) parts.push(`${countOf(missing, "required range")} missing`);
  if (problems > 0) parts.push(`${countOf(problems, "problem")} in the inputs`);
  return `${parts.join(" and ")}.`;
}
