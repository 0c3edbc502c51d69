/** The demo facility's code, apart from its seeding so that fixtures can import it cheaply. */
export const DEMO_FACILITY_CODE = '10010';
