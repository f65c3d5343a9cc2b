/**
 * Chooses the Fluent theme from Office's own theme, so the pane matches Excel's light or dark UI.
 * Office reports colours, not a name; a dark body background means a dark theme.
 */
import { webDarkTheme, webLightTheme, type Theme } from "@fluentui/react-components";

export type ThemeName = "light" | "dark";

/** The parts of `Office.context.officeTheme` the choice depends on (all optional: hosts differ). */
export interface OfficeThemeColours {
  bodyBackgroundColor?: string;
  isDarkTheme?: boolean;
}

/** "light" unless Office says, or its background colour shows, that the theme is dark. */
export function themeNameFromOffice(theme: OfficeThemeColours | undefined | null): ThemeName {
  if (!theme) return "light";
  if (typeof theme.isDarkTheme === "boolean") return theme.isDarkTheme ? "dark" : "light";
  const luminance = relativeLuminance(theme.bodyBackgroundColor);
  return luminance !== null && luminance < 0.5 ? "dark" : "light";
}

export function fluentTheme(name: ThemeName): Theme {
  return name === "dark" ? webDarkTheme : webLightTheme;
}

/** Reads Office's theme if the host exposes one (Excel on the web and Windows do; older hosts do not). */
export function currentOfficeTheme(): OfficeThemeColours | undefined {
  try {
    if (typeof Office === "undefined") return undefined;
    return Office.context?.officeTheme as OfficeThemeColours | undefined;
  } catch {
    // Reading officeTheme throws in hosts that do not support it.
    return undefined;
  }
}

/** Luminance 0 (black) to 1 (white) of "#rrggbb" or "#rgb"; null when unreadable. */
function relativeLuminance(colour: string | undefined): number | null {
  if (!colour) return null;
  const hex = colour.trim().replace(/^#/, "");
  const full = hex.length === 3 ? [...hex].map((c) => c + c).join("") : hex;
  if (!/^[0-9a-f]{6}$/i.test(full)) return null;
  const [r, g, b] = [0, 2, 4].map((i) => parseInt(full.slice(i, i + 2), 16) / 255) as [
    number,
    number,
    number,
  ];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}
