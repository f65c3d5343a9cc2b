import type { PartnersInput } from "../contractInputs";
import { normaliseHeader } from "../contractColumns";

/** Partner codes match case-insensitively and are reported in the spelling of CBA_Partners. */
export class PartnerCodes {
  private readonly byKey = new Map<string, string>();

  constructor(partners: PartnersInput | undefined) {
    for (const partner of partners?.partners ?? [])
      this.byKey.set(normaliseHeader(partner.code), partner.code);
  }

  get known(): boolean {
    return this.byKey.size > 0;
  }

  resolve(text: string): string | undefined {
    return this.byKey.get(normaliseHeader(text));
  }
}
