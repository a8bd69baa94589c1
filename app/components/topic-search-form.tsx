import { Form } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { SEARCH_MAX_LENGTH } from '~/domain/knowledge'

/** "Zoek een onderwerp": a GET form to /onderwerpen, so it works without JavaScript and can be linked. */
export function TopicSearchForm({ query = '', id = 'q' }: { query?: string; id?: string }) {
  const { t } = useTranslation('knowledge')
  return (
    <Form method="get" action="/onderwerpen" role="search" className="mt-4">
      <label htmlFor={id} className="block font-bold">
        {t('search.label')}
      </label>
      <p id={`${id}-hint`} className="m-0 text-base text-muted">
        {t('search.hint')}
      </p>
      <div className="mt-2 flex flex-wrap gap-2">
        <input
          id={id}
          name="q"
          type="search"
          defaultValue={query}
          maxLength={SEARCH_MAX_LENGTH}
          aria-describedby={`${id}-hint`}
          className="min-w-0 flex-1 border-2 border-ink px-3 py-2"
        />
        <button type="submit" className="btn-primary">
          {t('search.submit')}
        </button>
      </div>
    </Form>
  )
}
