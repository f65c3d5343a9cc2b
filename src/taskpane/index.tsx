/**
 * The task pane's entry point: waits for Office, then mounts the pane over the open workbook with
 * the theme Excel is using. Office.js comes from the CDN (taskpane.html); tests swap it for a
 * simulated host.
 */
import { createRoot, type Root } from "react-dom/client";
import { officeWorkbookActions } from "./officeWorkbookActions";
import { currentOfficeTheme, themeNameFromOffice } from "./officeTheme";
import { TaskPaneApp } from "./TaskPaneApp";
import type { WorkbookActions } from "./workbookActions";

function mount(container: HTMLElement): void {
  const root: Root = createRoot(container);
  const actions: WorkbookActions = officeWorkbookActions();
  const draw = () =>
    root.render(<TaskPaneApp actions={actions} theme={themeNameFromOffice(currentOfficeTheme())} />);
  draw();
  followThemeChanges(draw);
}

/** Redraws when the user switches Office's theme, where the host reports it (Office on Windows does). */
function followThemeChanges(draw: () => void): void {
  try {
    const themeChanged = (Office.EventType as unknown as Record<string, Office.EventType | undefined>)[
      "OfficeThemeChanged"
    ];
    if (themeChanged && Office.context.document?.addHandlerAsync) {
      Office.context.document.addHandlerAsync(themeChanged, draw);
    }
  } catch {
    // Hosts without the event keep the theme the pane opened with.
  }
}

function explain(container: HTMLElement, message: string): void {
  container.textContent = message;
  container.setAttribute("role", "alert");
}

const container = document.getElementById("container");
if (container) {
  if (typeof Office === "undefined") {
    explain(
      container,
      "Office.js did not load. Open this add-in from Excel, with a connection to Microsoft's servers.",
    );
  } else {
    void Office.onReady((info) => {
      if (info.host !== Office.HostType.Excel) {
        explain(
          container,
          "Shared Services CBA runs inside Excel. Open it from the Home tab in an Excel workbook.",
        );
        return;
      }
      mount(container);
    });
  }
}
