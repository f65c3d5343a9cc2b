import {
  Body1,
  Caption1,
  Subtitle2,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  makeStyles,
  mergeClasses,
  tokens,
} from "@fluentui/react-components";
import { formatAmount, formatPayback, formatPaybackRange } from "../figureFormatting";
import type { BoardSummary, CaseFigure, PartnerSummary } from "../workbookActions";
import { usePaneStyles } from "./paneStyles";
import { OutOfDateBadge, type ResultFreshness, ResultFreshnessNotice } from "./ResultFreshness";

const useStyles = makeStyles({
  // A plain bordered section rather than Fluent's Card, which adds focus handling nothing here needs.
  card: {
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalXS,
    padding: tokens.spacingHorizontalS,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground1,
    boxShadow: tokens.shadow4,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  labelColumn: { width: "26%" },
  words: { textAlign: "right" },
});

export interface SummaryViewProps {
  summary: BoardSummary | null;
  /** When given: an "out of date" warning with a refresh button, and a mark on every section. */
  freshness?: ResultFreshness;
}

/** Per partner and for the programme: set-up, annual position, payback, NPV; then the risk profile. */
export function SummaryView({ summary, freshness }: SummaryViewProps) {
  const pane = usePaneStyles();
  if (!summary) {
    return <Body1>Refresh all results to see the figures for each partner and the programme.</Body1>;
  }
  return (
    <div className={pane.stack}>
      {freshness && <ResultFreshnessNotice freshness={freshness} />}
      <Caption1 className={pane.caption}>
        {`Figures in ${summary.unitLabel}: costs positive, savings in brackets. NPV is the net benefit over ${summary.horizonYears} years (positive = better off).`}
      </Caption1>
      {summary.partners.map((partner) => (
        <PartnerCard
          key={partner.code}
          partner={partner}
          summary={summary}
          outOfDate={freshness?.outOfDate}
        />
      ))}
      <RiskProfile riskProfile={summary.riskProfile} outOfDate={freshness?.outOfDate} />
    </div>
  );
}

function PartnerCard({
  partner,
  summary,
  outOfDate,
}: {
  partner: PartnerSummary;
  summary: BoardSummary;
  outOfDate?: boolean | undefined;
}) {
  const styles = useStyles();
  const pane = usePaneStyles();
  const { cases, rangeCases, unitLabel } = summary;
  const title = partner.code === partner.name ? partner.name : `${partner.name} (${partner.code})`;
  const headingId = `summary-${partner.code.replace(/[^A-Za-z0-9_-]/g, "_")}`;
  const spread = partner.payback.filter((p) => rangeCases.includes(p.case));
  return (
    <section className={styles.card} aria-labelledby={headingId}>
      <Subtitle2 as="h2" id={headingId} className={pane.heading}>
        {title}
      </Subtitle2>
      <OutOfDateBadge outOfDate={outOfDate} />
      {spread.length > 0 && (
        <Body1>{`Payback (${rangeCases.join("–")}): ${formatPaybackRange(spread)}`}</Body1>
      )}
      <Table size="extra-small" className={pane.table} aria-label={`${title}, ${unitLabel}`}>
        <TableHeader>
          <TableRow>
            <TableHeaderCell className={mergeClasses(pane.cell, styles.labelColumn)}>
              {unitLabel}
            </TableHeaderCell>
            {cases.map((name) => (
              <TableHeaderCell key={name} className={pane.cell} button={{ className: pane.headerEnd }}>
                {name}
              </TableHeaderCell>
            ))}
          </TableRow>
        </TableHeader>
        <TableBody>
          <FigureRow label="Set-up" figures={partner.setUp} cases={cases} />
          <FigureRow label="Annual net" figures={partner.annual} cases={cases} />
          <TableRow>
            <TableCell className={pane.cell}>Payback</TableCell>
            {cases.map((name) => {
              const result = partner.payback.find((p) => p.case === name)?.result;
              return (
                <TableCell key={name} className={mergeClasses(pane.cell, styles.words)}>
                  {result ? formatPayback(result) : "—"}
                </TableCell>
              );
            })}
          </TableRow>
          <FigureRow label="NPV" figures={partner.netPresentValue} cases={cases} />
        </TableBody>
      </Table>
      {partner.notQuantified.length > 0 && (
        <Caption1>{`Not quantified (N/A, not zero): ${partner.notQuantified.join(", ")}.`}</Caption1>
      )}
    </section>
  );
}

function FigureRow({
  label,
  figures,
  cases,
}: {
  label: string;
  figures: readonly CaseFigure[];
  cases: string[];
}) {
  const pane = usePaneStyles();
  return (
    <TableRow>
      <TableCell className={pane.cell}>{label}</TableCell>
      {cases.map((name) => {
        const figure = figures.find((f) => f.case === name);
        return (
          <TableCell key={name} className={mergeClasses(pane.cell, pane.figure)}>
            {figure ? formatAmount(figure.value) : "—"}
          </TableCell>
        );
      })}
    </TableRow>
  );
}

function RiskProfile({
  riskProfile,
  outOfDate,
}: {
  riskProfile: BoardSummary["riskProfile"];
  outOfDate?: boolean | undefined;
}) {
  const styles = useStyles();
  const pane = usePaneStyles();
  if (!riskProfile) return <Body1>No risk register in this workbook.</Body1>;
  const total = riskProfile.reduce((sum, band) => sum + band.count, 0);
  return (
    <section className={styles.card} aria-labelledby="summary-risk-profile">
      <Subtitle2 as="h2" id="summary-risk-profile" className={pane.heading}>
        Risk profile
      </Subtitle2>
      <OutOfDateBadge outOfDate={outOfDate} />
      <Table size="extra-small" className={pane.table} aria-label="Risks by band">
        <TableHeader>
          <TableRow>
            <TableHeaderCell className={pane.cell}>Band</TableHeaderCell>
            <TableHeaderCell className={pane.cell} button={{ className: pane.headerEnd }}>
              Risks
            </TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {[...riskProfile].reverse().map((band) => (
            <TableRow key={band.band}>
              <TableCell className={pane.cell}>{band.band}</TableCell>
              <TableCell className={mergeClasses(pane.cell, pane.figure)}>{band.count}</TableCell>
            </TableRow>
          ))}
          <TableRow>
            <TableCell className={pane.cell}>Total</TableCell>
            <TableCell className={mergeClasses(pane.cell, pane.figure)}>{total}</TableCell>
          </TableRow>
        </TableBody>
      </Table>
    </section>
  );
}
