import { useState, useSyncExternalStore, type ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { FormField, inputClass } from '~/components/form-field'
import type { Question } from '~/domain/eloket/form'
import type { Language } from '~/domain/language'
import { UPLOAD_ACCEPT } from '~/domain/uploads'

/** What a field shows: the stored answer in the form it is typed in, or what was typed before a refusal. */
export type FieldValue = string | string[] | undefined

export interface FieldProps {
  /** The question as asked (its options resolved: `visibleQuestions`). */
  question: Question
  value: FieldValue
  /** The message for its refusal, in the page's language. */
  error?: string
  lang: Language
  /** FLOW's list of the files already chosen for a file question. */
  fileList?: (questionId: string) => ReactNode
}

const boxClass = 'rounded-none border-2 border-ink bg-white px-2 py-1.5 text-lg'
const errorBar = (error?: string) => (error ? 'border-l-4 border-danger pl-4' : '')

function describedBy(...ids: Array<string | null | undefined | false>): string | undefined {
  return ids.filter(Boolean).join(' ') || undefined
}

function useLabel(question: Question, lang: Language): string {
  const { t } = useTranslation('eloket')
  return question.optional ? `${question.label[lang]} ${t('engine.optional', { lng: lang })}` : question.label[lang]
}

function text(value: FieldValue): string {
  return typeof value === 'string' ? value : ''
}

/** One question as GOV.UK renders its kind: a label (a legend for a group), a hint and the error, linked to the input. */
export function QuestionField(props: FieldProps) {
  switch (props.question.kind) {
    case 'textarea':
      return <TextareaField {...props} />
    case 'date':
      return <DateField {...props} />
    case 'radios':
    case 'checkboxes':
    case 'yesNo':
      return <ChoiceField {...props} />
    case 'file':
      return <FileField {...props} />
    default:
      return <InputField {...props} />
  }
}

function InputField({ question, value, error, lang }: FieldProps) {
  const label = useLabel(question, lang)
  const short = question.kind === 'licencePlate' || question.kind === 'number' || question.kind === 'money'
  const width =
    question.kind === 'licencePlate' || question.kind === 'number'
      ? 'max-w-[10rem]'
      : 'width' in question && question.width === 'short'
        ? 'max-w-xs'
        : question.kind === 'money'
          ? 'max-w-[12rem]'
          : ''
  const attributes = {
    type: question.kind === 'email' ? 'email' : question.kind === 'phone' ? 'tel' : 'text',
    inputMode:
      question.kind === 'number'
        ? ('numeric' as const)
        : question.kind === 'money'
          ? ('decimal' as const)
          : question.kind === 'phone'
            ? ('tel' as const)
            : undefined,
    autoComplete: question.autocomplete ?? (question.kind === 'licencePlate' ? 'off' : undefined),
    spellCheck: question.kind === 'email' || short ? false : undefined,
    autoCapitalize: question.kind === 'licencePlate' ? 'characters' : undefined,
    defaultValue: text(value),
  }
  return (
    <FormField id={question.id} label={label} hint={question.hint?.[lang]} error={error}>
      {(p) =>
        question.kind === 'money' ? (
          <div className="flex items-stretch">
            <span
              aria-hidden="true"
              className="border-2 border-r-0 border-ink bg-surface px-3 py-1.5 text-lg font-bold"
            >
              €
            </span>
            <input {...p} {...attributes} className={`${inputClass} ${width}`} />
          </div>
        ) : (
          <input {...p} {...attributes} className={`${inputClass} ${width}`} />
        )
      }
    </FormField>
  )
}

const noSubscription = () => () => {}
/** False in the server's render and while hydrating, true once the browser's script runs the page. */
function useScripted(): boolean {
  return useSyncExternalStore(
    noSubscription,
    () => true,
    () => false,
  )
}

/**
 * A text area with a character count that works without JavaScript (GOV.UK): the limit is
 * stated; with JavaScript the count of what is left follows the typing, read out politely.
 */
function TextareaField({ question, value, error, lang }: FieldProps) {
  const { t } = useTranslation('eloket')
  const label = useLabel(question, lang)
  const max = question.kind === 'textarea' ? question.maxLength : 0
  const [typed, setLength] = useState<number | null>(null)
  const length = typed ?? text(value).length
  const scripted = useScripted()
  const info = !scripted
    ? t('engine.characterLimit', { count: max, lng: lang })
    : length <= max
      ? t('engine.charactersLeft', { count: max - length, lng: lang })
      : t('engine.charactersTooMany', { count: length - max, lng: lang })
  const infoId = `${question.id}-info`
  return (
    <FormField id={question.id} label={label} hint={question.hint?.[lang]} error={error}>
      {(p) => (
        <>
          <textarea
            {...p}
            aria-describedby={describedBy(p['aria-describedby'], infoId)}
            rows={6}
            defaultValue={text(value)}
            onChange={(event) => setLength(event.target.value.length)}
            className={inputClass}
          />
          <p
            id={infoId}
            aria-live="polite"
            className={`m-0 mt-1 ${scripted && length > max ? 'font-bold text-danger' : 'text-muted'}`}
          >
            {info}
          </p>
        </>
      )}
    </FormField>
  )
}

/** A legend, hint and error for a group of inputs (GOV.UK fieldset), described by the hint and the error. */
function Fieldset({
  question,
  error,
  lang,
  children,
}: {
  question: Question
  error?: string
  lang: Language
  children: ReactNode
}) {
  const label = useLabel(question, lang)
  const hintId = question.hint ? `${question.id}-hint` : null
  const errorId = error ? `${question.id}-error` : null
  return (
    <fieldset className={`mb-6 min-w-0 ${errorBar(error)}`} aria-describedby={describedBy(hintId, errorId)}>
      <legend className="font-bold">{label}</legend>
      {hintId ? (
        <p id={hintId} className="m-0 text-base text-muted">
          {question.hint![lang]}
        </p>
      ) : null}
      {error ? (
        <p id={errorId!} className="m-0 font-bold text-danger">
          {error}
        </p>
      ) : null}
      {children}
    </fieldset>
  )
}

/** Day, month and year in three fields (GOV.UK date input); the day's id is the question's, so a link to it lands there. */
function DateField({ question, value, error, lang }: FieldProps) {
  const { t } = useTranslation('eloket')
  const parts = Array.isArray(value) ? value : ['', '', '']
  return (
    <Fieldset question={question} error={error} lang={lang}>
      <div className="mt-1 flex flex-wrap gap-4">
        {(['day', 'month', 'year'] as const).map((part, index) => {
          const id = index === 0 ? question.id : `${question.id}-${part}`
          return (
            <div key={part}>
              <label htmlFor={id} className="block">
                {t(`engine.${part}`, { lng: lang })}
              </label>
              <input
                id={id}
                name={`${question.id}.${part}`}
                type="text"
                inputMode="numeric"
                defaultValue={parts[index] ?? ''}
                aria-invalid={error ? true : undefined}
                className={`${boxClass} block ${part === 'year' ? 'w-24' : 'w-16'}`}
              />
            </div>
          )
        })}
      </div>
    </Fieldset>
  )
}

/** Radios, checkboxes and yes/no as a fieldset; the first input carries the question's id. */
function ChoiceField({ question, value, error, lang }: FieldProps) {
  const { t } = useTranslation('eloket')
  const options =
    question.kind === 'yesNo'
      ? [
          { value: 'yes', label: { nl: t('engine.yes', { lng: 'nl' }), en: t('engine.yes', { lng: 'en' }) } },
          { value: 'no', label: { nl: t('engine.no', { lng: 'nl' }), en: t('engine.no', { lng: 'en' }) } },
        ]
      : question.kind === 'radios' || question.kind === 'checkboxes'
        ? question.options
        : []
  const type = question.kind === 'checkboxes' ? 'checkbox' : 'radio'
  const chosen = new Set(Array.isArray(value) ? value : value === undefined ? [] : [value])
  return (
    <Fieldset question={question} error={error} lang={lang}>
      <div className={`mt-2 ${question.kind === 'yesNo' ? 'flex flex-wrap gap-6' : 'space-y-3'}`}>
        {options.map((option, index) => {
          const id = index === 0 ? question.id : `${question.id}-${index + 1}`
          const hintId = 'hint' in option && option.hint ? `${id}-hint` : null
          return (
            <div key={option.value} className="flex items-start gap-3">
              <input
                id={id}
                name={question.id}
                type={type}
                value={option.value}
                defaultChecked={chosen.has(option.value)}
                aria-describedby={hintId ?? undefined}
                className="mt-0.5 h-6 w-6 shrink-0"
              />
              <div>
                <label htmlFor={id}>{option.label[lang]}</label>
                {hintId && 'hint' in option && option.hint ? (
                  <p id={hintId} className="m-0 text-base text-muted">
                    {option.hint[lang]}
                  </p>
                ) : null}
              </div>
            </div>
          )
        })}
      </div>
    </Fieldset>
  )
}

function FileField({ question, error, lang, fileList }: FieldProps) {
  const { t } = useTranslation('eloket')
  const label = useLabel(question, lang)
  const many = question.kind === 'file' && question.maxFiles > 1
  return (
    <FormField
      id={question.id}
      label={label}
      hint={question.hint?.[lang] ?? t('engine.fileHint', { lng: lang })}
      error={error}
    >
      {(p) => (
        <>
          {fileList?.(question.id)}
          <input {...p} type="file" multiple={many} accept={UPLOAD_ACCEPT} className="block w-full max-w-xl text-lg" />
        </>
      )}
    </FormField>
  )
}
