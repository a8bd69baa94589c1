import type { SubmissionResult } from '@conform-to/react'
import { Form } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { TopicOptions } from '~/components/topic-options'
import { ErrorSummary } from '~/components/error-summary'
import { FormField, inputClass } from '~/components/form-field'
import { useGovForm } from '~/components/use-gov-form'
import { fieldName, LANGUAGE_FIELDS, type ArticleFormInput } from '~/domain/knowledge-form'

type Answer = (SubmissionResult<string[]> & { conflict: number | null }) | undefined

const LONG = new Set(['what', 'forWhom', 'cost', 'duration', 'bring'])

/**
 * The editor's article form, both languages, all fields: for a new article (the address can be
 * chosen) and for editing one (the address stays). "Opslaan als concept" and "Publiceren" post
 * the same form. After a refusal everything typed is there again; after a conflict (someone else
 * saved meanwhile) too, now based on the newest version, so saving again is a choice made knowingly.
 */
export function KnowledgeArticleForm({
  defaults,
  baseVersion,
  isNew,
  answer,
  readOnly,
}: {
  defaults: Record<string, string | undefined>
  baseVersion: number
  isNew: boolean
  answer: Answer
  readOnly: boolean
}) {
  const { t } = useTranslation('knowledge')
  const { errorOf, valueOf, summary } = useGovForm<ArticleFormInput>({
    id: 'article',
    lastResult: answer,
    defaultValue: defaults,
    message: (_field, key) => t(`editor.errors.${key}`),
  })
  const conflict = answer?.conflict ?? null
  const errors = conflict
    ? [{ field: 'note', message: t('editor.errors.conflict', { latest: conflict }) }, ...summary]
    : summary
  const area =
    (name: string, rows = 4) =>
    (props: Record<string, unknown>) => (
      <textarea
        {...props}
        rows={rows}
        defaultValue={valueOf(name as never)}
        className={inputClass}
        readOnly={readOnly}
      />
    )
  const text = (name: string) => (props: Record<string, unknown>) => (
    <input {...props} type="text" defaultValue={valueOf(name as never)} className={inputClass} readOnly={readOnly} />
  )
  return (
    <Form method="post" noValidate className="mt-6">
      <ErrorSummary title={t('editor.errorTitle')} errors={errors} />
      <input type="hidden" name="baseVersion" value={conflict ?? baseVersion} />
      {isNew ? (
        <FormField id="slug" label={t('editor.edit.slug')} hint={t('editor.edit.slugHint')} error={errorOf('slug')}>
          {text('slug')}
        </FormField>
      ) : (
        <input type="hidden" name="slug" value={defaults.slug} />
      )}
      <FormField id="topic" label={t('editor.edit.topic')} error={errorOf('topic')}>
        {(props) => (
          <select {...props} defaultValue={valueOf('topic')} className={inputClass} disabled={readOnly}>
            <TopicOptions empty={'—'} />
          </select>
        )}
      </FormField>
      <div className="grid gap-x-8 lg:grid-cols-2">
        {(['nl', 'en'] as const).map((language) => (
          <fieldset key={language} lang={language} className="min-w-0">
            <legend className="mb-4 text-2xl font-bold">{t(`editor.edit.${language}`)}</legend>
            {LANGUAGE_FIELDS.map((field) => {
              const name = fieldName(language, field)
              return (
                <FormField
                  key={name}
                  id={name}
                  label={t(`editor.edit.fields.${field}`)}
                  hint={field === 'bring' ? t('editor.edit.bringHint') : undefined}
                  error={errorOf(name as never)}
                >
                  {LONG.has(field) ? area(name, field === 'what' ? 6 : 3) : text(name)}
                </FormField>
              )
            })}
          </fieldset>
        ))}
      </div>
      <FormField
        id="synonyms"
        label={t('editor.edit.synonyms')}
        hint={t('editor.edit.synonymsHint')}
        error={errorOf('synonyms')}
      >
        {area('synonyms', 4)}
      </FormField>
      <fieldset className="mb-6">
        <legend className="mb-2 text-2xl font-bold">{t('editor.edit.onward')}</legend>
        <FormField id="apply" label={t('editor.edit.apply')} hint={t('editor.edit.applyHint')} error={errorOf('apply')}>
          {text('apply')}
        </FormField>
        {(['ask', 'appointment'] as const).map((name) => (
          <div key={name} className="mb-3 flex items-center gap-3">
            <input
              type="checkbox"
              id={name}
              name={name}
              defaultChecked={valueOf(name) === 'on'}
              className="h-6 w-6"
              disabled={readOnly}
            />
            <label htmlFor={name}>{t(`editor.edit.${name}`)}</label>
          </div>
        ))}
      </fieldset>
      {readOnly ? null : (
        <>
          <FormField id="note" label={t('editor.edit.note')} hint={t('editor.edit.noteHint')} error={errorOf('note')}>
            {text('note')}
          </FormField>
          <div className="flex flex-wrap gap-3">
            <button type="submit" name="intent" value="publish" className="btn-primary">
              {t('editor.edit.publish')}
            </button>
            <button type="submit" name="intent" value="draft" className="btn-secondary">
              {t('editor.edit.saveDraft')}
            </button>
          </div>
        </>
      )}
    </Form>
  )
}
