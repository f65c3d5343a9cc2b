import type { ExpenditureType, FundingSourceKind } from "../engine/funding";
import type { RepaymentMethod } from "../engine/loanRepayments";
import type { Money } from "../engine/money";

/**
 * How the business case is funded, as read from CBA_Funding (the sources) and CBA_LineFunding
 * (which source meets which line, by amount or percent), each value with its cell.
 */
export interface FundingSourceInput {
  name: string;
  cell: string;
  kind: FundingSourceKind;
  kindCell: string;
  /** Partner code as typed: whose money it is (match funding, reserves, borrowing). */
  partner?: string;
  partnerCell: string;
  /** The sum available or awarded; absent = not stated. */
  amount?: Money;
  amountCell: string;
  /** Largest fraction of the total costs a grant may meet. */
  pumpPrimingLimit?: Money;
  pumpPrimingCell: string;
  restrictedTo?: ExpenditureType;
  restrictedCell: string;
  /** The fallback award: the fraction of the grant actually awarded (e.g. 0.5). */
  award?: Money;
  awardCell: string;
  /** Borrowing only: the annual interest rate, the term and how it is repaid. */
  rate?: Money;
  rateCell: string;
  termYears?: number;
  termCell: string;
  repayment: RepaymentMethod;
  repaymentCell: string;
}

export interface FundingInput {
  range: string;
  sources: FundingSourceInput[];
  /** Names of rows left out for a problem already reported, so references to them are not "unknown". */
  rejected: string[];
}

export interface LineFundingRowInput {
  /** The CBA_Lines label as typed. */
  line: string;
  lineCell: string;
  /** The CBA_Funding source name as typed. */
  source: string;
  sourceCell: string;
  /** Exactly one of amount and percent is given (the reader reports rows with both or neither). */
  amount?: Money;
  percent?: Money;
  /** The cell of whichever was given. */
  valueCell: string;
}

export interface LineFundingInput {
  range: string;
  rows: LineFundingRowInput[];
  /** Rows left out for a problem already reported: the funding checks wait until they are read. */
  rejected: number;
}
