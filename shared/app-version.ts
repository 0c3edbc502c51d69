/**
 * The app's version, as package.json states it (a unit test keeps the two equal). The renderer
 * cannot read package.json, and the PC reports this to the province with its sync requests.
 */
export const APP_VERSION = '0.1.0';
