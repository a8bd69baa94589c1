import type { AddressesTable } from '../schema'

/**
 * A BAG-like address register for Groningen (municipality code 0014): real street names with
 * postcodes in the 97xx range. House numbers are generated, deterministically; every tenth
 * number has letter variants (A, B) and some have an addition (e.g. "1 hoog"), as real buildings do.
 */
const streets: Array<{ street: string; postcode: string; numbers: number }> = [
  { street: 'Oude Ebbingestraat', postcode: '9712HA', numbers: 30 },
  { street: 'Oosterstraat', postcode: '9711NR', numbers: 30 },
  { street: 'Herestraat', postcode: '9711LC', numbers: 28 },
  { street: 'Folkingestraat', postcode: '9711JV', numbers: 26 },
  { street: 'Zuiderdiep', postcode: '9711HJ', numbers: 30 },
  { street: 'Nieuwe Ebbingestraat', postcode: '9712NE', numbers: 30 },
  { street: 'Korreweg', postcode: '9715AB', numbers: 40 },
  { street: 'Paterswoldseweg', postcode: '9726BA', numbers: 40 },
  { street: 'Helperzoom', postcode: '9722BA', numbers: 28 },
  { street: 'Verlengde Hereweg', postcode: '9722AA', numbers: 30 },
  { street: 'Oosterhamriklaan', postcode: '9714BA', numbers: 30 },
  { street: 'Damsterdiep', postcode: '9711SG', numbers: 26 },
  { street: 'Kreupelstraat', postcode: '9712HW', numbers: 20 },
  { street: 'Hanzeplein', postcode: '9713GZ', numbers: 20 },
  { street: 'Eendrachtskade', postcode: '9726CW', numbers: 24 },
  { street: 'Van Iddekingeweg', postcode: '9721CA', numbers: 28 },
  { street: 'Friesestraatweg', postcode: '9743AA', numbers: 30 },
  { street: 'Peizerweg', postcode: '9727AA', numbers: 30 },
  { street: 'Zonnelaan', postcode: '9741MA', numbers: 26 },
  { street: 'Vinkhuizen Siersteenlaan', postcode: '9743ES', numbers: 20 },
  { street: 'Europaweg', postcode: '9723AA', numbers: 20 },
  { street: 'Petrus Campersingel', postcode: '9713AA', numbers: 30 },
]

function postcodeFor(base: string, n: number): string {
  // One postcode covers about ten numbers, as in the real register: 9712HA, 9712HB, …
  const digits = base.slice(0, 4)
  const first = base.charCodeAt(4)
  const second = base.charCodeAt(5) + Math.floor((n - 1) / 10)
  const carry = Math.floor((second - 65) / 26)
  return `${digits}${String.fromCharCode(first + carry)}${String.fromCharCode(65 + ((second - 65) % 26))}`
}

export function demoAddresses(): AddressesTable[] {
  const rows: AddressesTable[] = []
  let seq = 1
  const add = (a: Omit<AddressesTable, 'id' | 'city'>) =>
    rows.push({ id: `0014200000${String(seq++).padStart(6, '0')}`, city: 'Groningen', ...a })
  for (const s of streets) {
    for (let n = 1; n <= s.numbers; n++) {
      const postcode = postcodeFor(s.postcode, n)
      const base = { street: s.street, house_number: n, postcode }
      if (n % 10 === 3) {
        add({ ...base, house_letter: 'A', house_number_addition: null })
        add({ ...base, house_letter: 'B', house_number_addition: null })
      } else if (n % 10 === 7) {
        add({ ...base, house_letter: null, house_number_addition: null })
        add({ ...base, house_letter: null, house_number_addition: '1' })
        add({ ...base, house_letter: null, house_number_addition: '2' })
      } else {
        add({ ...base, house_letter: null, house_number_addition: null })
      }
    }
  }
  return rows
}

/** Finds a demo address by street and number, for the personas; throws if the seed lacks it. */
export function demoAddress(
  rows: AddressesTable[],
  street: string,
  houseNumber: number,
  houseLetter: string | null = null,
  addition: string | null = null,
): AddressesTable {
  const found = rows.find(
    (r) =>
      r.street === street &&
      r.house_number === houseNumber &&
      r.house_letter === houseLetter &&
      r.house_number_addition === addition,
  )
  if (!found) throw new Error(`demo address ${street} ${houseNumber} is not in the register`)
  return found
}
