// The `partnership` settings, pulled from the client (workspace/configuration) or pushed with
// didChangeConfiguration, and the day files are judged as of: the local date ("today" is read
// here, the one clock of the server), unless `partnership.reviewDate` says otherwise.
import { ClientCapabilities, Connection, MessageType } from 'vscode-languageserver/node';
import { Day, dayOfDate, formatDay, parseToday } from '../service';
import { PartnershipSettings, SETTINGS_SECTION, TODAY_NOTIFICATION, TodayParams } from './protocol';
import type { HandlerSafety } from './safety';

export class Settings {
  private canPull = false;
  private pushed: PartnershipSettings = {};
  private pending: Promise<PartnershipSettings> | undefined;
  private warnedReviewDate: string | undefined;
  /** The day last told to the client (its status bar shows it). */
  announced: TodayParams | undefined;

  constructor(
    private readonly connection: Connection,
    private readonly safety: HandlerSafety,
    private readonly now: () => Date,
  ) {}

  initialize(client: ClientCapabilities): void {
    this.canPull = client.workspace?.configuration === true;
  }

  get canPullConfiguration(): boolean {
    return this.canPull;
  }

  /** didChangeConfiguration: keep what was pushed, pull again next time. */
  changed(settings: unknown): void {
    const pushed = (settings as { partnership?: PartnershipSettings } | null | undefined)?.partnership;
    if (pushed && typeof pushed === 'object') this.pushed = pushed;
    this.pending = undefined;
  }

  async current(): Promise<PartnershipSettings> {
    if (!this.canPull) return this.pushed;
    this.pending ??= this.connection.workspace.getConfiguration(SETTINGS_SECTION).then(
      (value: unknown) => (value && typeof value === 'object' ? (value as PartnershipSettings) : {}),
      (err: unknown) => {
        this.safety.logError('workspace/configuration', err);
        this.pending = undefined;
        return {};
      },
    );
    return this.pending;
  }

  async today(): Promise<Day> {
    const setting: unknown = (await this.current()).reviewDate;
    // Any JSON may arrive: Neovim sends an unquoted date as a number.
    const reviewDate = typeof setting === 'string' ? setting.trim() : setting === undefined || setting === null ? '' : setting;
    if (reviewDate !== '') {
      const parsed = typeof reviewDate === 'string' ? parseToday(reviewDate) : { problem: 'expected a text YYYY-MM-DD' };
      if ('day' in parsed) return this.announce(parsed.day, true);
      const shown = typeof reviewDate === 'string' ? `'${reviewDate}'` : `${JSON.stringify(reviewDate) ?? String(reviewDate)} (a ${typeof reviewDate})`;
      if (this.warnedReviewDate !== shown) {
        this.warnedReviewDate = shown;
        this.safety.showMessage(MessageType.Warning, `partnership.reviewDate ${shown} is not valid: ${parsed.problem}; using today's date.`);
      }
    }
    return this.announce(dayOfDate(this.now()), false);
  }

  /** Tell the client the day files are judged as of, when it changes. */
  private announce(day: Day, reviewDate: boolean): Day {
    const params: TodayParams = { today: formatDay(day), reviewDate };
    if (params.today !== this.announced?.today || reviewDate !== this.announced.reviewDate) {
      this.announced = params;
      void this.connection.sendNotification(TODAY_NOTIFICATION, params);
    }
    return day;
  }
}
