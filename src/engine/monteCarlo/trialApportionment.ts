import { apportionmentWeights } from "../apportion";
import { apportionLineUnits } from "../apportionLines";
import type { BusinessCaseModel } from "../businessCaseModel";
import { EngineError } from "../errors";
import type { UnitWeights } from "../largestRemainder";
import { Money, toMoney } from "../money";
import { lineYearFractions } from "../phasing";
import type { LineEffects } from "./lineEffects";

/**
 * A trial's lines apportioned as the business case apportions them: each line's value rounded to
 * the rounding unit (half away from zero, as a derived case is), each pool's lines of one timing
 * apportioned together by controlled rounding (rows and partner columns foot), direct lines given
 * whole to their partner, then phased into each partner's net benefit. Groups holding no simulated
 * line do not change between trials and are worked out once.
 */
export interface TrialApportionment {
  /** Net benefit by partner (then the programme) and year from the groups that never change. */
  fixedNet: Float64Array;
  groups: TrialGroup[];
  /** Rounding unit as a number. */
  unit: number;
}

interface TrialGroup {
  /** Model line indices of the group's lines, and for each the simulated line it follows (−1: fixed). */
  lines: Int32Array;
  simulated: Int32Array;
  /** Values in units of the fixed lines (ignored for simulated ones). */
  fixedUnits: Float64Array;
  /** Partner rows (indices into `LineEffects.partners`) the group's columns fall to. */
  partnerRows: Int32Array;
  weights: UnitWeights;
  /** Year fractions of each line, line after line. */
  fractions: Float64Array;
  units: Float64Array;
  parts: Float64Array;
}

/**
 * Prepares the per-trial apportionment of a model whose lines `simulatedOf` maps to simulated
 * lines (−1 for a line held at its reference value; lines no case quantifies are left out).
 *
 * @example
 * const apportionment = prepareTrialApportionment(model, effects, simulatedOf);
 */
export function prepareTrialApportionment(
  model: BusinessCaseModel,
  effects: LineEffects,
  simulatedOf: Int32Array,
): TrialApportionment {
  const unitValue = toMoney(model.settings.roundingUnit, "rounding unit");
  const unit = unitValue.toNumber();
  const periods = effects.periods;
  const partnerRow = new Map(effects.partners.map((code, p) => [code, p] as const));
  const pools = new Map(effects.result.pools.map((pool) => [pool.pool, pool] as const));
  const fixedNet = new Float64Array(effects.partners.length * periods);
  const groups: TrialGroup[] = [];
  const keyed = new Map<string, number[]>();
  model.lines.forEach((line, l) => {
    if (effects.lines[l]!.reference === null) return;
    const key =
      line.allocation.kind === "pool"
        ? `pool|${line.allocation.pool}|${line.timing}`
        : `partner|${line.allocation.partner}|${l}`;
    const members = keyed.get(key) ?? [];
    members.push(l);
    keyed.set(key, members);
  });
  for (const members of keyed.values()) {
    const first = model.lines[members[0]!]!;
    let codes: string[];
    let weights: UnitWeights;
    if (first.allocation.kind === "pool") {
      const pool = pools.get(first.allocation.pool)!;
      codes = pool.partners;
      weights = apportionmentWeights(pool.shares.weights, `pool '${pool.pool}' weights`);
    } else {
      codes = [first.allocation.partner];
      weights = apportionmentWeights([1]);
    }
    const partners = codes.length;
    const group: TrialGroup = {
      lines: Int32Array.from(members),
      simulated: Int32Array.from(members, (l) => simulatedOf[l]!),
      // Held lines are rounded in decimals, so a reference exactly half a unit rounds as Excel's ROUND.
      fixedUnits: Float64Array.from(members, (l) =>
        unitsOf(
          effects.lines[l]!.reference!.div(unitValue).toDecimalPlaces(0, Money.ROUND_HALF_UP).toNumber(),
          model.lines[l]!.label,
        ),
      ),
      partnerRows: Int32Array.from(codes, (code) => partnerRow.get(code)!),
      weights,
      fractions: Float64Array.from(
        members.flatMap((l) => lineYearFractions(model.lines[l]!, model.profiles, periods).map(Number)),
      ),
      units: new Float64Array(members.length),
      parts: new Float64Array(members.length * partners),
    };
    if (group.simulated.every((v) => v < 0)) {
      group.units.set(group.fixedUnits);
      addGroup(group, fixedNet, unit, periods, effects.partners.length - 1);
    } else {
      groups.push(group);
    }
  }
  return { fixedNet, groups, unit };
}

/**
 * One trial's net benefit by partner and year (then the programme) into `net`, from the
 * simulated lines' values of this trial.
 *
 * @example
 * apportionTrial(apportionment, values, net, periods, partnerCount);
 */
export function apportionTrial(
  apportionment: TrialApportionment,
  values: Float64Array,
  net: Float64Array,
  periods: number,
  partnerCount: number,
): void {
  net.set(apportionment.fixedNet);
  const { unit } = apportionment;
  for (const group of apportionment.groups) {
    for (let k = 0; k < group.lines.length; k++) {
      const v = group.simulated[k]!;
      group.units[k] = v < 0 ? group.fixedUnits[k]! : roundHalfAwayFromZero(values[v]! / unit);
    }
    addGroup(group, net, unit, periods, partnerCount - 1);
  }
}

function addGroup(
  group: TrialGroup,
  net: Float64Array,
  unit: number,
  periods: number,
  programmeRow: number,
): void {
  const partners = group.partnerRows.length;
  apportionLineUnits(group.units, group.weights, group.parts);
  for (let k = 0; k < group.lines.length; k++) {
    for (let q = 0; q < partners; q++) {
      const part = group.parts[k * partners + q]! * unit;
      if (part === 0) continue;
      const row = group.partnerRows[q]! * periods;
      const programme = programmeRow * periods;
      for (let t = 0; t < periods; t++) {
        const fraction = group.fractions[k * periods + t]!;
        if (fraction === 0) continue;
        // A line's value is a cost when positive: it lowers net benefit.
        net[row + t]! -= part * fraction;
        net[programme + t]! -= part * fraction;
      }
    }
  }
}

function unitsOf(units: number, label: string): number {
  if (!Number.isSafeInteger(units))
    throw new EngineError("invalidNumber", `line '${label}'`, "is too large to apportion in rounding units");
  return units;
}

function roundHalfAwayFromZero(x: number): number {
  const size = Math.round(Math.abs(x));
  return x < 0 ? -size : size;
}
