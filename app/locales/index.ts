// Every namespace in both languages; a test checks that nl and en have the same keys.
import commonEn from './en/common.json'
import commonNl from './nl/common.json'

export const resources = {
  nl: { common: commonNl },
  en: { common: commonEn },
}
