import js from "@eslint/js";
import tseslint from "typescript-eslint";
import reactHooks from "eslint-plugin-react-hooks";
import prettier from "eslint-config-prettier";
import globals from "globals";

/** Import patterns for other layers' folders, at any depth ("../workbook/x", "../../workbook/y/z"). */
const layers = (...names) => names.flatMap((name) => [`**/${name}`, `**/${name}/**`]);

export default tseslint.config(
  { ignores: ["dist/**", "out/**", "coverage/**", "test-results/**", "node_modules/**"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ["**/*.{ts,tsx}"],
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    plugins: { "react-hooks": reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_" }],
    },
  },
  {
    // no-floating-promises needs types; the project service reads tsconfig.json, for src only so
    // tests and config files stay on the fast untyped parse.
    files: ["src/**/*.{ts,tsx}"],
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: { "@typescript-eslint/no-floating-promises": "error" },
  },
  {
    // The engine is pure: only decimal.js and pure-rand, and nothing of another layer, at any depth.
    files: ["src/engine/**/*.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              group: layers("workbook", "taskpane", "functions", "cli"),
              message: "The engine imports only the engine.",
            },
            {
              regex: "^(?!\\.{1,2}/|decimal\\.js$|pure-rand(/|$))",
              message:
                "The engine is pure: decimal.js and pure-rand are its only packages (no Office, DOM, React or Node I/O).",
            },
          ],
        },
      ],
      "no-restricted-globals": ["error", "Office", "Excel", "document", "window", "CustomFunctions"],
    },
  },
  {
    // Custom functions are thin adapters over the engine.
    files: ["src/functions/**/*.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              group: layers("workbook", "taskpane", "cli"),
              message: "Custom functions import the engine only.",
            },
          ],
        },
      ],
    },
  },
  {
    // The workbook contract sits on the engine; the task pane, the CLI and the functions sit on it.
    files: ["src/workbook/**/*.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              group: layers("functions", "taskpane", "cli"),
              message: "The workbook layer imports the engine only.",
            },
          ],
        },
      ],
    },
  },
  {
    files: ["src/taskpane/**/*.{ts,tsx}"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              group: layers("functions", "cli"),
              message: "The task pane imports the workbook layer and the engine only.",
            },
          ],
        },
      ],
    },
  },
  {
    files: ["src/cli/**/*.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              group: layers("functions", "taskpane"),
              message: "The CLI imports the workbook layer and the engine only.",
            },
          ],
        },
      ],
    },
  },
  {
    files: ["**/*.js", "**/*.cjs", "**/*.mjs"],
    languageOptions: { globals: { ...globals.node }, sourceType: "commonjs" },
    rules: { "@typescript-eslint/no-require-imports": "off" },
  },
  prettier,
);
