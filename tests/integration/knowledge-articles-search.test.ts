import { describe, expect, it } from 'vitest'
import type { Language } from '~/domain/language'
import { searchArticles } from '~/services/knowledge/search.server'

/**
 * The seeded articles as people look for them: what they type at the counter's search, on the
 * phone or on the public "Onderwerpen" page (their words, abbreviations, misspellings, the other
 * language) finds the article that answers it as the first hit. A miss here means an article
 * lacks the word people use, or another article took its place (the message lists the hits).
 */

const cases: [query: string, language: Language, slug: string][] = [
  ['paspoort', 'nl', 'paspoort-aanvragen'],
  ['pasport', 'nl', 'paspoort-aanvragen'],
  ['passport', 'en', 'paspoort-aanvragen'],
  ['identiteitskaart', 'nl', 'id-kaart-aanvragen'],
  ['id card', 'en', 'id-kaart-aanvragen'],
  ['rijbewijs verlopen', 'nl', 'rijbewijs-verlengen'],
  ['driving licence', 'en', 'rijbewijs-verlengen'],
  ['paspoort kwijt', 'nl', 'reisdocument-kwijt-of-gestolen'],
  ['uittreksel', 'nl', 'uittreksel-brp'],
  ['vog', 'nl', 'verklaring-omtrent-het-gedrag'],
  ['geboorte', 'nl', 'geboorteaangifte-doen'],
  ['trouwen', 'nl', 'trouwen-of-geregistreerd-partnerschap'],
  ['marriage', 'en', 'trouwen-of-geregistreerd-partnerschap'],
  ['overlijden', 'nl', 'overlijden-aangeven'],
  ['dubbele achternaam', 'nl', 'naamskeuze-kind'],
  ['geboorteakte', 'nl', 'akte-burgerlijke-stand'],
  ['verhuizen', 'nl', 'verhuizing-doorgeven'],
  ['emigreren', 'nl', 'verhuizen-naar-het-buitenland'],
  ['bsn', 'en', 'inschrijven-vanuit-het-buitenland'],
  ['briefadres', 'nl', 'briefadres-aanvragen'],
  ['parkeervergunning', 'nl', 'parkeervergunning-bewoners'],
  ['bezoekers parkeren', 'nl', 'bezoekersparkeren'],
  ['gehandicaptenparkeerkaart', 'nl', 'gehandicaptenparkeerkaart'],
  ['ophaaldag', 'nl', 'afvalkalender'],
  ['grofvuil', 'nl', 'grofvuil-ophalen'],
  ['bulky waste', 'en', 'grofvuil-ophalen'],
  ['kliko kapot', 'nl', 'minicontainer-of-afvalpas'],
  ['wmo', 'nl', 'wmo-ondersteuning-aanvragen'],
  ['scootmobiel', 'nl', 'wmo-ondersteuning-aanvragen'],
  ['huishoudelijke hulp', 'nl', 'huishoudelijke-hulp'],
  ['jeugdzorg', 'nl', 'jeugdhulp'],
  ['mantelzorg', 'nl', 'mantelzorg-ondersteuning'],
  ['bijstand', 'nl', 'bijstandsuitkering-aanvragen'],
  ['uitkering', 'nl', 'bijstandsuitkering-aanvragen'],
  ['welfare', 'en', 'bijstandsuitkering-aanvragen'],
  ['schulden', 'nl', 'schuldhulpverlening'],
  ['inkomenstoeslag', 'nl', 'individuele-inkomenstoeslag'],
  ['stadjerspas', 'nl', 'stadjerspas'],
  ['bril vergoeding', 'nl', 'bijzondere-bijstand'],
  ['kwijtschelding', 'nl', 'kwijtschelding-gemeentelijke-belastingen'],
  ['woz', 'nl', 'woz-waarde-en-bezwaar'],
  ['rioolheffing', 'nl', 'afvalstoffenheffing-en-rioolheffing'],
  ['bouwvergunning', 'nl', 'omgevingsvergunning-aanvragen'],
  ['dakkapel', 'nl', 'vergunningvrij-bouwen'],
  ['rijksmonument', 'nl', 'monument-verbouwen'],
  ['kapvergunning', 'nl', 'boom-kappen'],
  ['subsidie vereniging', 'nl', 'subsidie-vereniging-of-activiteit'],
  ['isolatie', 'nl', 'subsidie-duurzaamheid-en-isolatie'],
  ['stoeptegel', 'nl', 'melding-openbare-ruimte'],
  ['lantaarnpaal kapot', 'nl', 'melding-openbare-ruimte'],
  ['street light', 'en', 'melding-openbare-ruimte'],
  ['geluidsoverlast', 'nl', 'overlast-melden'],
  ['evenementenvergunning', 'nl', 'evenementenvergunning'],
  ['terras', 'nl', 'terrasvergunning'],
  ['kvk', 'nl', 'bedrijf-starten-kvk'],
  ['drank- en horecavergunning', 'nl', 'alcoholvergunning-horeca'],
  ['marktkraam', 'nl', 'marktstandplaats'],
  ['bezwaar', 'nl', 'bezwaar-maken'],
  ['klacht', 'nl', 'klacht-indienen'],
  ['woo', 'nl', 'woo-verzoek'],
  ['avg', 'nl', 'uw-gegevens-inzien'],
  ['fout in mijn gegevens', 'nl', 'gegevens-laten-corrigeren'],
  ['openingstijden', 'nl', 'contact-en-openingstijden'],
  ['14050', 'nl', 'contact-en-openingstijden'],
  ['fiets gevonden', 'nl', 'gevonden-voorwerpen'],
]

describe('finding the seeded articles by the words people use', () => {
  it.each(cases)('"%s" (%s) finds %s first', async (query, language, slug) => {
    const { hits } = await searchArticles(query, { language, limit: 10 })
    const slugs = hits.map((h) => h.slug)
    expect(slugs[0], `${query}: ${slugs.join(', ')}`).toBe(slug)
  })
})
