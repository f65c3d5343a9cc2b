import * as fs from "fs";
import * as path from "path";
import { Money, sum, type Money as MoneyValue } from "../../src/engine/money";
import { checkHeadlines, checkPercentages, checkTableTotals } from "../../src/engine/reconciliation";
import { sharesFromBases } from "../../src/engine/shares";

interface ClusterRow {
  cluster: string;
  net: number;
  share: number;
  min: number | null;
  max: number | null;
  min_pct: number | null;
  max_pct: number | null;
}

interface DarlingtonGolden {
  rows: ClusterRow[];
  totals: { net: number; share: number; min: number; max: number; min_pct: number; max_pct: number };
  rules: string;
  source_inconsistency: string;
}

// CI checks the shared folder out beside the repository.
const goldenPath = path.resolve(__dirname, "../../../shared/golden/darlington.json");
const golden = JSON.parse(fs.readFileSync(goldenPath, "utf8")) as DarlingtonGolden;
const { rows, totals } = golden;

/** Percent to the given decimals, halves away from zero as the document's Excel did. */
function percent(part: MoneyValue | number, base: MoneyValue | number, decimals: number): MoneyValue {
  return new Money(part).div(base).times(100).toDecimalPlaces(decimals, Money.ROUND_HALF_UP);
}

/** A figure from the prose as a number, e.g. "22,500,000" or "14.4". */
function figure(text: string | undefined): MoneyValue {
  if (text === undefined) throw new Error("figure not found in the golden text");
  return new Money(text.replace(/,/g, ""));
}

/** Decimal places a figure is printed to in the prose ("14.4" → 1). */
function printedDecimals(text: string | undefined): number {
  return text?.split(".")[1]?.length ?? 0;
}

function match(text: string, pattern: RegExp): RegExpMatchArray {
  const found = text.match(pattern);
  if (found === null) throw new Error(`golden text does not match ${pattern}`);
  return found;
}

const savingRows = rows.filter(
  (row): row is ClusterRow & { min: number; max: number; min_pct: number; max_pct: number } =>
    row.min !== null && row.max !== null && row.min_pct !== null && row.max_pct !== null,
);
const totalNet = sum(rows.map((row) => new Money(row.net)));
const totalMin = sum(savingRows.map((row) => new Money(row.min)));
const totalMax = sum(savingRows.map((row) => new Money(row.max)));

describe("Darlington and Hartlepool savings by service cluster (section 2.4)", () => {
  it("has six clusters with savings and one out-of-scope line without", () => {
    expect(rows).toHaveLength(7);
    expect(savingRows).toHaveLength(6);
  });

  it("reproduces each cluster's share of the total net budget in whole percent", () => {
    const shares = sharesFromBases(
      rows.map((row) => row.net),
      { decimals: 0, subject: "combined net budgets" },
    );
    const computed = shares.applied.map((share) => share.times(100).toNumber());
    expect(computed).toEqual(rows.map((row) => row.share));
    expect(sum(shares.applied).times(100).toNumber()).toBe(totals.share);
  });

  it("finds every printed share follows from its net budget at whole percent", () => {
    const printed = rows.map((row) => ({
      location: `${row.cluster}, share`,
      part: row.net,
      base: totalNet,
      shown: row.share,
    }));
    expect(checkPercentages(printed, { decimals: 0 })).toEqual([]);
  });

  it.each(savingRows.map((row) => [row.cluster, row] as const))(
    "reproduces the min and max saving %% of '%s' to one decimal",
    (_cluster, row) => {
      expect(percent(row.min, row.net, 1).toNumber()).toBe(row.min_pct);
      expect(percent(row.max, row.net, 1).toNumber()).toBe(row.max_pct);
    },
  );

  it("reproduces the totals: net budgets, minimum and maximum savings", () => {
    expect(totalNet.toNumber()).toBe(totals.net);
    expect(totalMin.toNumber()).toBe(totals.min);
    expect(totalMax.toNumber()).toBe(totals.max);
  });

  it("finds the table's column totals foot, with the out-of-scope line not quantified", () => {
    const findings = checkTableTotals({
      rowLabels: rows.map((row) => row.cluster),
      columnLabels: ["Combined net budget", "Saving min", "Saving max"],
      cells: rows.map((row) => [row.net, row.min, row.max]),
      columnTotals: [totals.net, totals.min, totals.max],
    });
    expect(findings).toEqual([]);
  });

  it("reproduces the total row's percentages over the total net budget including out-of-scope spend", () => {
    expect(percent(totalMin, totalNet, 1).toNumber()).toBe(totals.min_pct);
    expect(percent(totalMax, totalNet, 1).toNumber()).toBe(totals.max_pct);
  });

  it("finds every printed saving percentage follows from its base", () => {
    const printed = [
      ...savingRows.flatMap((row) => [
        { location: `${row.cluster}, min %`, part: row.min, base: row.net, shown: row.min_pct },
        { location: `${row.cluster}, max %`, part: row.max, base: row.net, shown: row.max_pct },
      ]),
      { location: "Totals, min %", part: totals.min, base: totals.net, shown: totals.min_pct },
      { location: "Totals, max %", part: totals.max, base: totals.net, shown: totals.max_pct },
    ];
    expect(checkPercentages(printed, { decimals: 1 })).toEqual([]);
  });

  it("reproduces the funding-deficit coverage figures stated in the rules", () => {
    const [, deficitText, deficitShareText] = match(golden.rules, /Funding deficit ([\d,]+) = c([\d.]+)%/);
    const [, minCoverText, maxCoverText] = match(
      golden.rules,
      /cover ([\d.]+)% \(min\) to ([\d.]+)% \(max\)/,
    );
    const deficit = figure(deficitText);
    expect(percent(deficit, totalNet, printedDecimals(deficitShareText)).eq(figure(deficitShareText))).toBe(
      true,
    );
    expect(percent(totalMin, deficit, printedDecimals(minCoverText)).eq(figure(minCoverText))).toBe(true);
    expect(percent(totalMax, deficit, printedDecimals(maxCoverText)).eq(figure(maxCoverText))).toBe(true);
  });
});

describe("Darlington headline versus table (the source inconsistency)", () => {
  const [, minHeadlineText, maxHeadlineText] = match(
    golden.source_inconsistency,
    /says ([\d.]+)% and ([\d.]+)%/,
  );
  const [, minMillionsText, maxMillionsText] = match(
    golden.source_inconsistency,
    /rounded ([\d.]+)m and ([\d.]+)m/,
  );
  const [, inScopeText] = match(golden.source_inconsistency, /\(([\d,]+)\)/);

  it("flags the text's 3.6% and 5.7% against the table's total row", () => {
    const findings = checkHeadlines([
      {
        location: "Section 2.4 text, minimum saving % of net budget",
        headline: figure(minHeadlineText),
        decimals: printedDecimals(minHeadlineText),
        table: totals.min_pct,
        tableLocation: "Totals, min %",
        suffix: "%",
      },
      {
        location: "Section 2.4 text, maximum saving % of net budget",
        headline: figure(maxHeadlineText),
        decimals: printedDecimals(maxHeadlineText),
        table: totals.max_pct,
        tableLocation: "Totals, max %",
        suffix: "%",
      },
    ]);
    expect(findings.map((f) => [f.check, f.found.toNumber(), f.expected.toNumber()])).toEqual([
      ["headlineEqualsTable", figure(minHeadlineText).toNumber(), totals.min_pct],
      ["headlineEqualsTable", figure(maxHeadlineText).toNumber(), totals.max_pct],
    ]);
    expect(findings[0]?.message).toContain(`says ${minHeadlineText}%`);
    expect(findings[0]?.message).toContain(`gives ${totals.min_pct.toFixed(1)}%`);
  });

  it("flags them against the percentages computed from the table's own totals too", () => {
    const findings = checkHeadlines([
      {
        location: "min",
        headline: figure(minHeadlineText),
        decimals: 1,
        table: totalMin.div(totalNet).times(100),
      },
      {
        location: "max",
        headline: figure(maxHeadlineText),
        decimals: 1,
        table: totalMax.div(totalNet).times(100),
      },
    ]);
    expect(findings.map((f) => f.location)).toEqual(["min", "max"]);
  });

  it("accepts the text's £5.4m and £8.4m as the table's totals at one decimal of a million", () => {
    expect(
      checkHeadlines([
        {
          location: "£m min",
          headline: figure(minMillionsText),
          decimals: 1,
          table: totals.min,
          unit: 1e6,
          suffix: "m",
        },
        {
          location: "£m max",
          headline: figure(maxMillionsText),
          decimals: 1,
          table: totals.max,
          unit: 1e6,
          suffix: "m",
        },
      ]),
    ).toEqual([]);
  });

  it("explains the slip: rounded millions over the in-scope budget give the text's percentages", () => {
    const outOfScope = rows.filter((row) => row.min === null).map((row) => new Money(row.net));
    const inScope = totalNet.minus(sum(outOfScope));
    expect(inScope.eq(figure(inScopeText))).toBe(true);
    const millions = (text: string | undefined) => figure(text).times(1e6);
    expect(percent(millions(minMillionsText), inScope, 1).eq(figure(minHeadlineText))).toBe(true);
    expect(percent(millions(maxMillionsText), inScope, 1).eq(figure(maxHeadlineText))).toBe(true);
  });
});
