/**
 * CSV as RFC 4180 writes it, for the quality export: comma-separated, CRLF line ends, a field
 * quoted when it holds a comma, a quote or a line break, quotes doubled.
 *
 * A text field that starts with =, +, -, @, a tab or a carriage return is prefixed with an
 * apostrophe, so a spreadsheet shows it instead of running it as a formula (OWASP "CSV
 * injection"). Numbers are written as numbers, with a decimal point: the file is data, the
 * spreadsheet formats it for the reader.
 */
export type CsvCell = string | number | null

const FORMULA_START = /^[=+\-@\t\r]/

function field(cell: CsvCell): string {
  if (cell === null) return ''
  if (typeof cell === 'number') return Number.isFinite(cell) ? String(cell) : ''
  const text = FORMULA_START.test(cell) ? `'${cell}` : cell
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text
}

export function toCsv(rows: readonly (readonly CsvCell[])[]): string {
  return rows.map((row) => row.map(field).join(',')).join('\r\n') + '\r\n'
}
