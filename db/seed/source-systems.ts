/** The demo back-office system; its token is in the README so a newcomer can send an event. */
export const DEMO_SOURCE = { id: 'zaaksysteem', name: 'Zaaksysteem (demo)', token: 'demo-zaaksysteem-token' }
