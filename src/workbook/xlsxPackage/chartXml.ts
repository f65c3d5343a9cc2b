/**
 * A chart part (`xl/charts/chartN.xml`, DrawingML's `c:chartSpace`) for one chart of a write
 * plan, written from ECMA-376 Part 1 §21.2: line, clustered column, clustered bar and X–Y scatter
 * with lines. Series point at the sheet's cells by formula and carry the values as a cache, so
 * Excel and LibreOffice draw the chart on opening without recalculating.
 */
import type { ChartDefinition, ChartSeries, SeriesReference } from "./chartSeries";
import { escapeXml } from "./xmlText";

export const chartNamespace = "http://schemas.openxmlformats.org/drawingml/2006/chart";
export const drawingMainNamespace = "http://schemas.openxmlformats.org/drawingml/2006/main";
export const relationshipsNamespace = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

/** The two axes every chart here has: categories (or X values) and values. */
const categoryAxisId = 100;
const valueAxisId = 200;

/**
 * The chart part's XML.
 *
 * @example
 * chartXml({ kind: "columnClustered", title: "NPV by scenario", anchor: { row: 1, column: 5 }, series: [...] })
 * // → '<?xml version="1.0" …?><c:chartSpace …><c:chart><c:title>…<c:barChart><c:barDir val="col"/>…'
 */
export function chartXml(chart: ChartDefinition): string {
  return [
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>',
    `<c:chartSpace xmlns:c="${chartNamespace}" xmlns:a="${drawingMainNamespace}" xmlns:r="${relationshipsNamespace}">`,
    '<c:roundedCorners val="0"/>',
    "<c:chart>",
    titleXml(chart.title),
    '<c:autoTitleDeleted val="0"/>',
    "<c:plotArea><c:layout/>",
    plotXml(chart),
    axesXml(chart),
    "</c:plotArea>",
    // One series names itself in the title; a legend only repeats it.
    chart.series.length > 1 ? '<c:legend><c:legendPos val="b"/><c:overlay val="0"/></c:legend>' : "",
    '<c:plotVisOnly val="1"/>',
    '<c:dispBlanksAs val="gap"/>',
    "</c:chart>",
    "</c:chartSpace>",
  ].join("");
}

function titleXml(title: string): string {
  return (
    "<c:title><c:tx><c:rich><a:bodyPr/><a:lstStyle/>" +
    '<a:p><a:pPr><a:defRPr sz="1200" b="1"/></a:pPr>' +
    `<a:r><a:rPr lang="en-GB" sz="1200" b="1"/><a:t>${escapeXml(title)}</a:t></a:r></a:p>` +
    '</c:rich></c:tx><c:overlay val="0"/></c:title>'
  );
}

function plotXml(chart: ChartDefinition): string {
  const axisIds = `<c:axId val="${categoryAxisId}"/><c:axId val="${valueAxisId}"/>`;
  const series = (body: (series: ChartSeries, index: number) => string) =>
    chart.series.map((s, index) => `<c:ser>${body(s, index)}</c:ser>`).join("");
  const head = (s: ChartSeries, index: number) =>
    `<c:idx val="${index}"/><c:order val="${index}"/><c:tx>${strRef(s.name)}</c:tx>`;
  switch (chart.kind) {
    case "line":
      return (
        '<c:lineChart><c:grouping val="standard"/><c:varyColors val="0"/>' +
        series(
          (s, i) =>
            `${head(s, i)}<c:spPr><a:ln w="28575" cap="rnd"><a:round/></a:ln></c:spPr>` +
            '<c:marker><c:symbol val="none"/></c:marker>' +
            `<c:cat>${labelRef(s.categories)}</c:cat><c:val>${numRef(s.values)}</c:val><c:smooth val="0"/>`,
        ) +
        `<c:marker val="1"/>${axisIds}</c:lineChart>`
      );
    case "columnClustered":
    case "barClustered":
      return (
        `<c:barChart><c:barDir val="${chart.kind === "barClustered" ? "bar" : "col"}"/>` +
        '<c:grouping val="clustered"/><c:varyColors val="0"/>' +
        series(
          (s, i) =>
            `${head(s, i)}<c:invertIfNegative val="0"/>` +
            `<c:cat>${labelRef(s.categories)}</c:cat><c:val>${numRef(s.values)}</c:val>`,
        ) +
        `<c:gapWidth val="150"/>${axisIds}</c:barChart>`
      );
    case "scatterLines":
      return (
        '<c:scatterChart><c:scatterStyle val="lineMarker"/><c:varyColors val="0"/>' +
        series((s, i) => {
          // The first series is the curve, drawn as a plain line; later ones (drop lines, marks)
          // are dashed with a marker at each point.
          const style =
            i === 0
              ? '<c:spPr><a:ln w="28575" cap="rnd"><a:round/></a:ln></c:spPr><c:marker><c:symbol val="none"/></c:marker>'
              : '<c:spPr><a:ln w="15875"><a:prstDash val="dash"/></a:ln></c:spPr><c:marker><c:symbol val="circle"/><c:size val="6"/></c:marker>';
          return (
            `${head(s, i)}${style}` +
            `<c:xVal>${labelRef(s.categories)}</c:xVal><c:yVal>${numRef(s.values)}</c:yVal><c:smooth val="0"/>`
          );
        }) +
        `${axisIds}</c:scatterChart>`
      );
  }
}

function axesXml(chart: ChartDefinition): string {
  const horizontal = chart.kind === "barClustered";
  const categoryPosition = horizontal ? "l" : "b";
  const valuePosition = horizontal ? "b" : "l";
  const gridlines = "<c:majorGridlines/>";
  // Axes show the format of the cells they plot, e.g. "#,##0;(#,##0)" for amounts.
  const linked = `<c:numFmt formatCode="${escapeXml(chart.series[0]?.values.formatCode ?? "General")}" sourceLinked="1"/>`;
  // Labels "low" keep category names at the edge of the plot when values fall below zero.
  const valueAxis = (
    id: number,
    crossAxis: number,
    position: string,
    grid: string,
    extra = "",
    format = linked,
  ) =>
    `<c:valAx><c:axId val="${id}"/><c:scaling><c:orientation val="minMax"/>${extra}</c:scaling>` +
    `<c:delete val="0"/><c:axPos val="${position}"/>${grid}${format}` +
    '<c:majorTickMark val="out"/><c:minorTickMark val="none"/>' +
    `<c:tickLblPos val="low"/><c:crossAx val="${crossAxis}"/><c:crosses val="autoZero"/>` +
    `<c:crossBetween val="${chart.kind === "scatterLines" ? "midCat" : "between"}"/></c:valAx>`;
  if (chart.kind === "scatterLines") {
    // Shares of trials run from 0 to 1 whatever the data.
    return (
      valueAxis(
        categoryAxisId,
        valueAxisId,
        "b",
        "",
        "",
        `<c:numFmt formatCode="${escapeXml(chart.series[0]?.categories.formatCode ?? "General")}" sourceLinked="1"/>`,
      ) +
      valueAxis(
        valueAxisId,
        categoryAxisId,
        "l",
        gridlines,
        '<c:max val="1"/><c:min val="0"/>',
        '<c:numFmt formatCode="0%" sourceLinked="0"/>',
      )
    );
  }
  return (
    `<c:catAx><c:axId val="${categoryAxisId}"/><c:scaling><c:orientation val="minMax"/></c:scaling>` +
    `<c:delete val="0"/><c:axPos val="${categoryPosition}"/>` +
    '<c:numFmt formatCode="General" sourceLinked="1"/><c:majorTickMark val="out"/><c:minorTickMark val="none"/>' +
    `<c:tickLblPos val="low"/><c:crossAx val="${valueAxisId}"/><c:crosses val="autoZero"/>` +
    '<c:auto val="1"/><c:lblAlgn val="ctr"/><c:lblOffset val="100"/><c:noMultiLvlLbl val="0"/></c:catAx>' +
    valueAxis(valueAxisId, categoryAxisId, valuePosition, gridlines)
  );
}

function labelRef(reference: SeriesReference & { numeric: boolean }): string {
  return reference.numeric ? numRef(reference) : strRef(reference);
}

function strRef(reference: SeriesReference): string {
  const points = reference.cache
    .map((value, index) =>
      value === null ? "" : `<c:pt idx="${index}"><c:v>${escapeXml(String(value))}</c:v></c:pt>`,
    )
    .join("");
  return (
    `<c:strRef><c:f>${escapeXml(reference.formula)}</c:f>` +
    `<c:strCache><c:ptCount val="${reference.cache.length}"/>${points}</c:strCache></c:strRef>`
  );
}

function numRef(reference: SeriesReference): string {
  const points = reference.cache
    .map((value, index) =>
      typeof value === "number" ? `<c:pt idx="${index}"><c:v>${numberText(value)}</c:v></c:pt>` : "",
    )
    .join("");
  return (
    `<c:numRef><c:f>${escapeXml(reference.formula)}</c:f>` +
    `<c:numCache><c:formatCode>${escapeXml(reference.formatCode)}</c:formatCode><c:ptCount val="${reference.cache.length}"/>${points}</c:numCache></c:numRef>`
  );
}

/** Shortest text that reads back as the same double (the plan never holds NaN or Infinity). */
function numberText(value: number): string {
  return Object.is(value, -0) ? "0" : String(value);
}
