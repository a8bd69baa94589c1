import type { StaffRole } from '../schema'

export interface DemoEmployee {
  id: string
  name: string
  email: string
  phone: string
  department: string
  roles: StaffRole[]
}

/** The municipality's demo staff, also the accounts of the mock staff SSO. */
export const employees: DemoEmployee[] = [
  {
    id: 'E1001',
    name: 'Mirjam Kuipers',
    email: 'mirjam.kuipers@groningen.example',
    phone: '050 367 1001',
    department: 'Vergunningen',
    roles: ['caseworker'],
  },
  {
    id: 'E1002',
    name: 'Henk Drenth',
    email: 'henk.drenth@groningen.example',
    phone: '050 367 1002',
    department: 'Werk en Inkomen',
    roles: ['caseworker'],
  },
  {
    id: 'E1003',
    name: 'Rianne Mulder',
    email: 'rianne.mulder@groningen.example',
    phone: '050 367 1003',
    department: 'Burgerzaken',
    roles: ['caseworker'],
  },
  {
    id: 'E1004',
    name: 'Youssef Amrani',
    email: 'youssef.amrani@groningen.example',
    phone: '050 367 1004',
    department: 'Zorg en Welzijn',
    roles: ['caseworker'],
  },
  {
    id: 'E1005',
    name: 'Femke Bos',
    email: 'femke.bos@groningen.example',
    phone: '050 367 1005',
    department: 'Juridische Zaken',
    roles: ['caseworker'],
  },
  {
    id: 'E2001',
    name: 'Sanne Visser',
    email: 'sanne.visser@groningen.example',
    phone: '050 367 2001',
    department: 'Klantcontactcentrum',
    roles: ['support'],
  },
  {
    id: 'E2002',
    name: 'Lotte de Vries',
    email: 'lotte.devries@groningen.example',
    phone: '050 367 2002',
    department: 'Klantcontactcentrum',
    roles: ['kcc'],
  },
  {
    id: 'E4001',
    name: 'Pieter Smit',
    email: 'pieter.smit@groningen.example',
    phone: '050 367 4001',
    department: 'Communicatie',
    roles: ['editor'],
  },
  {
    id: 'E3001',
    name: 'Ahmed Benali',
    email: 'ahmed.benali@groningen.example',
    phone: '050 367 3001',
    department: 'Concernstaf',
    roles: ['manager'],
  },
  {
    id: 'E3002',
    name: 'Ingrid Hoekstra',
    email: 'ingrid.hoekstra@groningen.example',
    phone: '050 367 3002',
    department: 'Burgerzaken',
    roles: ['manager', 'caseworker'],
  },
]
