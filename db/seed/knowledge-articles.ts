/**
 * The knowledge base's first articles ("Onderwerpen"): one per service or common question, in
 * plain Dutch (B1) and English. The seed publishes each as version 1; after that, editors change
 * them in /medewerker/kennisbank and every change is a new version. The contact centre inserts
 * them into answers, so the counter, the phone and the portal give the same answer.
 *
 * Each text says what it is, who it is for, what it costs, how long it takes (the norm the
 * municipality holds itself to), what to bring, and a way onward. Costs are Groningen's 2026
 * tariffs where the municipality sets them, the national ones where the law does; where a local
 * tariff is not certain, the text sends people to gemeente.groningen.nl rather than invent one.
 *
 * The articles live one file per topic in ./knowledge-articles/; the first one, the example of
 * the format, stays here. tests/unit/knowledge-articles.test.ts checks the content.
 */
import { buildingArticles } from './knowledge-articles/building'
import { businessArticles } from './knowledge-articles/business'
import { careArticles } from './knowledge-articles/care'
import { civilArticles } from './knowledge-articles/civil'
import { grantsArticles } from './knowledge-articles/grants'
import { identityArticles } from './knowledge-articles/identity'
import { incomeArticles } from './knowledge-articles/income'
import { movingArticles } from './knowledge-articles/moving'
import { otherArticles } from './knowledge-articles/other'
import { parkingArticles } from './knowledge-articles/parking'
import { publicSpaceArticles } from './knowledge-articles/public-space'
import { taxesArticles } from './knowledge-articles/taxes'
import { wasteArticles } from './knowledge-articles/waste'
import type { SeedArticle } from './knowledge-articles/types'

export type { ArticleText, SeedArticle } from './knowledge-articles/types'

export const seedArticles: SeedArticle[] = [
  {
    slug: 'verhuizing-doorgeven',
    topic: 'moving',
    synonyms: ['verhuizen', 'adreswijziging', 'inschrijven', 'move', 'change of address', 'relocation'],
    onward: { apply: '/mijn/gegevens/verhuizen', ask: true, appointment: false },
    nl: {
      title: 'Verhuizing doorgeven',
      summary: 'Gaat u verhuizen binnen Groningen of naar Groningen? Geef uw nieuwe adres online door met DigiD.',
      what: 'U geeft uw nieuwe adres door aan de gemeente. Wij zetten het in de Basisregistratie Personen (BRP). Andere overheden, zoals de Belastingdienst, krijgen uw nieuwe adres dan vanzelf.',
      forWhom:
        'Iedereen die verhuist naar een adres in de gemeente Groningen. U kunt ook de verhuizing doorgeven van uw partner en kinderen die met u meeverhuizen.',
      cost: 'Gratis.',
      duration:
        'Geef uw verhuizing door tussen 4 weken vóór en 5 dagen na uw verhuisdatum. Wij verwerken uw verhuizing binnen 4 weken (Wet BRP).',
      bring: [
        'Uw DigiD',
        'Het nieuwe adres en de verhuisdatum',
        'Toestemming van de hoofdbewoner als u bij iemand intrekt',
      ],
    },
    en: {
      title: 'Report a move',
      summary: 'Are you moving within or to Groningen? Report your new address online with DigiD.',
      what: 'You tell the municipality your new address. We record it in the Personal Records Database (BRP). Other government bodies, such as the Tax Administration, then receive your new address automatically.',
      forWhom:
        'Everyone moving to an address in the municipality of Groningen. You can also report the move of your partner and children who move with you.',
      cost: 'Free.',
      duration:
        'Report your move between 4 weeks before and 5 days after your moving date. We process your move within 4 weeks (Wet BRP).',
      bring: [
        'Your DigiD',
        'The new address and the moving date',
        'Permission from the main occupant if you move in with someone',
      ],
    },
  },
  ...identityArticles,
  ...civilArticles,
  ...movingArticles,
  ...parkingArticles,
  ...wasteArticles,
  ...careArticles,
  ...incomeArticles,
  ...taxesArticles,
  ...buildingArticles,
  ...grantsArticles,
  ...publicSpaceArticles,
  ...businessArticles,
  ...otherArticles,
]
