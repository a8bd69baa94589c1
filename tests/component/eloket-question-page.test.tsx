import { fireEvent, render, screen, within } from '@testing-library/react'
import i18next from 'i18next'
import { describe, expect, it } from 'vitest'
import { errorMessage, errorSummaryItems } from '~/components/eloket/messages'
import { QuestionPage } from '~/components/eloket/question-page'
import { readPage, serviceByCode, type FieldError } from '~/domain/eloket/engine'
import type { Answers, Page, Question, ServiceDefinition } from '~/domain/eloket/form'
import type { Language } from '~/domain/language'
import { contextOf } from '../unit/eloket-fixtures'

const ctx = contextOf()
const parking = serviceByCode('parkeervergunning')!

function pageOf(questions: Question[], intro?: Page['intro']): { service: ServiceDefinition; page: Page } {
  const page: Page = { id: 'p', title: { nl: 'Pagina', en: 'Page' }, intro, questions }
  return { service: { ...parking, pages: [page] }, page }
}

function show(questions: Question[], answers: Answers = {}, errors: FieldError[] = [], lang: Language = 'nl') {
  const { service, page } = pageOf(questions)
  return render(<QuestionPage service={service} page={page} answers={answers} errors={errors} lang={lang} ctx={ctx} />)
}

/** The ids the input's aria-describedby names, as their texts. */
function descriptionOf(element: HTMLElement): string[] {
  return (element.getAttribute('aria-describedby') ?? '')
    .split(' ')
    .filter(Boolean)
    .map((id) => document.getElementById(id)?.textContent ?? `(missing ${id})`)
}

const name: Question = {
  id: 'initiative',
  kind: 'text',
  maxLength: 20,
  label: { nl: 'Naam van het initiatief', en: 'Name of the initiative' },
  hint: { nl: 'Bijvoorbeeld: Buurtfeest', en: 'For example: Street party' },
}

describe('a text field', () => {
  it('has a label, and its hint and error are read with it', () => {
    show([name], { initiative: 'x'.repeat(25) }, [{ field: 'initiative', code: 'tooLong' }])
    const input = screen.getByLabelText('Naam van het initiatief')
    expect(input).toHaveAttribute('name', 'initiative')
    expect(input).toHaveAttribute('aria-invalid', 'true')
    expect(input).toHaveValue('x'.repeat(25))
    expect(descriptionOf(input)).toEqual([
      'Bijvoorbeeld: Buurtfeest',
      'Naam van het initiatief mag hoogstens 20 tekens lang zijn',
    ])
  })

  it('says "(niet verplicht)" after an optional question’s label, in the page’s language', () => {
    show([{ ...name, optional: true }], {}, [], 'en')
    expect(screen.getByLabelText('Name of the initiative (optional)')).toHaveValue('')
  })

  it('gives e-mail, phone and licence plate their input types and keeps their values', () => {
    show(
      [
        {
          id: 'email',
          kind: 'email',
          maxLength: 254,
          label: { nl: 'E-mailadres', en: 'Email' },
          autocomplete: 'email',
        },
        { id: 'phone', kind: 'phone', maxLength: 20, label: { nl: 'Telefoon', en: 'Phone' }, autocomplete: 'tel' },
        { id: 'plate', kind: 'licencePlate', label: { nl: 'Kenteken', en: 'Plate' } },
      ],
      { email: 'jan@example.nl', phone: '06 12345678', plate: '12-ABC-3' },
    )
    expect(screen.getByLabelText('E-mailadres')).toHaveAttribute('type', 'email')
    expect(screen.getByLabelText('E-mailadres')).toHaveAttribute('autocomplete', 'email')
    expect(screen.getByLabelText('Telefoon')).toHaveAttribute('type', 'tel')
    expect(screen.getByLabelText('Telefoon')).toHaveValue('06 12345678')
    expect(screen.getByLabelText('Kenteken')).toHaveValue('12-ABC-3')
  })
})

describe('a text area', () => {
  const story: Question = {
    id: 'story',
    kind: 'textarea',
    maxLength: 10,
    label: { nl: 'Wat lukt er niet?', en: 'What can you not manage?' },
  }

  it('counts the characters left as the citizen types, and those too many', () => {
    show([story], { story: 'abc' })
    const area = screen.getByLabelText('Wat lukt er niet?')
    expect(area).toHaveValue('abc')
    expect(descriptionOf(area)).toEqual(['U heeft nog 7 tekens over'])
    fireEvent.change(area, { target: { value: 'x'.repeat(11) } })
    expect(descriptionOf(area)).toEqual(['U heeft 1 teken te veel'])
  })

  it('states the limit in the server’s render, before any script runs', async () => {
    const { renderToString } = await import('react-dom/server')
    const { service, page } = pageOf([story])
    const html = renderToString(
      <QuestionPage service={service} page={page} answers={{}} errors={[]} lang="nl" ctx={ctx} />,
    )
    expect(html).toContain('U kunt hoogstens 10 tekens gebruiken.')
  })
})

describe('an amount', () => {
  const amount: Question = { id: 'amount', kind: 'money', min: 1, max: 10_000, label: { nl: 'Bedrag', en: 'Amount' } }

  it('shows a stored amount in euros with the € before the field, hidden from screen readers', () => {
    const { container } = show([amount], { amount: '125050' })
    expect(screen.getByLabelText('Bedrag')).toHaveValue('1250,50')
    expect(container.querySelector('[aria-hidden="true"]')).toHaveTextContent('€')
  })

  it('shows a refused amount as it was typed, with the generic message of its kind', () => {
    const result = readPage(pageOf([amount]).service, 'p', { amount: '10001' }, ctx, {})
    show([amount], result.answers, result.errors)
    expect(screen.getByLabelText('Bedrag')).toHaveValue('10001')
    expect(descriptionOf(screen.getByLabelText('Bedrag'))).toEqual(['Bedrag mag hoogstens € 10.000 zijn'])
  })
})

describe('a date', () => {
  const start: Question = {
    id: 'startDate',
    kind: 'date',
    label: { nl: 'Ingangsdatum', en: 'Start date' },
    hint: { nl: 'Bijvoorbeeld 15 3 2026', en: 'For example, 15 3 2026' },
  }

  it('is three labelled fields in a fieldset, the day carrying the question’s id for the error summary’s link', () => {
    show([start], { startDate: '2026-03-05' })
    const group = screen.getByRole('group', { name: 'Ingangsdatum' })
    expect(within(group).getByLabelText('Dag')).toHaveValue('5')
    expect(within(group).getByLabelText('Maand')).toHaveValue('3')
    expect(within(group).getByLabelText('Jaar')).toHaveValue('2026')
    expect(document.getElementById('startDate')).toBe(within(group).getByLabelText('Dag'))
    expect(within(group).getByLabelText('Dag')).toHaveAttribute('name', 'startDate.day')
  })

  it('keeps the three parts typed when refused, with the message at the group', () => {
    const values = { 'startDate.day': '31', 'startDate.month': '2', 'startDate.year': '2026' }
    const result = readPage(pageOf([start]).service, 'p', values, ctx, {})
    show([start], result.answers, result.errors)
    const group = screen.getByRole('group', { name: 'Ingangsdatum' })
    expect(descriptionOf(group)).toEqual(['Bijvoorbeeld 15 3 2026', 'Ingangsdatum moet een echte datum zijn'])
    expect(within(group).getByLabelText('Dag')).toHaveValue('31')
    expect(within(group).getByLabelText('Dag')).toHaveAttribute('aria-invalid', 'true')
  })
})

describe('choices', () => {
  it('radios: a fieldset with a legend, the choice kept, an option’s hint read with it', () => {
    const page = parking.pages.find((p) => p.id === 'auto')!
    render(
      <QuestionPage service={parking} page={page} answers={{ carOwner: 'lease' }} errors={[]} lang="en" ctx={ctx} />,
    )
    const group = screen.getByRole('group', { name: 'Whose car is it?' })
    expect(within(group).getAllByRole('radio')).toHaveLength(3)
    expect(within(group).getByLabelText('It is a lease car')).toBeChecked()
    expect(document.getElementById('carOwner')).toHaveAttribute('value', 'own')
  })

  it('radios: the question’s own message when nothing was chosen', () => {
    const page = parking.pages.find((p) => p.id === 'auto')!
    render(
      <QuestionPage
        service={parking}
        page={page}
        answers={{}}
        errors={[{ field: 'carOwner', code: 'required' }]}
        lang="nl"
        ctx={ctx}
      />,
    )
    expect(descriptionOf(screen.getByRole('group', { name: 'Van wie is de auto?' }))).toEqual([
      'Kies van wie de auto is',
    ])
  })

  it('checkboxes: every choice kept, each option’s hint linked', () => {
    const wmo = serviceByCode('wmo')!
    render(
      <QuestionPage
        service={wmo}
        page={wmo.pages[0]!}
        answers={{ helpWith: ['household', 'other'] }}
        errors={[]}
        lang="nl"
        ctx={ctx}
      />,
    )
    const group = screen.getByRole('group', { name: 'Waarmee heeft u hulp nodig?' })
    expect(within(group).getByLabelText('Het huishouden')).toBeChecked()
    expect(within(group).getByLabelText('Iets anders')).toBeChecked()
    expect(within(group).getByLabelText('Uw woning aanpassen')).not.toBeChecked()
    expect(descriptionOf(within(group).getByLabelText('Uw woning aanpassen'))).toEqual([
      'Bijvoorbeeld een traplift of een douchestoel',
    ])
    for (const box of within(group).getAllByRole('checkbox')) expect(box).toHaveAttribute('name', 'helpWith')
  })

  it('yes/no: two radios, Ja and Nee, the answer kept', () => {
    show([{ id: 'ok', kind: 'yesNo', label: { nl: 'Helpt iemand u?', en: 'Does someone help you?' } }], { ok: 'no' })
    const group = screen.getByRole('group', { name: 'Helpt iemand u?' })
    expect(within(group).getByLabelText('Nee')).toBeChecked()
    expect(within(group).getByLabelText('Ja')).not.toBeChecked()
  })

  it('shows the options that depend on what is known (a child of the household)', () => {
    const extract = serviceByCode('uittreksel-brp')!
    const page = extract.pages.find((p) => p.id === 'voor-wie')!
    render(<QuestionPage service={extract} page={page} answers={{}} errors={[]} lang="nl" ctx={ctx} />)
    expect(screen.getByLabelText('Mijn kind Lotte de Vries')).toHaveAttribute('value', 'kind:Lotte de Vries')
    expect(descriptionOf(screen.getByLabelText('Mijn kind Lotte de Vries'))).toEqual(['Geboren op 20 juni 2016'])
  })
})

describe('a file question', () => {
  it('is a file input for several files, with the files chosen so far listed by the caller', () => {
    const page = parking.pages.find((p) => p.id === 'verklaring')!
    render(
      <QuestionPage
        service={parking}
        page={page}
        answers={{}}
        errors={[{ field: 'useStatement', code: 'required' }]}
        lang="nl"
        ctx={ctx}
        fileList={(id) => <p>Gekozen voor {id}: verklaring.pdf</p>}
      />,
    )
    const input = screen.getByLabelText('Verklaring van de leasemaatschappij of werkgever')
    expect(input).toHaveAttribute('type', 'file')
    expect(input).toHaveAttribute('multiple')
    expect(input).toHaveAttribute('name', 'useStatement')
    expect(descriptionOf(input)).toEqual([
      'Een PDF of een foto. Hoogstens 3 bestanden.',
      'Kies een bestand met de verklaring',
    ])
    expect(screen.getByText('Gekozen voor useStatement: verklaring.pdf')).toBeInTheDocument()
    expect(screen.getByText(page.intro!.nl)).toBeInTheDocument()
  })
})

describe('known questions', () => {
  it('are not asked, unless the citizen wants to give another value', () => {
    const page = parking.pages[0]!
    const { rerender } = render(
      <QuestionPage service={parking} page={page} answers={{}} errors={[]} lang="nl" ctx={ctx} />,
    )
    expect(screen.queryByLabelText('Wat is het kenteken van de auto?')).toBeNull()
    rerender(<QuestionPage service={parking} page={page} answers={{}} errors={[]} lang="nl" ctx={ctx} askKnown />)
    expect(screen.getByLabelText('Wat is het kenteken van de auto?')).toHaveValue('')
  })
})

describe('messages', () => {
  it('uses a question’s own message first, then the generic one of its kind, in either language', () => {
    const t = i18next.t.bind(i18next)
    const plate = parking.pages[0]!.questions[0]!
    expect(errorMessage(plate, 'invalid', 'en', t)).toBe('Enter a Dutch licence plate, like 12-ABC-3')
    const bare: Question = { id: 'plate', kind: 'licencePlate', label: { nl: 'Kenteken', en: 'Licence plate' } }
    expect(errorMessage(bare, 'invalid', 'nl', t)).toBe('Vul een Nederlands kenteken in zoals 12-ABC-3')
    expect(errorMessage(bare, 'required', 'en', t)).toBe('Enter licence plate')
    expect(errorMessage({ ...name, kind: 'email' }, 'invalid', 'en', t)).toBe(
      'Enter an email address like name@example.com',
    )
  })

  it('lists the summary’s items in the order of the refusals, each linking to its question’s id', () => {
    const t = i18next.t.bind(i18next)
    const items = errorSummaryItems(
      parking,
      [
        { field: 'carOwner', code: 'required' },
        { field: 'startDate', code: 'tooEarly' },
        { field: 'unknown', code: 'required' },
      ],
      'nl',
      t,
    )
    expect(items).toEqual([
      { field: 'carOwner', message: 'Kies van wie de auto is' },
      { field: 'startDate', message: 'De ingangsdatum moet vandaag of later zijn' },
    ])
  })
})
