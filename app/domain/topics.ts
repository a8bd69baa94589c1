/**
 * The topics the municipality's services and questions fall under: one list for the knowledge
 * base ("Onderwerpen"), the question form, the contact centre's inbox and the contact register,
 * so an article, a question and a call about the same thing meet. Labels are in the `topics`
 * locale namespace (`topics:<key>.label`). Pure: no I/O.
 */
export const TOPICS = [
  'identity', // passport, ID card, driving licence
  'civil', // birth, marriage, death, extracts, names, nationality
  'moving', // moving house, registration at an address
  'parking',
  'waste',
  'care', // Wmo support, youth care
  'income', // social assistance, debt help, minima schemes
  'building', // building and environment permits
  'taxes', // municipal taxes, WOZ value
  'grants', // subsidies
  'publicSpace', // reports about streets, green, lighting
  'business', // permits and services for entrepreneurs
  'other',
] as const

export type Topic = (typeof TOPICS)[number]

export function isTopic(value: unknown): value is Topic {
  return typeof value === 'string' && (TOPICS as readonly string[]).includes(value)
}
