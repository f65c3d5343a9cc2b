// Builds the add-in's one shared runtime page: taskpane.html loads office.js from Microsoft's CDN,
// then functions.js (the custom functions, registered with CustomFunctions.associate by the metadata
// plugin) and taskpane.js (the React task pane). Output: dist/ (dist/node/ belongs to `npm run build:node`).
const path = require("path");
const CopyWebpackPlugin = require("copy-webpack-plugin");
const CustomFunctionsMetadataPlugin = require("custom-functions-metadata-plugin");
const HtmlWebpackPlugin = require("html-webpack-plugin");

const functionsSource = path.resolve(__dirname, "src/functions/functions.ts");
const taskpaneSource = path.resolve(__dirname, "src/taskpane/index.tsx");
const defaultDevServerPort = 3000;

/**
 * HTTPS options for the dev server. office-addin-dev-certs creates a localhost certificate and, on
 * first use, installs its CA in the system trust store (Office only loads trusted HTTPS pages), so it
 * is required here, never at build time. `--env selfSignedCertificate` skips it and lets
 * webpack-dev-server make its own untrusted certificate (no trust store involved): enough for a
 * smoke test or a browser, not for Office.
 */
async function devServerHttpsOptions(selfSignedCertificate) {
  if (selfSignedCertificate) return undefined;
  const devCerts = require("office-addin-dev-certs");
  const { ca, key, cert } = await devCerts.getHttpsServerOptions();
  return { ca, key, cert };
}

module.exports = async (env = {}, argv = {}) => {
  const production = argv.mode === "production";
  const serving = Boolean(env.WEBPACK_SERVE);

  return {
    mode: production ? "production" : "development",
    devtool: "source-map",
    entry: {
      functions: functionsSource,
      // One page, one webpack runtime: the task pane reuses the modules functions.js already holds
      // (engine, decimal.js), so state shared between the pane and the functions exists once.
      taskpane: { import: taskpaneSource, dependOn: "functions" },
    },
    output: {
      path: path.resolve(__dirname, "dist"),
      filename: "[name].js",
      clean: { keep: /^node(\/|$)/ },
    },
    resolve: {
      extensions: [".ts", ".tsx", ".js"],
    },
    module: {
      rules: [
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          use: {
            loader: "ts-loader",
            // Type checking is `npm run typecheck`; the build only strips types.
            options: { transpileOnly: true, configFile: path.resolve(__dirname, "tsconfig.json") },
          },
        },
      ],
    },
    plugins: [
      new CustomFunctionsMetadataPlugin({ input: functionsSource, output: "functions.json" }),
      new HtmlWebpackPlugin({
        filename: "taskpane.html",
        template: path.resolve(__dirname, "src/taskpane/taskpane.html"),
        chunks: ["functions", "taskpane"],
        chunksSortMode: "manual",
        // Unminified so the office.js tag stays exactly as written for tests that swap it.
        minify: false,
      }),
      new CopyWebpackPlugin({
        patterns: [
          { from: path.resolve(__dirname, "assets"), to: "assets" },
          { from: path.resolve(__dirname, "manifest.xml"), to: "manifest.xml" },
        ],
      }),
    ],
    optimization: {
      // This webpack (5.112) also minifies HTML assets in production; taskpane.html stays as written.
      minimizeOptions: { html: false },
    },
    performance: {
      // Fluent UI makes the task pane large; warn only when a bundle grows past these budgets.
      hints: production ? "warning" : false,
      maxAssetSize: 1024 * 1024,
      maxEntrypointSize: 1536 * 1024,
    },
    devServer: serving
      ? {
          // Office loads the add-in from https://localhost:3000 only; do not expose it to the network.
          host: "localhost",
          port: Number(process.env.npm_package_config_dev_server_port) || defaultDevServerPort,
          server: { type: "https", options: await devServerHttpsOptions(Boolean(env.selfSignedCertificate)) },
          headers: { "Access-Control-Allow-Origin": "*" },
          static: false,
        }
      : undefined,
  };
};
