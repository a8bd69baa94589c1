import type { Insertable, Selectable } from 'kysely'
import type { CaseTypesTable, CaseTypeStepsTable } from '../schema'

type Step = Omit<Selectable<CaseTypeStepsTable>, 'case_type_code' | 'position'>
export type DemoCaseType = Selectable<CaseTypesTable> & { steps: Step[] } & Insertable<CaseTypesTable>

const received: Step = {
  code: 'ontvangen', name_nl: 'Ontvangen', name_en: 'Received',
  explanation_nl: 'Wij hebben uw aanvraag ontvangen en gaan ermee aan de slag.',
  explanation_en: 'We have received your application and are starting on it.',
  final: false, informs_citizen: true,
}
const decision: Step = {
  code: 'besluit', name_nl: 'Besluit', name_en: 'Decision',
  explanation_nl: 'Wij hebben een besluit genomen. U krijgt daarover een brief.',
  explanation_en: 'We have made a decision. We will send you a letter about it.',
  final: true, informs_citizen: true,
}

/**
 * The service catalogue, after the seed's own examples (§1.3, §2.2): permits, benefits, care,
 * subsidies, parking, BRP. Lead times follow the law where it sets one (Awb 4:13 default
 * 8 weeks; Omgevingswet 8 weeks + 6 extension; Wet BRP 2.58: 4 weeks).
 */
export const caseTypes: DemoCaseType[] = [
  {
    code: 'omgevingsvergunning', name_nl: 'Omgevingsvergunning', name_en: 'Environmental permit',
    description_nl: 'Toestemming om te bouwen, te verbouwen of te slopen.',
    description_en: 'Permission to build, rebuild or demolish.',
    department: 'Vergunningen', lead_time_amount: 8, lead_time_unit: 'weeks',
    extension_amount: 6, extension_unit: 'weeks', suspension_allowed: true,
    legal_basis: 'Omgevingswet art. 16.64; Awb 4:13-4:15', default_contact_id: 'E1001',
    steps: [
      received,
      { code: 'volledigheid', name_nl: 'Controle volledigheid', name_en: 'Completeness check',
        explanation_nl: 'Wij kijken of uw aanvraag compleet is. Mist er iets, dan vragen wij u dat.',
        explanation_en: 'We check whether your application is complete. If something is missing, we ask you for it.',
        final: false, informs_citizen: false },
      { code: 'beoordeling', name_nl: 'Inhoudelijke beoordeling', name_en: 'Assessment',
        explanation_nl: 'Wij toetsen uw plan aan de regels, zoals het omgevingsplan.',
        explanation_en: 'We test your plan against the rules, such as the environment plan.',
        final: false, informs_citizen: true },
      decision,
    ],
  },
  {
    code: 'bijstand', name_nl: 'Bijstandsuitkering', name_en: 'Social assistance benefit',
    description_nl: 'Een uitkering als u niet genoeg geld heeft om van te leven.',
    description_en: 'A benefit if you do not have enough money to live on.',
    department: 'Werk en Inkomen', lead_time_amount: 8, lead_time_unit: 'weeks',
    extension_amount: 4, extension_unit: 'weeks', suspension_allowed: true,
    legal_basis: 'Participatiewet art. 44; Awb 4:13-4:15', default_contact_id: 'E1002',
    steps: [
      received,
      { code: 'gesprek', name_nl: 'Gesprek', name_en: 'Interview',
        explanation_nl: 'U heeft een gesprek met een consulent over uw situatie.',
        explanation_en: 'You talk with a consultant about your situation.',
        final: false, informs_citizen: true },
      { code: 'onderzoek', name_nl: 'Onderzoek', name_en: 'Review',
        explanation_nl: 'Wij controleren uw gegevens, zoals inkomen en vermogen.',
        explanation_en: 'We check your details, such as income and savings.',
        final: false, informs_citizen: false },
      decision,
    ],
  },
  {
    code: 'wmo', name_nl: 'Wmo-voorziening', name_en: 'Care and support (Wmo)',
    description_nl: 'Hulp om thuis te kunnen blijven wonen, zoals huishoudelijke hulp of een traplift.',
    description_en: 'Help to keep living at home, such as household help or a stairlift.',
    department: 'Zorg en Welzijn', lead_time_amount: 8, lead_time_unit: 'weeks',
    extension_amount: 4, extension_unit: 'weeks', suspension_allowed: true,
    legal_basis: 'Wmo 2015 art. 2.3.2 en 2.3.5; Awb 4:13-4:15', default_contact_id: 'E1004',
    steps: [
      received,
      { code: 'keukentafelgesprek', name_nl: 'Gesprek bij u thuis', name_en: 'Conversation at home',
        explanation_nl: 'Een consulent komt bij u langs om te bespreken wat u nodig heeft.',
        explanation_en: 'A consultant visits you to talk about what you need.',
        final: false, informs_citizen: true },
      { code: 'advies', name_nl: 'Advies', name_en: 'Advice',
        explanation_nl: 'Soms vragen wij een arts of ergotherapeut om advies.',
        explanation_en: 'Sometimes we ask a doctor or occupational therapist for advice.',
        final: false, informs_citizen: false },
      decision,
    ],
  },
  {
    code: 'subsidie', name_nl: 'Subsidie', name_en: 'Grant',
    description_nl: 'Geld van de gemeente voor een activiteit of project.',
    description_en: 'Money from the municipality for an activity or project.',
    department: 'Subsidies', lead_time_amount: 13, lead_time_unit: 'weeks',
    extension_amount: 8, extension_unit: 'weeks', suspension_allowed: true,
    legal_basis: 'Algemene subsidieverordening; Awb 4:13-4:15', default_contact_id: 'E1001',
    steps: [
      received,
      { code: 'beoordeling', name_nl: 'Beoordeling', name_en: 'Assessment',
        explanation_nl: 'Wij kijken of uw aanvraag past in de regeling en het budget.',
        explanation_en: 'We check whether your application fits the scheme and the budget.',
        final: false, informs_citizen: true },
      decision,
    ],
  },
  {
    code: 'parkeervergunning', name_nl: 'Parkeervergunning', name_en: 'Parking permit',
    description_nl: 'Een vergunning om in uw wijk te parkeren.',
    description_en: 'A permit to park in your neighbourhood.',
    department: 'Parkeren', lead_time_amount: 14, lead_time_unit: 'days',
    extension_amount: 14, extension_unit: 'days', suspension_allowed: true,
    legal_basis: 'Parkeerverordening Groningen; Awb 4:13-4:15', default_contact_id: 'E1001',
    steps: [
      received,
      { code: 'controle', name_nl: 'Controle', name_en: 'Check',
        explanation_nl: 'Wij controleren uw kenteken en adres.',
        explanation_en: 'We check your number plate and address.',
        final: false, informs_citizen: false },
      decision,
    ],
  },
  {
    code: 'brp_correctie', name_nl: 'Correctie van uw gegevens (BRP)', name_en: 'Correction of your details (BRP)',
    description_nl: 'U vraagt ons een fout in uw persoonsgegevens te verbeteren.',
    description_en: 'You ask us to correct a mistake in your personal details.',
    department: 'Burgerzaken', lead_time_amount: 4, lead_time_unit: 'weeks',
    extension_amount: 4, extension_unit: 'weeks', suspension_allowed: true,
    legal_basis: 'Wet BRP art. 2.58', default_contact_id: 'E1003',
    steps: [
      received,
      { code: 'onderzoek', name_nl: 'Onderzoek', name_en: 'Review',
        explanation_nl: 'Wij vergelijken uw verzoek met de bewijsstukken en de bron.',
        explanation_en: 'We compare your request with the evidence and the source.',
        final: false, informs_citizen: false },
      decision,
    ],
  },
  {
    code: 'verhuizing', name_nl: 'Verhuizing', name_en: 'Change of address',
    description_nl: 'U geeft uw nieuwe adres door. Wij passen het aan in de Basisregistratie Personen.',
    description_en: 'You report your new address. We update it in the Personal Records Database (BRP).',
    department: 'Burgerzaken', lead_time_amount: 4, lead_time_unit: 'weeks',
    extension_amount: null, extension_unit: null, suspension_allowed: true,
    legal_basis: 'Wet BRP art. 2.39 en 2.48', default_contact_id: 'E1003',
    steps: [
      received,
      { code: 'controle', name_nl: 'Controle', name_en: 'Check',
        explanation_nl: 'Wij controleren het nieuwe adres. Soms komen wij langs.',
        explanation_en: 'We check the new address. Sometimes we visit.',
        final: false, informs_citizen: false },
      { code: 'verwerkt', name_nl: 'Verwerkt', name_en: 'Processed',
        explanation_nl: 'Uw nieuwe adres staat in de Basisregistratie Personen.',
        explanation_en: 'Your new address is in the Personal Records Database.',
        final: true, informs_citizen: true },
    ],
  },
]
