/** @jest-environment jsdom */
import "@testing-library/jest-dom";
import "./jsdomTestSetup";
import { webDarkTheme, webLightTheme } from "@fluentui/react-components";
import { render, screen } from "@testing-library/react";
import { fluentTheme, themeNameFromOffice } from "../../src/taskpane/officeTheme";
import { TaskPaneApp } from "../../src/taskpane/TaskPaneApp";
import { FakeWorkbookActions } from "./fakeWorkbookActions";

describe("following Office's theme", () => {
  test.each([
    [{ bodyBackgroundColor: "#1f1f1f" }, "dark"],
    [{ bodyBackgroundColor: "#262626" }, "dark"],
    [{ bodyBackgroundColor: "#FFFFFF" }, "light"],
    [{ bodyBackgroundColor: "#fff" }, "light"],
    [{ bodyBackgroundColor: "#e6e6e6" }, "light"],
    [{ isDarkTheme: true, bodyBackgroundColor: "#ffffff" }, "dark"],
    [{ bodyBackgroundColor: "not a colour" }, "light"],
    [undefined, "light"],
  ])("Office theme %p gives the %s theme", (officeTheme, expected) => {
    expect(themeNameFromOffice(officeTheme)).toBe(expected);
  });

  test("the names map to Fluent's web themes", () => {
    expect(fluentTheme("dark")).toBe(webDarkTheme);
    expect(fluentTheme("light")).toBe(webLightTheme);
  });

  test("the pane is drawn with the dark theme's background when Office is dark", async () => {
    render(<TaskPaneApp actions={new FakeWorkbookActions()} theme="dark" />);
    await screen.findByText("Inputs complete.");
    // Fluent publishes the theme as CSS variables on the provider; the dark background is its own.
    const provider = screen.getByRole("main").closest(".fui-FluentProvider") as HTMLElement;
    const variables = [...document.styleSheets]
      .flatMap((sheet) => [...sheet.cssRules].map((rule) => rule.cssText))
      .join("\n");
    expect(provider).toBeInTheDocument();
    expect(variables).toContain(`--colorNeutralBackground1: ${webDarkTheme.colorNeutralBackground1}`);
    expect(variables).not.toContain(`--colorNeutralBackground1: ${webLightTheme.colorNeutralBackground1}`);
  });
});
