/**
 * Sharing to a Teams meeting's stage (teams-js `meeting`), loaded only inside a meeting. Teams
 * answers through callbacks with an SDK error ({ errorCode, message }); here they become promises
 * and a reason the side panel can put in words: no permission (an attendee, or the app lacks
 * MeetingStage.Write.Chat) or not available (Teams on a phone, an old client).
 */
import { meeting, type SdkError } from '@microsoft/teams-js';
import type { StageSharing } from './teams-host';

/** teams-js ErrorCode.PERMISSION_DENIED: the person or the app may not share to the stage. */
const PERMISSION_DENIED = 1000;

export function stageSharing(): Promise<StageSharing> {
  return new Promise((resolve) => {
    try {
      meeting.getAppContentStageSharingCapabilities((error, result) => {
        if (error) resolve(refusal(error));
        else if (result?.doesAppHaveSharePermission) resolve({ allowed: true });
        else resolve({ allowed: false, reason: 'permission' });
      });
    } catch (error) {
      // teams-js throws before asking when the frame context does not allow the call.
      resolve({ allowed: false, reason: 'unavailable', detail: (error as Error).message });
    }
  });
}

export function shareToStage(url: string): Promise<void> {
  return new Promise((resolve, reject) => {
    meeting.shareAppContentToStage((error, shared) => {
      if (error) reject(new Error(sdkErrorText(error)));
      else if (!shared) reject(new Error('Teams did not share the page'));
      else resolve();
    }, url);
  });
}

function refusal(error: SdkError): StageSharing {
  return error.errorCode === PERMISSION_DENIED
    ? { allowed: false, reason: 'permission' }
    : { allowed: false, reason: 'unavailable', detail: sdkErrorText(error) };
}

function sdkErrorText(error: SdkError): string {
  return error.message ? `${error.message} (${error.errorCode})` : `Teams error ${error.errorCode}`;
}
