import { FluentProvider, makeStaticStyles } from "@fluentui/react-components";
import { TaskPane } from "./components/TaskPane";
import { fluentTheme, type ThemeName } from "./officeTheme";
import { useTaskPaneController } from "./useTaskPaneController";
import type { WorkbookActions } from "./workbookActions";

// The pane fills the page edge to edge, so the theme's background reaches the task pane's borders.
const usePageStyles = makeStaticStyles({ body: { margin: 0 } });

export interface TaskPaneAppProps {
  actions: WorkbookActions;
  theme: ThemeName;
}

/** Joins the controller (state and workbook calls) to the views, inside Fluent's theme. */
export function TaskPaneApp({ actions, theme }: TaskPaneAppProps) {
  usePageStyles();
  const { state, commands } = useTaskPaneController(actions);
  return (
    <FluentProvider theme={fluentTheme(theme)} lang="en-GB">
      <TaskPane state={state} commands={commands} />
    </FluentProvider>
  );
}
