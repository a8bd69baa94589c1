/**
 * How a stored answer reads on the check page and in the answers' PDF, in both languages:
 * an amount as "€ 1.250,50" / "€1,250.50", a date as "1 maart 2026" / "1 March 2026", a choice
 * by its label, files as "2 bestanden" / "2 files".
 */
import { formatLetterDate } from '~/domain/letters-format'
import { isLocalDate } from '~/domain/local-date'
import type { FormContext, Question, Text } from './form'
import { optionsOf } from './values'

const NOT_GIVEN: Text = { nl: 'Niet ingevuld', en: 'Not given' }

function same(value: string): Text {
  return { nl: value, en: value }
}

function groupThousands(euros: number, separator: string): string {
  return String(euros).replace(/\B(?=(\d{3})+(?!\d))/g, separator)
}

/** 125050 → "€ 1.250,50" / "€1,250.50"; whole euros without cents: "€ 65" is never written, "€ 65,00" is. */
export function formatCents(cents: number): Text {
  const euros = Math.floor(cents / 100)
  const rest = String(cents % 100).padStart(2, '0')
  return { nl: `€ ${groupThousands(euros, '.')},${rest}`, en: `€${groupThousands(euros, ',')}.${rest}` }
}

export function formatDate(date: string): Text {
  return isLocalDate(date) ? { nl: formatLetterDate(date, 'nl'), en: formatLetterDate(date, 'en') } : same(date)
}

export function displayAnswer(question: Question, answer: string | string[] | undefined, ctx: FormContext): Text {
  if (answer === undefined || answer === '' || (Array.isArray(answer) && answer.length === 0)) return NOT_GIVEN
  switch (question.kind) {
    case 'money':
      return typeof answer === 'string' && /^\d+$/.test(answer) ? formatCents(Number(answer)) : same(String(answer))
    case 'date':
      return typeof answer === 'string' ? formatDate(answer) : same(answer.join('-'))
    case 'yesNo':
      return answer === 'yes'
        ? { nl: 'Ja', en: 'Yes' }
        : answer === 'no'
          ? { nl: 'Nee', en: 'No' }
          : same(String(answer))
    case 'radios':
    case 'checkboxes': {
      const options = optionsOf(question, ctx)
      const labels = (Array.isArray(answer) ? answer : [answer]).map(
        (value) => options.find((option) => option.value === value)?.label ?? same(value),
      )
      return { nl: labels.map((label) => label.nl).join(', '), en: labels.map((label) => label.en).join(', ') }
    }
    case 'file': {
      const count = Number(answer)
      if (!Number.isInteger(count) || count <= 0) return { nl: 'Geen bestanden', en: 'No files' }
      return count === 1 ? { nl: '1 bestand', en: '1 file' } : { nl: `${count} bestanden`, en: `${count} files` }
    }
    default:
      return same(Array.isArray(answer) ? answer.join(', ') : answer)
  }
}
