import { sql } from 'kysely'
import type { DB } from '../../db/client'
import type { SeedArticle } from '../../db/seed/knowledge-articles'
import type { StaffUser } from '~/services/auth/user.server'
import { saveArticle } from '~/services/knowledge/editor.server'

/** Pieter Smit (E4001), the demo editor, as the services see him. */
export const editor: StaffUser = {
  kind: 'staff',
  sessionId: 'test',
  employeeId: 'E4001',
  name: 'Pieter Smit',
  roles: ['editor'],
}

const text = (title: string, summary: string, what = '') => ({
  title,
  summary,
  what: what || summary,
  forWhom: '',
  cost: '',
  duration: '',
  bring: [],
})

/**
 * Articles of the test's own, so a relevance test does not depend on the published content:
 * each says what a search must find. Written in the B1 style of the real ones.
 */
export const fixtureArticles: SeedArticle[] = [
  {
    slug: 'reisdocument-aanvragen',
    topic: 'identity',
    synonyms: ['paspoort', 'identiteitskaart', 'id-kaart', 'passport', 'identity card', 'travel document'],
    onward: { ask: true, appointment: true },
    nl: text(
      'Reisdocument aanvragen',
      'Vraag een reisdocument aan bij de balie.',
      'Een reisdocument heeft u nodig voor een reis naar het buitenland.',
    ),
    en: text(
      'Apply for a travel document',
      'Apply for a travel document at the counter.',
      'You need a travel document to travel abroad.',
    ),
  },
  {
    slug: 'verhuizing-doorgeven',
    topic: 'moving',
    synonyms: ['verhuizen', 'adreswijziging', 'move', 'moving house', 'change of address'],
    onward: { apply: '/mijn/gegevens/verhuizen', ask: true, appointment: false },
    nl: text(
      'Verhuizing doorgeven',
      'Geef uw nieuwe adres online door.',
      'U geeft uw nieuwe adres door aan de gemeente.',
    ),
    en: text('Report a move', 'Report your new address online.', 'You tell the municipality your new address.'),
  },
  {
    slug: 'parkeervergunning-aanvragen',
    topic: 'parking',
    synonyms: ['parkeren', 'parking permit', 'vergunning auto'],
    onward: { ask: true, appointment: false },
    nl: text(
      'Parkeervergunning aanvragen',
      'Parkeer in uw eigen wijk met een vergunning.',
      'Met een parkeervergunning parkeert u in uw wijk.',
    ),
    en: text(
      'Apply for a parking permit',
      'Park in your own area with a permit.',
      'With a parking permit you park in your area.',
    ),
  },
  {
    slug: 'afvalcontainer-aanvragen',
    topic: 'waste',
    synonyms: ['kliko', 'vuilnisbak', 'container', 'waste bin'],
    onward: { ask: true, appointment: false },
    nl: text(
      'Afvalcontainer aanvragen',
      'Vraag een nieuwe of extra container aan.',
      'Voor uw huisvuil krijgt u een container.',
    ),
    en: text(
      'Request a waste container',
      'Request a new or extra container.',
      'You get a container for your household waste.',
    ),
  },
  {
    slug: 'rijbewijs-verlengen',
    topic: 'identity',
    synonyms: ['rijbewijs', 'driving licence', "driver's license"],
    onward: { ask: true, appointment: true },
    nl: text('Rijbewijs verlengen', 'Verleng uw rijbewijs op tijd.', 'Uw rijbewijs is 10 jaar geldig.'),
    en: text(
      'Renew your driving licence',
      'Renew your driving licence in time.',
      'Your driving licence is valid for 10 years.',
    ),
  },
  {
    slug: 'bijstandsuitkering',
    topic: 'income',
    synonyms: ['bijstand', 'uitkering', 'social assistance', 'benefit'],
    onward: { ask: true, appointment: false },
    nl: text(
      'Bijstandsuitkering aanvragen',
      'Geld om van te leven als u geen ander inkomen heeft.',
      'De bijstand is voor mensen zonder genoeg inkomen.',
    ),
    en: text(
      'Apply for social assistance',
      'Money to live on when you have no other income.',
      'Social assistance is for people without enough income.',
    ),
  },
]

/**
 * Replaces the knowledge base of this test file's database with `articles`, each published as
 * version 1 by the editor. TRUNCATE, because versions refuse to be deleted row by row.
 */
export async function useArticles(db: DB, articles: SeedArticle[] = fixtureArticles): Promise<void> {
  await sql`truncate knowledge_terms, knowledge_article_versions, knowledge_articles`.execute(db)
  for (const a of articles) {
    const saved = await saveArticle(
      editor,
      {
        slug: a.slug,
        topic: a.topic,
        nl: a.nl,
        en: a.en,
        synonyms: a.synonyms,
        onward: a.onward,
        note: null,
        existing: null,
        baseVersion: 0,
        publish: true,
      },
      { db },
    )
    if (!saved.ok) throw new Error(`fixture ${a.slug}: ${saved.code}`)
  }
}
