/**
 * Text some program made of an object by mistake ("[object Object]", a spreadsheet cell written
 * from a script), never what a person typed. Checked on the trimmed text, as every import rule is.
 */
export function isStringifiedObject(text: string): boolean {
  return /^\[object [A-Za-z]*\]$/.test(text.trim())
}
