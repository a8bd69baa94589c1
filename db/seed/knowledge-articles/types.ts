/** The shape of a seeded knowledge base article (see db/seed/knowledge-articles.ts). */
export interface ArticleText {
  /** The heading, as people search for it: "Paspoort aanvragen". */
  title: string
  /** One or two sentences: the answer in short, shown in search results. */
  summary: string
  /** What it is. Paragraphs separated by a blank line. */
  what: string
  /** Who it is for (and who not). */
  forWhom: string
  /** What it costs; "Gratis" / "Free" when nothing. */
  cost: string
  /** How long it takes: the norm the municipality holds itself to, or the legal term. */
  duration: string
  /** What to bring or have ready, one item per entry. */
  bring: string[]
}

export interface SeedArticle {
  /** The address: /onderwerpen/<slug>, Dutch, lower case, hyphens. */
  slug: string
  /** One of the topics of app/domain/topics.ts (db/ imports nothing from app/; a test checks). */
  topic: string
  /**
   * Words people use that the texts may not: other names, abbreviations, common misspellings,
   * in both languages ("reisdocument", "travel document", "pasport").
   */
  synonyms: string[]
  /** The ways onward the article offers. */
  onward: {
    /** A path in the portal where it can be done online, e.g. '/mijn/gegevens/verhuizen'. */
    apply?: string
    /** "Stel een vraag": always sensible, so true unless there is nothing to ask. */
    ask: boolean
    /** "Maak een afspraak": when it is done at the counter. */
    appointment: boolean
  }
  nl: ArticleText
  en: ArticleText
}
