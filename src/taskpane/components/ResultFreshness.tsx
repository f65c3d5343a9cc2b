import {
  Badge,
  Button,
  Caption1,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
  makeStyles,
} from "@fluentui/react-components";
import type { ResultStamp } from "../workbookActions";
import { usePaneStyles } from "./paneStyles";

/** Whether the figures shown still match the workbook's inputs, and how to bring them up to date. */
export interface ResultFreshness {
  stamp: ResultStamp | null;
  outOfDate: boolean;
  /** True while another workbook action runs. */
  refreshDisabled: boolean;
  onRefresh: () => void;
}

// Sections stack their parts in a column: the badge keeps its own width at the start of the row.
const useStyles = makeStyles({ badge: { alignSelf: "flex-start" } });

const refreshTime = new Intl.DateTimeFormat("en-GB", {
  dateStyle: "medium",
  timeStyle: "short",
  timeZone: "UTC",
});

/** "1 Apr 2026, 09:30 UTC": the refresh time as the provenance blocks record it, in UTC. */
function formatRefreshTime(iso: string): string {
  const time = new Date(iso);
  return Number.isNaN(time.getTime()) ? iso : `${refreshTime.format(time)} UTC`;
}

/**
 * Above the summary: when the inputs have changed since the refresh, an "Out of date" warning with
 * one button to refresh; otherwise a line saying which refresh the figures come from.
 */
export function ResultFreshnessNotice({ freshness }: { freshness: ResultFreshness }) {
  const pane = usePaneStyles();
  const { stamp, outOfDate } = freshness;
  if (!outOfDate) {
    return stamp ? (
      <Caption1
        className={pane.caption}
      >{`From the refresh of ${formatRefreshTime(stamp.refreshedAt)}.`}</Caption1>
    ) : null;
  }
  return (
    <MessageBar intent="warning" layout="multiline" aria-live="polite">
      <MessageBarBody>
        <MessageBarTitle>Out of date</MessageBarTitle>
        {stamp
          ? `An input has changed since these figures were computed (refresh of ${formatRefreshTime(stamp.refreshedAt)}).`
          : "An input has changed since these figures were computed."}
      </MessageBarBody>
      <MessageBarActions>
        <Button appearance="primary" disabled={freshness.refreshDisabled} onClick={freshness.onRefresh}>
          Refresh now
        </Button>
      </MessageBarActions>
    </MessageBar>
  );
}

/** Beside a section's heading while the summary is out of date. */
export function OutOfDateBadge({ outOfDate }: { outOfDate: boolean | undefined }) {
  const styles = useStyles();
  if (!outOfDate) return null;
  return (
    <Badge appearance="tint" color="warning" shape="rounded" className={styles.badge}>
      Out of date
    </Badge>
  );
}
