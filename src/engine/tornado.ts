import type { BusinessCaseModel } from "./businessCaseModel";
import { EngineError, requireValue } from "./errors";
import { type Amount, Money, toMoney } from "./money";
import {
  type CaseSelection,
  type LineEffects,
  lineEffects,
  lineIndices,
  netPresentValueChange,
} from "./monteCarlo/lineEffects";

/** Lines that move together as one driver, e.g. all HR set-up costs. */
export interface DriverGroup {
  name: string;
  lines: readonly string[];
}

export interface SensitivityOptions extends CaseSelection {
  /** Groups of lines to move together; every other quantified line is a driver on its own. */
  groups?: readonly DriverGroup[];
}

/** One bar of a tornado: the driver moved alone from its best to its worst value. */
export interface TornadoBar {
  driver: string;
  lines: string[];
  /** NPV with the driver at its best value and everything else at its reference value. */
  atBest: Money;
  atWorst: Money;
  /** |atWorst − atBest|: the length of the bar, by which bars are ranked. */
  swing: Money;
}

export interface PartnerTornado {
  /** Partner code, or "Programme". */
  partner: string;
  /** NPV with every line at its reference value (the base case, or midpoints without one). */
  reference: Money;
  /** Largest swing first; drivers that do not reach the partner come last with a zero swing. */
  bars: TornadoBar[];
}

export interface TornadoResult {
  bestCase: string;
  worstCase: string;
  baseCase: string | undefined;
  /** Per partner in model order, then the programme. */
  partners: PartnerTornado[];
  /** Lines that no selected case quantifies, so they are in no bar. */
  notQuantified: string[];
}

/**
 * Tornado analysis of NPV: each driver (a line, or a group of lines) moved alone from its best to
 * its worst value while every other line stays at its reference value, and the resulting swing in
 * each partner's NPV, ranked per partner. A line quantified in only one of the two cases moves only
 * that way. Exact: NPV is linear in each line's value, so the bars need no recomputation.
 *
 * @example
 * tornado(model, { bestCase: "Best", worstCase: "Worst" }).partners[0].bars[0].driver // → e.g. "HR: redundancy"
 */
export function tornado(model: BusinessCaseModel, options: SensitivityOptions = {}): TornadoResult {
  const effects = lineEffects(model, options);
  const drivers = readDrivers(effects, options.groups);
  const ends = drivers.map((driver) => ({
    atBest: endpoint(effects, driver.indices, "best"),
    atWorst: endpoint(effects, driver.indices, "worst"),
  }));
  return {
    bestCase: effects.bestCase,
    worstCase: effects.worstCase,
    baseCase: effects.baseCase,
    partners: effects.partners.map((partner, p) => {
      const reference = effects.referenceNetPresentValue[p]!;
      const bars = drivers.map((driver, d): TornadoBar => {
        const atBest = reference.plus(ends[d]!.atBest[p]!);
        const atWorst = reference.plus(ends[d]!.atWorst[p]!);
        return {
          driver: driver.name,
          lines: driver.lines,
          atBest,
          atWorst,
          swing: atWorst.minus(atBest).abs(),
        };
      });
      // Array sort is stable, so equal swings keep the drivers' own order.
      bars.sort((a, b) => b.swing.comparedTo(a.swing));
      return { partner, reference, bars };
    }),
    notQuantified: effects.notQuantified,
  };
}

export interface SpiderOptions extends SensitivityOptions {
  /** Proportional changes to apply to each driver (default −30% to +30% in steps of 10%). */
  changes?: readonly Amount[];
}

export interface SpiderSeries {
  driver: string;
  lines: string[];
  /** NPV per partner (in `SpiderResult.partners` order), one per change. */
  netPresentValue: Money[][];
}

export interface SpiderResult {
  changes: Money[];
  /** Partner codes in model order, then the programme. */
  partners: string[];
  /** NPV per partner with every line at its reference value (the series cross here at 0%). */
  reference: Money[];
  series: SpiderSeries[];
}

const defaultChanges = ["-0.3", "-0.2", "-0.1", "0", "0.1", "0.2", "0.3"];

/**
 * Spider analysis of NPV: each driver scaled alone by 1 + change from its reference value
 * (−10% = a tenth less of the cost or saving), the others held, giving one line per driver of each
 * partner's NPV against the change. Steeper lines are the drivers the case is most sensitive to.
 *
 * @example
 * spider(model, { changes: [-0.2, 0, 0.2] }).series[0].netPresentValue[0] // → three NPVs for the first partner
 */
export function spider(model: BusinessCaseModel, options: SpiderOptions = {}): SpiderResult {
  const changes = (options.changes ?? defaultChanges).map((c, i) => toMoney(c, `changes[${i + 1}]`));
  requireValue(changes.length > 0, "changes", "needs at least one change, such as 0.1 for +10%");
  const effects = lineEffects(model, options);
  const drivers = readDrivers(effects, options.groups);
  const series = drivers.map((driver): SpiderSeries => {
    const perUnitChange = netPresentValueChange(
      effects,
      driver.indices,
      driver.indices.map((l) => effects.lines[l]!.reference!),
    );
    return {
      driver: driver.name,
      lines: driver.lines,
      netPresentValue: effects.partners.map((_, p) =>
        changes.map((change) => effects.referenceNetPresentValue[p]!.plus(perUnitChange[p]!.times(change))),
      ),
    };
  });
  return { changes, partners: effects.partners, reference: effects.referenceNetPresentValue, series };
}

interface Driver {
  name: string;
  lines: string[];
  indices: number[];
}

/** Groups first, in the order given, then every other quantified line on its own. */
function readDrivers(effects: LineEffects, groups: readonly DriverGroup[] | undefined): Driver[] {
  const drivers: Driver[] = [];
  const grouped = new Map<number, string>();
  for (const [g, group] of (groups ?? []).entries()) {
    const subject = `group '${group?.name ?? String(g + 1)}'`;
    requireValue(
      typeof group?.name === "string" && group.name.trim() !== "",
      `group ${g + 1}`,
      "needs a name",
    );
    requireValue(
      Array.isArray(group.lines) && group.lines.length > 0,
      subject,
      "must list at least one line",
    );
    const indices = lineIndices(effects, group.lines, subject);
    for (const l of indices) {
      const other = grouped.get(l);
      if (other !== undefined) {
        throw new EngineError(
          "invalidValue",
          subject,
          `includes line '${effects.lines[l]!.label}', which is already in group '${other}'`,
        );
      }
      grouped.set(l, group.name);
    }
    const quantified = indices.filter((l) => effects.lines[l]!.reference !== null);
    drivers.push({
      name: group.name,
      lines: quantified.map((l) => effects.lines[l]!.label),
      indices: quantified,
    });
  }
  effects.lines.forEach((line, l) => {
    if (!grouped.has(l) && line.reference !== null)
      drivers.push({ name: line.label, lines: [line.label], indices: [l] });
  });
  return drivers;
}

/** Change in each partner's NPV when the driver's lines move from reference to their best or worst. */
function endpoint(effects: LineEffects, indices: readonly number[], end: "best" | "worst"): Money[] {
  const changes = indices.map((l) => {
    const line = effects.lines[l]!;
    const target = line[end] ?? line.reference!;
    return target.minus(line.reference!);
  });
  return netPresentValueChange(effects, indices, changes);
}
