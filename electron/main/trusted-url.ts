/**
 * The renderer is the app's own page on file://. Anything else (a link in a referral, an
 * injected script's redirect) must never load in the app window: it would inherit the bridge.
 */
export function isAppPage(url: string, appIndexUrl: string): boolean {
  let candidate: URL;
  let app: URL;
  try {
    candidate = new URL(url);
    app = new URL(appIndexUrl);
  } catch {
    return false;
  }
  // Compare parsed parts, never substrings: "file:///app/index.html.evil" is not the app.
  return (
    candidate.protocol === app.protocol &&
    candidate.host === app.host &&
    candidate.pathname === app.pathname &&
    // The app's URL never carries credentials; one that does is a disguise ("user@host").
    candidate.username === '' &&
    candidate.password === ''
  );
}
