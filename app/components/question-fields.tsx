import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { TopicOptions } from '~/components/topic-options'
import { FormField, inputClass } from '~/components/form-field'
import { QUESTION_MAX_LENGTH } from '~/domain/questions'

/** The topic select, preselected from `?onderwerp=` or what was sent. */
export function TopicField({ value, error }: { value: string; error?: string }) {
  const { t } = useTranslation('questions')
  return (
    <FormField id="topic" label={t('form.topic')} error={error}>
      {(p) => (
        <select {...p} defaultValue={value} className={`${inputClass} max-w-xl`}>
          <TopicOptions empty={t('form.topicChoose')} />
        </select>
      )}
    </FormField>
  )
}

/**
 * The question's text with a counter of the characters left. Without JavaScript the hint names
 * the maximum and the server checks it; with it the counter is read out politely as it changes.
 */
export function QuestionBodyField({
  id = 'body',
  label,
  value,
  error,
}: {
  id?: string
  label: string
  value: string
  error?: string
}) {
  const { t } = useTranslation('questions')
  const [length, setLength] = useState<number | null>(null)
  const left = QUESTION_MAX_LENGTH - (length ?? value.length)
  return (
    <FormField id={id} label={label} hint={t('form.bodyHint', { max: QUESTION_MAX_LENGTH })} error={error}>
      {(p) => (
        <>
          <textarea
            {...p}
            rows={8}
            defaultValue={value}
            onInput={(e) => setLength(e.currentTarget.value.length)}
            className={inputClass}
          />
          {length !== null ? (
            <p className={`m-0 text-base ${left < 0 ? 'font-bold text-danger' : 'text-muted'}`} aria-live="polite">
              {left < 0 ? t('form.counterOver', { count: -left }) : t('form.counter', { count: left })}
            </p>
          ) : null}
        </>
      )}
    </FormField>
  )
}
