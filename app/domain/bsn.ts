/**
 * Burgerservicenummer (BSN), the citizen's number in the BRP (Wet algemene bepalingen
 * burgerservicenummer). Its format and check digit, the "elfproef", are specified by RvIG in the
 * BRP's logical design.
 *
 * A BSN is 9 digits d1..d9 with 9·d1 + 8·d2 + … + 2·d8 − 1·d9 divisible by 11. The weight −1 on
 * the last digit is what sets the BSN's eleven test apart from the bank-account one. A sum of 0
 * passes the arithmetic but is refused: 000000000 and 000000012 are not numbers anyone holds.
 *
 * Hashing a BSN for log lines lives in the services (it needs crypto); a BSN never goes into a
 * URL or a log line itself (README, Architecture).
 */

const WEIGHTS = [9, 8, 7, 6, 5, 4, 3, 2, -1] as const

/** Strictly 9 ASCII digits passing the eleven test; use `normaliseBsn` first for typed input. */
export function isValidBsn(value: string): boolean {
  if (!/^[0-9]{9}$/.test(value)) return false
  let sum = 0
  for (let i = 0; i < WEIGHTS.length; i++) sum += Number(value[i]) * WEIGHTS[i]
  return sum !== 0 && sum % 11 === 0
}

/**
 * Cleans what a person typed ("9999 93 653", "9999.93.653", "999-993-653") and returns the
 * 9-digit BSN, or null when the result is not a valid BSN.
 *
 * Deliberately no padding of 8-digit input with a leading zero: a digit left out by mistake
 * would then pass the eleven test for about one in eleven inputs, silently naming someone else.
 */
export function normaliseBsn(input: string): string | null {
  const digits = input.replace(/[\s.-]/g, '')
  return isValidBsn(digits) ? digits : null
}

/** Shows only the last four digits, for screens where staff must recognise a number: '*****3653'. */
export function maskBsn(bsn: string): string {
  const visible = bsn.length > 4 ? bsn.slice(-4) : ''
  return '*'.repeat(bsn.length - visible.length) + visible
}
