/**
 * The staff areas and who sees them (README, "What you see"): an employee sees the areas of
 * the roles they hold. Caseworkers handle cases, moves, corrections and the post; support staff
 * find a citizen and look along; managers steer on quality and review the looking-along, and
 * look at the caseworkers' areas without acting in them.
 * Used by the navigation (in the browser) and the routes (on the server): no I/O here.
 */
export type StaffRoleName = 'support' | 'caseworker' | 'manager' | 'kcc' | 'editor'

/** Who may look at the caseworkers' lists and cases; acting on them stays with caseworkers. */
export const CASE_READERS = ['caseworker', 'manager'] as const satisfies readonly StaffRoleName[]

/**
 * Who may work in the areas of the contact register: one list for the navigation and the
 * routes' guards, so the two cannot disagree. A caseworker sees only the questions handed to
 * their department; a manager reads them (app/services/questions/staff/access.server.ts).
 */
export const QUESTION_ROLES = ['kcc', 'caseworker', 'manager'] as const satisfies readonly StaffRoleName[]
/** Who may search for a citizen ("Burger zoeken"); only support starts looking along. */
export const SEARCH_ROLES = ['support', 'kcc'] as const satisfies readonly StaffRoleName[]
/** Who may open a citizen's contact history from the search. */
export const KLANTBEELD_ROLES = ['kcc', 'support'] as const satisfies readonly StaffRoleName[]
/** Who may record a call or counter visit in the contact register. */
export const CONTACT_RECORDERS = ['kcc', 'caseworker'] as const satisfies readonly StaffRoleName[]

export type StaffGroup = 'work' | 'caseworker' | 'support' | 'manager'

export interface StaffArea {
  /** translation key under staff:nav.areas */
  key: string
  to: string
  group: StaffGroup
  /** the roles that see it; none: everyone with a staff login */
  roles?: readonly StaffRoleName[]
  /** only this exact path is the area (the start page), not what lies below it */
  exact?: boolean
}

const CASEWORK_AREAS = [
  { key: 'cases', to: '/medewerker/zaken' },
  { key: 'messages', to: '/medewerker/berichten' },
  { key: 'register', to: '/medewerker/zaken/nieuw', caseworkerOnly: true },
  { key: 'moves', to: '/medewerker/verhuizingen' },
  { key: 'corrections', to: '/medewerker/correcties' },
  { key: 'post', to: '/medewerker/post' },
] as const

export const STAFF_AREAS: readonly StaffArea[] = [
  { key: 'start', to: '/medewerker', group: 'work', exact: true },
  // the contact centre's questions; a caseworker sees those handed to their department, a manager reads
  { key: 'questions', to: '/medewerker/vragen', group: 'work', roles: QUESTION_ROLES },
  ...CASEWORK_AREAS.map((a): StaffArea => ({
    key: a.key,
    to: a.to,
    group: 'caseworker',
    roles: 'caseworkerOnly' in a ? ['caseworker'] : CASE_READERS,
  })),
  { key: 'findCitizen', to: '/medewerker/burgers', group: 'support', roles: SEARCH_ROLES },
  { key: 'knowledge', to: '/medewerker/kennisbank', group: 'support', roles: ['editor', 'kcc'] },
  { key: 'quality', to: '/medewerker/kwaliteit', group: 'manager', roles: ['manager'] },
  { key: 'review', to: '/medewerker/meekijken', group: 'manager', roles: ['manager'] },
]

export function canSee(area: StaffArea, roles: readonly string[]): boolean {
  return !area.roles || area.roles.some((r) => roles.includes(r))
}

/** The areas of these roles, grouped in the order of the navigation; empty groups left out. */
export function staffNavigation(roles: readonly string[]): Array<{ group: StaffGroup; areas: StaffArea[] }> {
  const groups: StaffGroup[] = ['work', 'caseworker', 'support', 'manager']
  return groups
    .map((group) => ({ group, areas: STAFF_AREAS.filter((a) => a.group === group && canSee(a, roles)) }))
    .filter((g) => g.areas.length > 0)
}

/**
 * The area a path belongs to: the one with the longest path that is the path itself or lies
 * above it (/medewerker/zaken/nieuw is "register", /medewerker/zaken/123 is "cases"). Null for
 * a page outside every area (the search results).
 */
export function currentStaffArea(pathname: string, areas: readonly StaffArea[] = STAFF_AREAS): StaffArea | null {
  const path = pathname.length > 1 ? pathname.replace(/\/+$/, '') : pathname
  let best: StaffArea | null = null
  for (const area of areas) {
    const matches = area.exact ? path === area.to : path === area.to || path.startsWith(`${area.to}/`)
    if (matches && (!best || area.to.length > best.to.length)) best = area
  }
  return best
}

/** Whether these roles may act on the caseworkers' areas, rather than only look at them. */
export function actsOnCases(roles: readonly string[]): boolean {
  return roles.includes('caseworker')
}
