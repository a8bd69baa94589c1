import { ErrorPage } from '~/components/error-page'

/** Any path nobody claims: a real 404 status with the shell around it. */
export async function loader() {
  throw new Response('Not Found', { status: 404 })
}

export default function NotFound() {
  return <ErrorPage status={404} />
}
