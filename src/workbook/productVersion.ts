/**
 * The product's version as package.json gives it, stamped on every result sheet. Kept as a
 * constant so the add-in bundle, the runner and the tests all see the same value without reading
 * files; test/workbook/provenanceBlock.test.ts fails when it and package.json disagree.
 */
export const productVersion = "0.1.0";
