/**
 * The report's status colours, the same in every format. A status is always written out as well:
 * the colour helps a sighted reader scan, the word is what counts (and what a screen reader reads).
 * `cell` tints keep black text above 7:1 contrast; `bar` shades tell the chart's parts apart in grey
 * print too, with a white line between them.
 */
import type { OverviewStatus } from '../../app/get-overview';

export const STATUS_COLOURS: Record<OverviewStatus, { bar: string; cell: string }> = {
  done: { bar: '#1b5e20', cell: '#c8e6c9' },
  on_track: { bar: '#66bb6a', cell: '#e8f5e9' },
  delayed: { bar: '#c62828', cell: '#ffcdd2' },
  not_started: { bar: '#9e9e9e', cell: '#eeeeee' },
  cancelled: { bar: '#424242', cell: '#d6d6d6' },
  not_reported: { bar: '#e0e0e0', cell: '#fff3c4' },
  closed: { bar: '#757575', cell: '#f5f5f5' },
};
