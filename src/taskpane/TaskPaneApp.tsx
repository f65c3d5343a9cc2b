import { FluentProvider, makeStaticStyles } from "@fluentui/react-components";
import { useMemo } from "react";
import { TaskPane } from "./components/TaskPane";
import { fluentTheme, type ThemeName } from "./officeTheme";
import { officeRiskAnalysisActions, type RiskAnalysisActions } from "./riskAnalysis/riskAnalysisActions";
import { addinSimulationRunner, type SimulationRunner } from "./riskAnalysis/simulationRunner";
import { useRiskAnalysis } from "./riskAnalysis/useRiskAnalysis";
import { useTaskPaneController } from "./useTaskPaneController";
import type { WorkbookActions } from "./workbookActions";

// The pane fills the page edge to edge, so the theme's background reaches the task pane's borders.
const usePageStyles = makeStaticStyles({ body: { margin: 0 } });

export interface TaskPaneAppProps {
  actions: WorkbookActions;
  theme: ThemeName;
  /** The Risk analysis panel's workbook calls and simulation runner; default: Office.js and a Web Worker. */
  riskAnalysis?: { actions: RiskAnalysisActions; runner: SimulationRunner };
}

/** Joins the controller (state and workbook calls) to the views, inside Fluent's theme. */
export function TaskPaneApp({ actions, theme, riskAnalysis }: TaskPaneAppProps) {
  usePageStyles();
  const { state, commands } = useTaskPaneController(actions);
  const risk = useMemo(
    () => riskAnalysis ?? { actions: officeRiskAnalysisActions(), runner: addinSimulationRunner() },
    [riskAnalysis],
  );
  const riskAnalysisPanel = useRiskAnalysis(risk.actions, risk.runner);
  return (
    <FluentProvider theme={fluentTheme(theme)} lang="en-GB">
      <TaskPane state={state} commands={commands} riskAnalysis={riskAnalysisPanel} />
    </FluentProvider>
  );
}
