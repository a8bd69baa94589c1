import { ErrorPage } from '~/components/error-page'
import { notFound } from '~/responses'

/** A path under /mijn that no page claims: 404, with the citizen navigation around it. */
export async function loader() {
  throw notFound()
}

export default function NotFound() {
  return <ErrorPage status={404} />
}
