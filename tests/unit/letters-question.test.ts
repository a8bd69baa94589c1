import { describe, expect, it } from 'vitest'
import { letterAsText } from '~/domain/letters'
import {
  questionAcknowledgementLetter,
  questionAnswerLetter,
  type QuestionLetterContext,
} from '~/domain/letters-question'
import { letterReadability } from '~/domain/letters-readability'
import { acknowledgementChannel, acknowledgementText, questionContentMail, withoutBsn } from '~/domain/question-texts'
import { MUNICIPALITY } from '~/services/letters/stored.server'

/** A question's letters and texts: the number, the dates, the reason and next step, plain language. */
const ctx = (language: 'nl' | 'en'): QuestionLetterContext => ({
  reference: 'V-2026-000042',
  topicLabel: language === 'nl' ? 'Parkeren' : 'Parking',
  receivedOn: '2026-12-01',
  answerBy: '2027-01-12',
  question: 'Mag ik een tweede parkeervergunning aanvragen?\n\nIk heb een auto van mijn werk.',
  recipient: { name: 'G. van Dijk', addressLines: ['Oude Ebbingestraat 5', '9712 HA Groningen'], language },
  letterDate: '2026-12-01',
  municipality: MUNICIPALITY,
  threadUrl: 'https://mijn.groningen.example/mijn/vragen/abc',
  department: null,
})

describe('the letters of a question', () => {
  it('acknowledges with the number, the day received and the latest day of the answer', () => {
    const text = letterAsText(questionAcknowledgementLetter(ctx('nl')))
    expect(text).toContain('Ons kenmerk: V-2026-000042')
    expect(text).toContain(
      'Wij hebben uw vraag ontvangen op 1 december 2026. Uw vraag heeft nummer V-2026-000042. U krijgt uiterlijk 12 januari 2027 antwoord per brief.',
    )
    expect(text).toContain('Ik heb een auto van mijn werk.')
    expect(text).toContain('Klantcontactcentrum')
    expect(letterAsText(questionAcknowledgementLetter(ctx('en')))).toContain(
      'You will get an answer by 12 January 2027 at the latest, by letter.',
    )
  })

  it('answers with the text as typed, what to do when it is not answered, and the department that signs', () => {
    const letter = questionAnswerLetter({
      ...ctx('nl'),
      department: 'Vergunningen',
      answer: 'Ja, dat mag.\n\nHet kost 40 euro.',
    })
    expect(letter.templateCode).toBe('question.answer')
    const text = letterAsText(letter)
    expect(text).toContain('Ja, dat mag.')
    expect(text).toContain('Het kost 40 euro.')
    expect(text).toContain('Is uw vraag niet beantwoord?')
    expect(text).toContain('Afdeling Vergunningen')
  })

  it.each([
    ['acknowledgement', questionAcknowledgementLetter(ctx('nl')), questionAcknowledgementLetter(ctx('en'))],
    [
      'answer',
      questionAnswerLetter({ ...ctx('nl'), answer: 'Ja, dat mag. U vraagt hem aan in Mijn Stad.' }),
      questionAnswerLetter({ ...ctx('en'), answer: 'Yes, you may. You apply in Mijn Stad.' }),
    ],
  ])('%s: plain language (B1)', (_name, nl, en) => {
    expect(letterReadability(nl).averageSentenceLength).toBeLessThanOrEqual(15)
    expect(letterReadability(en).averageSentenceLength).toBeLessThanOrEqual(15)
    expect(letterReadability(nl).fleschDouma).toBeGreaterThanOrEqual(60)
  })
})

describe('the texts of a question', () => {
  it('acknowledges a call back somewhere else than by phone', () => {
    const phone = { answerChannel: 'phone' as const, email: null }
    expect(acknowledgementChannel({ ...phone, channel: 'internet', bsn: '999993653' })).toBe('portal')
    expect(acknowledgementChannel({ ...phone, channel: 'internet', bsn: null, email: 'a@example.org' })).toBe('email')
    expect(acknowledgementChannel({ ...phone, channel: 'post', bsn: '999993653' })).toBe('letter')
    expect(
      acknowledgementChannel({ answerChannel: 'letter', channel: 'internet', bsn: '999993653', email: null }),
    ).toBe('letter')
  })

  it('blots out anything that passes the eleven test, and leaves other numbers alone', () => {
    expect(withoutBsn('BSN 999993653, telefoon 0612345678, bedrag 123456789')).toBe(
      'BSN *********, telefoon 0612345678, bedrag 123456789',
    )
    const mail = questionContentMail(
      {
        kind: 'answer',
        reference: 'V-2026-000042',
        body: 'Wij zagen 999993653 in uw brief.',
        threadUrl: null,
        contactFormUrl: 'https://x.example/contactformulier',
        phone: '14 050',
        municipalityName: 'Gemeente Groningen',
      },
      'nl',
    )
    expect(mail.text).not.toContain('999993653')
    expect(mail.html).not.toContain('999993653')
  })

  it('says how the answer comes', () => {
    const a = { reference: 'V-2026-000001', receivedOn: '2026-12-01', answerBy: '2027-01-12' }
    expect(acknowledgementText({ ...a, answerChannel: 'portal' }, 'nl')).toMatch(/antwoord in Mijn Stad\.$/)
    expect(acknowledgementText({ ...a, answerChannel: 'email' }, 'nl')).toMatch(/antwoord per e-mail\.$/)
    expect(acknowledgementText({ ...a, answerChannel: 'email' }, 'en')).toMatch(/at the latest, by e-mail\.$/)
  })
})
