import {
  Button,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
  Tab,
  TabList,
  Subtitle1,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { useEffect, useRef, useState } from "react";
import { RiskAnalysisPanel } from "../riskAnalysis/RiskAnalysisPanel";
import type { RiskAnalysisCommands, RiskAnalysisState } from "../riskAnalysis/useRiskAnalysis";
import type { OutcomeTarget, TaskPaneCommands, TaskPaneState } from "../useTaskPaneController";
import { RefreshPanel } from "./RefreshPanel";
import { SettingsForm } from "./SettingsForm";
import { SummaryView } from "./SummaryView";
import { WorkbookCheckView } from "./WorkbookCheckView";

const useStyles = makeStyles({
  pane: {
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalM,
    padding: `${tokens.spacingVerticalM} ${tokens.spacingHorizontalM}`,
    minHeight: "100vh",
    boxSizing: "border-box",
    backgroundColor: tokens.colorNeutralBackground1,
    color: tokens.colorNeutralForeground1,
  },
  title: { margin: 0 },
  // The first tab's text lines up with the heading, which also gives the four tabs room to fit;
  // should they still not fit (a larger font), they wrap to a second row rather than scroll sideways.
  tabs: {
    marginLeft: `calc(${tokens.spacingHorizontalXXS} * -1)`,
    marginRight: `calc(${tokens.spacingHorizontalXXS} * -1)`,
    flexWrap: "wrap",
  },
  // Small tabs are padded 6 px a side, which leaves four of them 26 px too wide for a 320 px pane.
  tab: { paddingLeft: tokens.spacingHorizontalXXS, paddingRight: tokens.spacingHorizontalXXS },
  tabPanel: { paddingTop: tokens.spacingVerticalXS },
});

export type TaskPaneTab = "workbook" | "summary" | "risk" | "settings";

const tabLabels: Record<TaskPaneTab, string> = {
  workbook: "Workbook",
  summary: "Summary",
  risk: "Risk analysis",
  settings: "Settings",
};

export interface TaskPaneProps {
  state: TaskPaneState;
  commands: TaskPaneCommands;
  /** The Risk analysis panel's state, kept above the tabs so a run survives switching tab. */
  riskAnalysis?: { state: RiskAnalysisState; commands: RiskAnalysisCommands };
}

/**
 * Where each outcome is shown: a message marked `data-outcome` (focusable by script only,
 * `tabIndex={-1}`), or for settings refused, the first field in error.
 */
const outcomeSelectors: Record<OutcomeTarget, string> = {
  check: '[data-outcome="check"]',
  refresh: '[data-outcome="refresh"]',
  notice: '[data-outcome="notice"]',
  failure: '[data-outcome="failure"]',
  settingsErrors: 'form[aria-label="Case settings"] [aria-invalid="true"]',
};

/** The whole pane laid out from state; it holds no workbook state of its own, only which tab is open. */
export function TaskPane({ state, commands, riskAnalysis }: TaskPaneProps) {
  const styles = useStyles();
  const [tab, setTab] = useState<TaskPaneTab>("workbook");
  const busy = state.activity.kind !== "idle";
  const main = useRef<HTMLElement>(null);

  // After every action, the message saying how it went takes the focus (see OutcomeTarget).
  const focusRequest = state.focus?.request;
  const focusTarget = state.focus?.target;
  useEffect(() => {
    if (focusTarget === undefined) return;
    main.current?.querySelector<HTMLElement>(outcomeSelectors[focusTarget])?.focus();
  }, [focusRequest, focusTarget]);

  return (
    <main className={styles.pane} ref={main}>
      <Subtitle1 as="h1" className={styles.title}>
        Shared services business case
      </Subtitle1>

      {state.failure && (
        <MessageBar intent="error" layout="multiline" role="alert" tabIndex={-1} data-outcome="failure">
          <MessageBarBody>
            <MessageBarTitle>{state.failure.title}.</MessageBarTitle>
            {state.failure.message}
          </MessageBarBody>
          <MessageBarActions
            containerAction={
              <Button
                appearance="transparent"
                aria-label="Dismiss the error"
                onClick={commands.dismissFailure}
              >
                ×
              </Button>
            }
          />
        </MessageBar>
      )}

      <RefreshPanel
        activity={state.activity}
        lastRefresh={state.lastRefresh}
        onRefresh={(section) => void commands.refresh(section)}
        valuesOnly={state.valuesOnly}
        onValuesOnlyChange={commands.setValuesOnly}
        onSelect={(location) => void commands.select(location)}
      />

      {state.notice && (
        <MessageBar intent="info" layout="multiline" tabIndex={-1} data-outcome="notice">
          <MessageBarBody>{state.notice}</MessageBarBody>
        </MessageBar>
      )}

      <TabList
        // Small tabs: four of them must fit a task pane 320 pixels wide.
        size="small"
        className={styles.tabs}
        selectedValue={tab}
        onTabSelect={(_, data) => setTab(data.value as TaskPaneTab)}
        aria-label="Task pane sections"
      >
        {(Object.keys(tabLabels) as TaskPaneTab[])
          .filter((value) => value !== "risk" || riskAnalysis)
          .map((value) => (
            <Tab
              key={value}
              value={value}
              id={`tab-${value}`}
              aria-controls={`panel-${value}`}
              className={styles.tab}
            >
              {tabLabels[value]}
            </Tab>
          ))}
      </TabList>

      <div role="tabpanel" id={`panel-${tab}`} aria-labelledby={`tab-${tab}`} className={styles.tabPanel}>
        {tab === "workbook" && (
          <WorkbookCheckView
            inspection={state.inspection}
            activity={state.activity}
            onInsertExample={(example) => void commands.insertExample(example)}
            onInsertTemplate={() => void commands.insertTemplate()}
            onCheckAgain={() => void commands.checkWorkbook()}
            onSelect={(location) => void commands.select(location)}
          />
        )}
        {tab === "summary" && (
          <SummaryView
            summary={state.summary}
            freshness={{
              stamp: state.summaryStamp,
              outOfDate: state.summaryOutOfDate,
              refreshDisabled: busy,
              onRefresh: () => void commands.refresh("all"),
            }}
          />
        )}
        {tab === "risk" && riskAnalysis && (
          <RiskAnalysisPanel
            state={riskAnalysis.state}
            paneBusy={busy}
            onEdit={riskAnalysis.commands.edit}
            onRun={() => void riskAnalysis.commands.run()}
            onCancel={riskAnalysis.commands.cancel}
            onSelect={(location) => void commands.select(location)}
          />
        )}
        {tab === "settings" &&
          (state.settingsDraft ? (
            <SettingsForm
              draft={state.settingsDraft}
              errors={state.settingsErrors}
              disabled={busy}
              onChange={commands.editSettings}
              onSave={() => void commands.saveSettings()}
              onReset={commands.resetSettings}
            />
          ) : (
            <p>The settings appear once the workbook has been checked.</p>
          ))}
      </div>
    </main>
  );
}
