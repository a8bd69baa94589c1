import { ErrorPage } from '~/components/error-page'
import { notFound } from '~/responses'

/** Any path nobody claims: a real 404 status with the shell around it. */
export async function loader() {
  throw notFound()
}

export default function NotFound() {
  return <ErrorPage status={404} />
}
