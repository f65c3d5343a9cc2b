import { readFileSync } from "node:fs";
import { resolve } from "node:path";

/**
 * The published figures live in ../shared beside the repository (CI places them there). Tests read
 * them at run time so that expected values always come from the source documents.
 */
export function readGolden<T>(name: "hampshire" | "darlington"): T {
  const path = resolve(__dirname, "../../../shared/golden", `${name}.json`);
  return JSON.parse(readFileSync(path, "utf8")) as T;
}

export interface HampshireGolden {
  partners: string[];
  baseline: {
    columns: string[];
    gbp_k: Record<string, number[]>;
    fte: Record<string, number[]>;
    totals_gbp_k: number[];
  };
  published_shares_whole_percent: Record<string, { partners: string[]; areas: string; shares: number[] }>;
  apportioned: {
    four_area_pool: { shares_percent: number[]; rows: { label: string; amount: number; split: number[] }[] };
    occ_health_pool: {
      partners: string[];
      shares_percent: number[];
      rows: { label: string; amount: number; split: number[] }[];
    };
  };
  line_items: {
    set_up_apportioned: Record<string, [number, number] | string>;
    annual_costs_apportioned: Record<string, [number, number]>;
    annual_benefits_apportioned: Record<string, [number, number]>;
    set_up_occ_health_pool: [number, number];
    direct_set_up: Record<string, [number, number]>;
    direct_annual: Record<string, [number, number]>;
  };
  totals: Record<string, [number, number]>;
  per_organisation: { columns: string[] } & Record<string, number[]>;
  return_on_investment_years: { ratios_best_worst: Record<string, [number, number]> };
  risk_register: {
    rows: {
      risk: string;
      likelihood: number;
      impact: number;
      score: number;
      band: string;
      factors: number[];
    }[];
    achievability_factors: string[];
  };
}
