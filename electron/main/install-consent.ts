/** The part of electron-updater the consent rule drives. */
export interface InstallOnQuit {
  autoInstallOnAppQuit: boolean;
}

/** Asks the user, in Vietnamese, whether to install `version` when Sen closes; true for yes. */
export type AskConsent = (version: string) => Promise<boolean>;

/**
 * When a downloaded update may be installed: only once the user said yes, and the question is
 * only asked when the renderer says no visit form is open (a clinician mid-examination is never
 * interrupted). The install itself runs when the app quits, never while anyone works in it.
 */
export class InstallConsent {
  private downloaded: string | null = null;
  private safe = false;
  private asking = false;
  private readonly answered = new Set<string>();

  constructor(
    private readonly updater: InstallOnQuit,
    private readonly ask: AskConsent,
  ) {
    // Nothing installs on quit before the user agrees.
    updater.autoInstallOnAppQuit = false;
  }

  /** electron-updater downloaded and verified `version` (its sha512 from the feed). */
  downloadedVersion(version: string): Promise<void> {
    this.downloaded = version;
    return this.maybeAsk();
  }

  /** The renderer's word: false while a visit form is open. */
  setSafe(safe: boolean): Promise<void> {
    this.safe = safe;
    return this.maybeAsk();
  }

  private async maybeAsk(): Promise<void> {
    const version = this.downloaded;
    if (!version || !this.safe || this.asking || this.answered.has(version)) return;
    this.asking = true;
    try {
      const yes = await this.ask(version);
      this.answered.add(version);
      // "Later" leaves the download in the cache: the next start asks again.
      this.updater.autoInstallOnAppQuit = yes;
    } finally {
      this.asking = false;
    }
  }
}
