import type { Allocation } from "../engine/businessCaseModel";
import type { BaselineInput, ContractInputs, LineInput, PoolInput, ProfileInput } from "./contractInputs";
import { PartnerCodes } from "./contractReader";

/**
 * Resolves the names one range uses for another (a line's pool, a pool's partners, a line's
 * profile) the way the contract matches them: case-insensitively, reported in the spelling of the
 * range that defines them. Shared by the validator and the model builder so both agree.
 */
export class ContractLookup {
  readonly partnerCodes: PartnerCodes;
  private readonly pools = new Map<string, PoolInput>();
  private readonly profiles = new Map<string, ProfileInput>();

  constructor(readonly inputs: ContractInputs) {
    this.partnerCodes = new PartnerCodes(inputs.partners);
    for (const pool of inputs.pools?.pools ?? []) this.pools.set(pool.name.toLowerCase(), pool);
    for (const profile of inputs.profiles?.profiles ?? [])
      this.profiles.set(profile.name.toLowerCase(), profile);
  }

  partner(text: string): string | undefined {
    return this.partnerCodes.resolve(text);
  }

  pool(text: string): PoolInput | undefined {
    return this.pools.get(text.trim().toLowerCase());
  }

  profile(text: string): ProfileInput | undefined {
    return this.profiles.get(text.trim().toLowerCase());
  }

  /** A pool name wins over a partner code only when they differ; the validator forbids a clash. */
  allocation(line: LineInput): Allocation | undefined {
    const pool = this.pool(line.allocation);
    if (pool) return { kind: "pool", pool: pool.name };
    const partner = this.partner(line.allocation);
    return partner === undefined ? undefined : { kind: "partner", partner };
  }

  /** Partner codes of a pool in CBA_Partners order; unknown codes are left out (the validator reports them). */
  poolPartners(pool: PoolInput): string[] {
    const all = (this.inputs.partners?.partners ?? []).map((p) => p.code);
    if (pool.partners === "all") return all;
    const wanted = new Set(
      pool.partners.map((code) => this.partner(code)).filter((c): c is string => c !== undefined),
    );
    return all.filter((code) => wanted.has(code));
  }

  baselineFor(pool: PoolInput): BaselineInput | undefined {
    if (pool.basis === "baseline") return this.inputs.baseline;
    if (pool.basis === "fte") return this.inputs.baselineFte;
    return undefined;
  }

  /** Service areas of a pool in the baseline's spelling; unknown areas are left out. */
  poolServiceAreas(pool: PoolInput): string[] {
    const baseline = this.baselineFor(pool);
    if (!baseline) return [];
    if (pool.serviceAreas === "all") return baseline.rows.map((row) => row.serviceArea);
    return pool.serviceAreas
      .map(
        (area) =>
          baseline.rows.find((row) => row.serviceArea.toLowerCase() === area.toLowerCase())?.serviceArea,
      )
      .filter((area): area is string => area !== undefined);
  }

  /** The input case a contingency applies to: the one named in the settings, else the last (usually Worst). */
  contingencySourceCase(): string | undefined {
    const contingency = this.inputs.settings.contingency;
    const cases = this.inputs.lines?.cases ?? [];
    if (!contingency) return undefined;
    if (contingency.caseName !== undefined) {
      return cases.find((name) => name.toLowerCase() === contingency.caseName!.toLowerCase());
    }
    return cases[cases.length - 1];
  }

  contingencyCaseName(): string | undefined {
    const source = this.contingencySourceCase();
    return source === undefined ? undefined : `${source} + contingency`;
  }
}
