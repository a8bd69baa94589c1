/**
 * Measures whether a letter is written plainly (B1), so a test can hold the templates to it.
 *
 * - Average sentence length: words per sentence. Dutch plain-language guides (Rijksoverheid
 *   "Direct duidelijk", Stichting Makkelijk Lezen) aim at about 10 and at most 15.
 * - Flesch–Douma (Douma 1960), Flesch's reading ease fitted to Dutch:
 *     206.84 − 0.77 × syllables per 100 words − 0.93 × average words per sentence.
 *   60–70 is "fairly easy", 70–80 "easy". Only meaningful for Dutch text.
 *
 * What counts as text: the body of the letter (paragraphs and list items). The letterhead,
 * address block, date line, salutation, headings and label/value facts are not prose and are
 * left out, so they cannot flatter the score.
 */
import type { ComposedLetter } from './letters'

export interface ReadabilityStats {
  sentences: number
  words: number
  syllables: number
  averageSentenceLength: number
  /** Syllables per word. */
  averageSyllables: number
  fleschDouma: number
}

const VOWELS = new Set('aeiouyàáâäèéêëìíîïòóôöùúûüý')
/** A vowel with a diaeresis starts a new syllable: "beëindigen", "ideeën", "coördinator". */
const DIAERESIS = new Set('äëïöü')

/**
 * Syllables of one Dutch word, counted as groups of vowels: "ont-vangst-be-ves-ti-ging" is 6,
 * "huis" 1 ("ui" is one group), "ideeën" 3. Good enough for a score: Dutch spelling writes a
 * syllable nucleus as one vowel group, save for the diaeresis. Numbers, web addresses and
 * references ("Z-2026-000123") count as one syllable, being read as a unit, not sounded out.
 */
export function dutchSyllables(word: string): number {
  if (/^https?:\/\//i.test(word) || /\d/.test(word)) return 1
  let count = 0
  let previousWasVowel = false
  for (const ch of word.toLowerCase()) {
    const vowel = VOWELS.has(ch)
    if (vowel && (!previousWasVowel || DIAERESIS.has(ch))) count++
    previousWasVowel = vowel
  }
  return Math.max(1, count)
}

/** Words: whitespace-separated tokens with at least one letter or digit. */
export function wordsOf(text: string): string[] {
  return text.split(/\s+/).filter((token) => /[\p{L}\p{N}]/u.test(token))
}

/**
 * Sentences in a piece of text: split after . ! ? followed by a space. A colon does not end a
 * sentence (stricter: "Ontvangen: wij hebben …" counts as one). A text without a final mark (a
 * list item, a text ending in a web address) is one sentence too.
 */
export function sentencesOf(text: string): string[] {
  return text
    .split(/(?<=[.!?])\s+/u)
    .map((s) => s.trim())
    .filter((s) => wordsOf(s).length > 0)
}

/** The prose of a letter: every sentence of its paragraphs and list items. */
export function proseOf(letter: Pick<ComposedLetter, 'blocks'>): string[] {
  const sentences: string[] = []
  for (const block of letter.blocks) {
    if (block.kind === 'paragraph') sentences.push(...sentencesOf(block.text))
    if (block.kind === 'list') for (const item of block.items) sentences.push(...sentencesOf(item))
  }
  return sentences
}

export function readabilityOf(sentences: readonly string[]): ReadabilityStats {
  let words = 0
  let syllables = 0
  for (const sentence of sentences) {
    for (const word of wordsOf(sentence)) {
      words++
      syllables += dutchSyllables(word.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, ''))
    }
  }
  const averageSentenceLength = sentences.length ? words / sentences.length : 0
  const averageSyllables = words ? syllables / words : 0
  return {
    sentences: sentences.length,
    words,
    syllables,
    averageSentenceLength,
    averageSyllables,
    fleschDouma: 206.84 - 0.77 * (averageSyllables * 100) - 0.93 * averageSentenceLength,
  }
}

export function letterReadability(letter: Pick<ComposedLetter, 'blocks'>): ReadabilityStats {
  return readabilityOf(proseOf(letter))
}
