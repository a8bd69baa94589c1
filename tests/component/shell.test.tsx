import { createRemixStub } from '@remix-run/testing'
import { render, screen } from '@testing-library/react'
import i18next from 'i18next'
import { beforeEach, describe, expect, it } from 'vitest'
import { ErrorPage } from '~/components/error-page'
import { LanguageSwitch } from '~/components/language-switch'

beforeEach(() => i18next.changeLanguage('nl'))

function renderAt(path: string, element: JSX.Element) {
  const Stub = createRemixStub([{ path, Component: () => element }])
  return render(<Stub initialEntries={[path]} />)
}

describe('the language switch', () => {
  it('offers English in English, as a real form that posts to /taal and returns to this page', async () => {
    renderAt('/mijn/zaken', <LanguageSwitch />)
    const button = await screen.findByRole('button', { name: 'Switch to English' })
    expect(button).toHaveAttribute('lang', 'en')
    const form = button.closest('form')!
    expect(form).toHaveAttribute('method', 'post')
    expect(form).toHaveAttribute('action', '/taal')
    expect(form.querySelector('input[name=returnTo]')).toHaveValue('/mijn/zaken')
    expect(form.querySelector('input[name=lng]')).toHaveValue('en')
  })

  it('offers Dutch when the page is in English', async () => {
    await i18next.changeLanguage('en')
    renderAt('/', <LanguageSwitch />)
    expect(await screen.findByRole('button', { name: 'Wissel naar Nederlands' })).toHaveAttribute('lang', 'nl')
  })
})

describe('the error page', () => {
  it('says in plain words that the page was not found, with a way back and the phone number', async () => {
    renderAt('/', <ErrorPage status={404} />)
    expect(await screen.findByRole('heading', { level: 1, name: 'Pagina niet gevonden' })).toBeInTheDocument()
    expect(screen.getByRole('link', { name: 'Naar de startpagina' })).toHaveAttribute('href', '/')
    expect(screen.getByText(/14 050/)).toBeInTheDocument()
  })

  it('tells a server error is not the visitor’s fault, in English too', async () => {
    await i18next.changeLanguage('en')
    renderAt('/', <ErrorPage status={500} />)
    expect(await screen.findByRole('heading', { level: 1, name: 'Something went wrong' })).toBeInTheDocument()
    expect(screen.getByText(/not your fault/)).toBeInTheDocument()
  })
})
