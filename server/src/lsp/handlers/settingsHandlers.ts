// What makes every file's judgement change: the settings, a config file on disk, the calendar day.
import { FileChangeType } from 'vscode-languageserver/node';
import { CONFIG_FILE_NAME } from '../../service';
import { isConfigFile } from '../uris';
import type { ServerContext } from '../serverContext';

export const DAY_CHECK_INTERVAL_MS = 60_000;

/** Registers the handlers; returns what stops the day check (on shutdown). */
export function registerSettingsHandlers(ctx: ServerContext): () => void {
  const { connection, documents, safety, settings, scheduler, workspace } = ctx;

  connection.onDidChangeConfiguration(
    safety.guard('didChangeConfiguration', undefined, (params) => {
      settings.changed(params.settings);
      scheduler.revalidateOpen();
      ctx.outlinesChanged(undefined);
      void workspace.settingsChanged().catch((err: unknown) => safety.logError('workspace validation', err));
      void settings.today(); // announces a new review date even when no file is open
    }),
  );

  connection.onDidChangeWatchedFiles(
    safety.guard('didChangeWatchedFiles', undefined, (params) => {
      let configChanged = false;
      const changedFiles: string[] = [];
      for (const change of params.changes) {
        if (isConfigFile(change.uri, CONFIG_FILE_NAME)) {
          configChanged = true;
          ctx.configs.fileChanged(change);
        } else if (!documents.get(change.uri)) {
          changedFiles.push(change.uri); // open documents report their own changes
          if (change.type === FileChangeType.Deleted) workspace.deleted(change.uri);
          else workspace.changed(change.uri);
        }
      }
      if (configChanged) ctx.revalidateAll();
      else if (changedFiles.length > 0) ctx.outlinesChanged(changedFiles);
    }),
  );

  // The calendar day: when it moves on, overdue commitments and lapsed reports change everywhere.
  const dayTimer = setInterval(
    safety.guard('day check', undefined, async () => {
      const day = await settings.today();
      if (scheduler.lastToday !== undefined && day !== scheduler.lastToday) {
        scheduler.lastToday = day;
        ctx.revalidateAll();
      }
      scheduler.lastToday = day;
    }),
    ctx.options.dayCheckIntervalMs ?? DAY_CHECK_INTERVAL_MS,
  );
  dayTimer.unref();
  return () => clearInterval(dayTimer);
}
