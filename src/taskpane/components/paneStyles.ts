import { makeStyles, tokens } from "@fluentui/react-components";

/** Layout and figure-table styles the pane's views share, so every tab is spaced and aligned alike. */
export const usePaneStyles = makeStyles({
  /** A view or panel: its parts one above the other. */
  stack: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalM },
  /** A form or group of actions: closer than the parts of a view. */
  closeStack: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalS },
  heading: { margin: 0 },
  caption: { color: tokens.colorNeutralForeground3 },
  // The pane is about 320 px wide: a label column and three or four figures must fit without scrolling.
  // With many cases (Northshire has five) fixed columns share the width and long case names wrap.
  table: { tableLayout: "fixed", width: "100%" },
  cell: {
    paddingLeft: tokens.spacingHorizontalXS,
    paddingRight: tokens.spacingHorizontalXS,
    overflowWrap: "anywhere",
    whiteSpace: "normal",
  },
  figure: { textAlign: "right", fontVariantNumeric: "tabular-nums", whiteSpace: "nowrap" },
  headerEnd: { justifyContent: "flex-end", textAlign: "right" },
  /** A bulleted list indented only as far as its bullets need. */
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
});
