/**
 * A sheet's drawing part (`xl/drawings/drawingN.xml`, SpreadsheetML drawing `xdr:wsDr`) holding
 * one graphic frame per chart, and its relationships to the chart parts (ECMA-376 Part 1 §20.5).
 */
import { chartNamespace, drawingMainNamespace, relationshipsNamespace } from "./chartXml";
import { escapeXml } from "./xmlText";

const spreadsheetDrawingNamespace = "http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing";
export const packageRelationshipsNamespace = "http://schemas.openxmlformats.org/package/2006/relationships";
export const chartRelationshipType = `${relationshipsNamespace}/chart`;
export const drawingRelationshipType = `${relationshipsNamespace}/drawing`;

/** A cell corner 0-based as DrawingML counts (column 0 = A), with an offset into it in EMU. */
export interface AnchorCell {
  column: number;
  row: number;
  columnOffset?: number;
  rowOffset?: number;
}

export interface ChartFrame {
  from: AnchorCell;
  to: AnchorCell;
  /** Shown as the chart's name and read out as its alternative text. */
  title: string;
  /** The drawing relationship pointing at the chart part, e.g. "rId1". */
  relationshipId: string;
}

/**
 * The drawing part: each chart in a two-cell anchor that moves with its cells but keeps its size.
 *
 * @example
 * drawingXml([{ from: { column: 6, row: 2 }, to: { column: 14, row: 19 }, title: "NPV by scenario", relationshipId: "rId1" }])
 * // → '<?xml …?><xdr:wsDr …><xdr:twoCellAnchor editAs="oneCell"><xdr:from><xdr:col>6</xdr:col>…'
 */
export function drawingXml(frames: readonly ChartFrame[]): string {
  const corner = (tag: string, cell: AnchorCell) =>
    `<xdr:${tag}><xdr:col>${cell.column}</xdr:col><xdr:colOff>${Math.round(cell.columnOffset ?? 0)}</xdr:colOff>` +
    `<xdr:row>${cell.row}</xdr:row><xdr:rowOff>${Math.round(cell.rowOffset ?? 0)}</xdr:rowOff></xdr:${tag}>`;
  const anchors = frames.map(
    (frame, index) =>
      '<xdr:twoCellAnchor editAs="oneCell">' +
      corner("from", frame.from) +
      corner("to", frame.to) +
      '<xdr:graphicFrame macro="">' +
      `<xdr:nvGraphicFramePr><xdr:cNvPr id="${index + 2}" name="Chart ${index + 1}" descr="${escapeXml(frame.title)}"/>` +
      "<xdr:cNvGraphicFramePr/></xdr:nvGraphicFramePr>" +
      '<xdr:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/></xdr:xfrm>' +
      `<a:graphic><a:graphicData uri="${chartNamespace}">` +
      `<c:chart xmlns:c="${chartNamespace}" xmlns:r="${relationshipsNamespace}" r:id="${frame.relationshipId}"/>` +
      "</a:graphicData></a:graphic></xdr:graphicFrame><xdr:clientData/></xdr:twoCellAnchor>",
  );
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
    `<xdr:wsDr xmlns:xdr="${spreadsheetDrawingNamespace}" xmlns:a="${drawingMainNamespace}">${anchors.join("")}</xdr:wsDr>`
  );
}

/**
 * A relationships part listing `targets` as `rId1`, `rId2`, … of one type.
 *
 * @example
 * relationshipsXml(chartRelationshipType, ["../charts/chart1.xml"])
 * // → '<?xml …?><Relationships …><Relationship Id="rId1" Type="…/chart" Target="../charts/chart1.xml"/></Relationships>'
 */
export function relationshipsXml(type: string, targets: readonly string[]): string {
  const relationships = targets
    .map(
      (target, index) =>
        `<Relationship Id="rId${index + 1}" Type="${escapeXml(type)}" Target="${escapeXml(target)}"/>`,
    )
    .join("");
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
    `<Relationships xmlns="${packageRelationshipsNamespace}">${relationships}</Relationships>`
  );
}
