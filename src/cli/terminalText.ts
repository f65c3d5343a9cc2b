/**
 * Text from a workbook is printed to the user's terminal: control characters in it (an escape
 * sequence typed into a cell, a carriage return) are shown as `\x1b`-style escapes instead of
 * being obeyed by the terminal.
 *
 * @example
 * terminalText("Line\u001b[31m1"); // "Line\\x1b[31m1"
 */
export function terminalText(text: string, keepLineBreaks = true): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/[\u0000-\u001f\u007f-\u009f]/g, (character) => {
    if (keepLineBreaks && character === "\n") return character;
    if (character === "\t") return keepLineBreaks ? character : "\\t";
    return `\\x${character.charCodeAt(0).toString(16).padStart(2, "0")}`;
  });
}
