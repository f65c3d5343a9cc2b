import { readFileSync } from "node:fs";
import path from "node:path";
import {
  generateCustomFunctionsMetadata,
  type IFunction,
  type IGenerateResult,
} from "custom-functions-metadata";
import * as customFunctions from "../../src/functions/functions";

/**
 * functions.json is generated from the JSDoc in src/functions/functions.ts by the same package the
 * build's metadata plugin uses. Excel refuses to install *all* the functions when one entry is
 * wrong, so the generated metadata is pinned here: any change to a name, a parameter's type or
 * shape, an optional flag or a description shows up as a difference to review.
 */
const source = path.resolve(__dirname, "../../src/functions/functions.ts");
const expected = JSON.parse(
  readFileSync(path.resolve(__dirname, "expectedFunctionsMetadata.json"), "utf8"),
) as {
  functions: IFunction[];
};

let generated: IGenerateResult;
let functions: IFunction[];

beforeAll(async () => {
  generated = await generateCustomFunctionsMetadata(source, false);
  functions = (JSON.parse(generated.metadataJson || "{}") as { functions?: IFunction[] }).functions ?? [];
});

test("the metadata generator reports no errors", () => {
  expect(generated.errors).toEqual([]);
});

test("the generated metadata matches the reviewed expectation exactly", () => {
  expect(JSON.parse(generated.metadataJson)).toEqual(expected);
});

test("ids and names are the CBA function names, one each, in upper case", () => {
  const ids = functions.map((f) => f.id);
  expect(ids).toEqual([
    "SHARES",
    "APPORTION",
    "NPV",
    "PRESENTVALUES",
    "DISCOUNTFACTORS",
    "GREENBOOKRATES",
    "IRR",
    "PAYBACK",
    "ROI",
    "BENEFITMULTIPLE",
    "BCR",
    "YEARSTORECOVER",
    "PHASE",
    "SCENARIO",
    "SWITCHINGVALUE",
    "PAYBACKDELAY",
    "NPVPERCENTILES",
    "RISKSCORE",
    "RISKBAND",
    "CHECKTOTAL",
    "CHECKHEADLINE",
    "OPTIMISMBIAS",
    "OPTIMISMBIASRATE",
    "OPTIMISMBIASGRADE",
    "DRIVER",
    "ADDITIONALITY",
    "REALTONOMINAL",
    "NOMINALTOREAL",
    "HEALTHDISCOUNTRATES",
    "LOANREPAYMENTS",
    "FUNDINGGAP",
    "BENEFICIARYSPLIT",
  ]);
  functions.forEach((f) => expect(f.name).toBe(f.id));
});

test("every exported function is registered under its id, and every registration names an export", () => {
  const exported = Object.entries(customFunctions)
    .filter(([, value]) => typeof value === "function")
    .map(([name]) => name)
    .sort();
  expect(generated.associate.map((a) => a.functionName).sort()).toEqual(exported);
  generated.associate.forEach((a) => expect(a.sourceFileName).toBe(source));
});

test("no optional parameter is followed by a required one, and nothing repeats", () => {
  for (const f of functions) {
    const firstOptional = f.parameters.findIndex((p) => p.optional);
    if (firstOptional >= 0) expect(f.parameters.slice(firstOptional).every((p) => p.optional)).toBe(true);
    expect(f.parameters.some((p) => p.repeating)).toBe(false);
  }
});

test("every function and parameter has a description Excel can show in full (at most 255 characters)", () => {
  for (const f of functions) {
    expect(f.description?.length).toBeGreaterThan(10);
    expect(f.description!.length).toBeLessThanOrEqual(255);
    for (const p of f.parameters) {
      expect(p.description?.length).toBeGreaterThan(10);
      expect(p.description!.length).toBeLessThanOrEqual(255);
    }
  }
});

test("ranges are matrices of any values, so the functions see text and blanks and can name them", () => {
  const rangeParameters = functions.flatMap((f) => f.parameters.filter((p) => p.dimensionality === "matrix"));
  expect(rangeParameters.length).toBeGreaterThan(15);
  rangeParameters.forEach((p) => expect(p.type).toBe("any"));
});

test("functions that spill declare a matrix result; single answers declare a number", () => {
  const byId = new Map(functions.map((f) => [f.id, f]));
  for (const id of [
    "SHARES",
    "APPORTION",
    "PRESENTVALUES",
    "DISCOUNTFACTORS",
    "GREENBOOKRATES",
    "PHASE",
    "SCENARIO",
    "NPVPERCENTILES",
    "RISKSCORE",
    "RISKBAND",
    "OPTIMISMBIAS",
    "DRIVER",
    "ADDITIONALITY",
    "REALTONOMINAL",
    "NOMINALTOREAL",
    "HEALTHDISCOUNTRATES",
    "LOANREPAYMENTS",
    "FUNDINGGAP",
    "BENEFICIARYSPLIT",
  ]) {
    expect(byId.get(id)?.result?.dimensionality).toBe("matrix");
  }
  for (const id of [
    "NPV",
    "IRR",
    "PAYBACK",
    "ROI",
    "BENEFITMULTIPLE",
    "BCR",
    "YEARSTORECOVER",
    "SWITCHINGVALUE",
    "PAYBACKDELAY",
    "OPTIMISMBIASRATE",
    "OPTIMISMBIASGRADE",
  ]) {
    expect(byId.get(id)?.result).toEqual({ type: "number" });
  }
});
