import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { json, redirect } from '@remix-run/node'
import { Form, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { z } from 'zod'
import { DateText } from '~/components/date-text'
import { ReadOnlyNote, useActsOnCases } from '~/components/staff-role'
import { CASE_READERS } from '~/domain/staff-areas'
import { parseForm } from '~/form.server'
import { requireStaff } from '~/services/auth/guards.server'
import { getFixedT } from '~/services/i18n.server'
import { listPostQueue, markLettersPrinted } from '~/services/letters/post.server'

/** The post queue: which letters go on paper? Print them, mark them printed. */
export async function loader({ request }: LoaderFunctionArgs) {
  const staff = await requireStaff(request, CASE_READERS)
  const [queue, t] = await Promise.all([listPostQueue(staff.employeeId), getFixedT(request)])
  const printed = z.coerce
    .number()
    .int()
    .min(0)
    .safeParse(new URL(request.url).searchParams.get('gedrukt') ?? undefined)
  return json(
    { queue, printed: printed.success ? printed.data : null, title: t('letters:post.title') },
    { headers: { 'Cache-Control': 'private, no-store' } },
  )
}

const PrintedForm = z.object({ letterId: z.string().uuid() })

export async function action({ request }: ActionFunctionArgs) {
  const staff = await requireStaff(request, 'caseworker')
  // The form has one hidden field: a wrong one is no typing error to show, but a bad request.
  const submission = await parseForm(request, PrintedForm)
  if (submission.status !== 'success') throw new Response('Bad Request', { status: 400 })
  const count = await markLettersPrinted(staff.employeeId, [submission.value.letterId])
  // Post/redirect/get: a reload does not post again; the count says what happened.
  return redirect(`/medewerker/post?gedrukt=${count}`)
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? 'Post' }]
export const handle = { i18n: 'letters' }

export default function PostQueue() {
  const { queue, printed } = useLoaderData<typeof loader>()
  const { t } = useTranslation('letters')
  const acts = useActsOnCases()
  return (
    <div className="space-y-6">
      <div className="prose-width">
        <h1 className="text-3xl md:text-4xl">{t('post.heading')}</h1>
        <p className="mt-2">{t('post.lead')}</p>
      </div>
      {acts ? null : <ReadOnlyNote />}
      {printed !== null ? (
        <div role="status" className="border-l-8 border-success bg-surface p-4">
          <p className="font-bold">{printed > 0 ? t('post.printed', { count: printed }) : t('post.printedNone')}</p>
        </div>
      ) : null}
      {queue.length === 0 ? (
        <p>{t('post.none')}</p>
      ) : (
        <div className="overflow-x-auto">
          <table className="w-full border-collapse text-left text-base">
            <caption className="py-2 text-left font-bold">{t('post.count', { count: queue.length })}</caption>
            <thead>
              <tr className="border-b-2 border-ink">
                <th scope="col" className="py-2 pr-4">
                  {t('post.recipient')}
                </th>
                <th scope="col" className="py-2 pr-4">
                  {t('post.letter')}
                </th>
                <th scope="col" className="py-2 pr-4">
                  {t('post.reference')}
                </th>
                <th scope="col" className="py-2 pr-4">
                  {t('post.letterDate')}
                </th>
                <th scope="col" className="py-2 pr-4">
                  {t('post.actions')}
                </th>
              </tr>
            </thead>
            <tbody>
              {queue.map((item) => (
                <tr key={item.id} className="border-b border-line align-top">
                  <td className="py-3 pr-4">
                    <span className="font-bold">{item.recipientName}</span>
                    {item.recipientLines.map((line, index) => (
                      <span key={index} className="block">
                        {line}
                      </span>
                    ))}
                  </td>
                  <td className="py-3 pr-4">{item.title}</td>
                  <td className="py-3 pr-4 whitespace-nowrap">{item.reference}</td>
                  <td className="py-3 pr-4 whitespace-nowrap">
                    <DateText date={item.letterDate} />
                  </td>
                  <td className="py-3 pr-4">
                    <div className="flex flex-wrap items-center gap-3">
                      <a
                        href={`/medewerker/post/${item.id}/pdf`}
                        className="btn-secondary"
                        target="_blank"
                        rel="noopener"
                      >
                        {t('post.openPdf')}
                        <span className="sr-only">
                          : {t('post.openPdfLabel', { reference: item.reference, name: item.recipientName })}
                        </span>
                      </a>
                      <Form method="post" hidden={!acts}>
                        <input type="hidden" name="letterId" value={item.id} />
                        <button type="submit" className="btn-primary">
                          {t('post.markPrinted')}
                          <span className="sr-only">
                            : {t('post.markPrintedLabel', { reference: item.reference, name: item.recipientName })}
                          </span>
                        </button>
                      </Form>
                    </div>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  )
}
