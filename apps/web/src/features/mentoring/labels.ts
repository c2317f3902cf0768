/** Words for mentoring's codes, as the pages show them. */
import { DECLINE_REASONS, END_REASON_LABELS, SHARE_ITEM_LABELS, type EndReason } from '@trellis/domain';

export const STATUS_LABELS: Record<string, string> = {
  requested: 'Waiting for an answer',
  active: 'Active',
  paused: 'Paused',
  ended: 'Ended',
};

export const STATUS_COLOURS: Record<string, string> = { requested: 'yellow', active: 'green', paused: 'gray', ended: 'gray' };

export const MOVE_LABELS: Record<string, string> = {
  accept: 'Accept',
  decline: 'Decline',
  withdraw: 'Withdraw request',
  pause: 'Pause',
  resume: 'Resume',
  end: 'End mentorship',
};

export const DECLINE_REASON_LABELS: Record<(typeof DECLINE_REASONS)[number], string> = {
  'no-capacity': 'I have no space right now',
  'not-a-fit': 'Someone else could help more',
  timing: 'The timing does not work',
  other: 'Something else (write a note)',
};

export const CLOSING_REASON_OPTIONS = (['goals-met', 'no-longer-useful', 'left-organisation', 'other'] as const).map((value) => ({
  value,
  label: END_REASON_LABELS[value],
}));

export function endReasonLabel(reason: string | null | undefined): string | null {
  return reason ? (END_REASON_LABELS[reason as EndReason] ?? reason) : null;
}

export { SHARE_ITEM_LABELS };

export const MEETING_MODE_LABELS: Record<string, string> = { 'in-person': 'In person', video: 'Video call', phone: 'Phone', chat: 'Chat' };
export const MEETING_FREQUENCY_LABELS: Record<string, string> = { weekly: 'Weekly', fortnightly: 'Fortnightly', monthly: 'Monthly', 'as-needed': 'As needed' };
