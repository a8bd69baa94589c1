import { Link } from '@remix-run/react'
import { useTranslation } from 'react-i18next'

export function SiteFooter() {
  const { t } = useTranslation()
  return (
    <footer className="mt-16 border-t-4 border-brand bg-surface">
      <div className="mx-auto grid max-w-6xl gap-8 px-4 py-10 md:grid-cols-3">
        <section aria-labelledby="footer-contact">
          <h2 id="footer-contact" className="text-lg">
            {t('footer.contactHeading')}
          </h2>
          <p className="mt-2 font-bold">
            <a href="tel:14050">{t('footer.phone')}</a>
          </p>
          <p className="text-base text-muted">{t('footer.phoneHours')}</p>
        </section>
        <section aria-labelledby="footer-counter">
          <h2 id="footer-counter" className="text-lg">
            {t('footer.counterHeading')}
          </h2>
          <p className="mt-2 text-base">{t('footer.counterAddress')}</p>
          <p className="text-base text-muted">{t('footer.counterHours')}</p>
        </section>
        <section aria-labelledby="footer-about">
          <h2 id="footer-about" className="text-lg">
            {t('footer.aboutHeading')}
          </h2>
          <ul className="mt-2 space-y-1 text-base">
            <li>
              <Link to="/onderwerpen">{t('knowledge:title')}</Link>
            </li>
            <li>
              <Link to="/kwaliteitshandvest">{t('footer.charter')}</Link>
            </li>
          </ul>
          <p className="mt-4 text-sm text-muted">{t('footer.testEnvironment')}</p>
        </section>
      </div>
    </footer>
  )
}
