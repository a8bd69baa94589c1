/** A name as the BRP keeps it: given names, a prefix ("de", "van der") and the surname. */
export interface NameParts {
  givenNames: string
  namePrefix: string | null
  surname: string
}

/** "Jan Willem Jansen", "Pieter de Vries": the name as the BRP writes it, prefix included. */
export function personName(p: NameParts): string {
  return [p.givenNames, p.namePrefix, p.surname].filter((part) => part && part.trim() !== '').join(' ')
}

/** The same, from a `persons` row as the database holds it. */
export function personNameOf(row: { given_names: string; name_prefix: string | null; surname: string }): string {
  return personName({ givenNames: row.given_names, namePrefix: row.name_prefix, surname: row.surname })
}
