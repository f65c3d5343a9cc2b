/**
 * The runner's exit codes: 0 done, 1 the workbook's inputs are invalid (nothing written), 2 the
 * command was misused or a file could not be read or saved (the file is left as it was).
 */
export const exitCodes = { ok: 0, invalidInput: 1, usage: 2 } as const;
