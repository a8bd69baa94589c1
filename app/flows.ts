import { defineWizard } from '~/wizard'

/** Moving house (Wet BRP art. 2.39, 2.48–2.49): address, date, who moves along, check. */
export const moveWizard = defineWizard({
  base: '/mijn/gegevens/verhuizen',
  steps: [
    ['address', ''],
    ['date', 'datum'],
    ['who', 'wie'],
    ['review', 'controleren'],
  ],
  done: 'bevestiging',
})

/** A correction request (Wet BRP art. 2.58): one form, then the check page. */
export const correctionWizard = defineWizard({
  base: '/mijn/gegevens/correctie',
  steps: [
    ['form', ''],
    ['review', 'controleren'],
  ],
  done: 'bevestiging',
  changeReturns: false,
})
