// The messages between the dashboard's panel (client/src/dashboard.ts) and its webview script
// (client/webview/dashboard.ts). Types only: the webview bundle imports nothing from VS Code.
import type { DashboardData } from '../../server/src/lsp/protocol';
import type { Range } from '../../server/src/service/types';

/** Extension → webview: the data to draw (again), or that the server could not read the file. */
export type ToDashboard = { type: 'data'; data: DashboardData; uri: string } | { type: 'unavailable'; uri: string };

/** What the webview keeps (VS Code gives it back to a restored panel): the file and the data last drawn. */
export interface DashboardState {
  uri?: string;
  data?: DashboardData;
}

/** Webview → extension: it is ready for data (a new or restored webview); a mark was clicked. */
export type FromDashboard = { type: 'ready' } | { type: 'reveal'; range: Range };
