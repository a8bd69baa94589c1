// Every namespace in both languages; a test checks that nl and en have the same keys.
import authEn from './en/auth.json'
import authNl from './nl/auth.json'
import casesEn from './en/cases.json'
import commonEn from './en/common.json'
import casesNl from './nl/cases.json'
import commonNl from './nl/common.json'
import exportEn from './en/export.json'
import exportNl from './nl/export.json'
import impersonationEn from './en/impersonation.json'
import impersonationNl from './nl/impersonation.json'
import lettersEn from './en/letters.json'
import lettersNl from './nl/letters.json'
import mydataEn from './en/mydata.json'
import mydataNl from './nl/mydata.json'
import movesEn from './en/moves.json'
import movesNl from './nl/moves.json'
import objectionsEn from './en/objections.json'
import objectionsNl from './nl/objections.json'
import qualityEn from './en/quality.json'
import qualityNl from './nl/quality.json'
import staffEn from './en/staff.json'
import staffNl from './nl/staff.json'
import uploadsEn from './en/uploads.json'
import uploadsNl from './nl/uploads.json'
import documentsEn from './en/documents.json'
import documentsNl from './nl/documents.json'
import informationEn from './en/information.json'
import informationNl from './nl/information.json'
import messagesEn from './en/messages.json'
import messagesNl from './nl/messages.json'
import topicsEn from './en/topics.json'
import topicsNl from './nl/topics.json'
import knowledgeEn from './en/knowledge.json'
import knowledgeNl from './nl/knowledge.json'
import questionsEn from './en/questions.json'
import questionsNl from './nl/questions.json'
import kccEn from './en/kcc.json'
import kccNl from './nl/kcc.json'
import contactEn from './en/contact.json'
import contactNl from './nl/contact.json'
import eloketEn from './en/eloket.json'
import eloketNl from './nl/eloket.json'
import paymentsEn from './en/payments.json'
import paymentsNl from './nl/payments.json'
import suggestionsEn from './en/suggestions.json'
import suggestionsNl from './nl/suggestions.json'

export const resources = {
  nl: {
    auth: authNl,
    cases: casesNl,
    common: commonNl,
    letters: lettersNl,
    mydata: mydataNl,
    moves: movesNl,
    quality: qualityNl,
    impersonation: impersonationNl,
    export: exportNl,
    objections: objectionsNl,
    staff: staffNl,
    uploads: uploadsNl,
    documents: documentsNl,
    information: informationNl,
    messages: messagesNl,
    topics: topicsNl,
    knowledge: knowledgeNl,
    questions: questionsNl,
    kcc: kccNl,
    contact: contactNl,
    eloket: eloketNl,
    payments: paymentsNl,
    suggestions: suggestionsNl,
  },
  en: {
    auth: authEn,
    cases: casesEn,
    common: commonEn,
    letters: lettersEn,
    mydata: mydataEn,
    moves: movesEn,
    quality: qualityEn,
    impersonation: impersonationEn,
    export: exportEn,
    objections: objectionsEn,
    staff: staffEn,
    uploads: uploadsEn,
    documents: documentsEn,
    information: informationEn,
    messages: messagesEn,
    topics: topicsEn,
    knowledge: knowledgeEn,
    questions: questionsEn,
    kcc: kccEn,
    contact: contactEn,
    eloket: eloketEn,
    payments: paymentsEn,
    suggestions: suggestionsEn,
  },
}
