import JSZip from 'jszip';
import { buildAppPackage, ManifestError, renderTemplate, validateManifest } from '../../manifest/manifest-package';
import { ACTIVITY_TYPE } from '../../bot/src/adapters/teams/activity-feed-notifier';

const values = {
  APP_VERSION: '0.1.0',
  TEAMS_APP_ID: '2f1b1c0e-7d3a-4c55-9f1e-3b7f5e2a9c11',
  BOT_ID: '8a4d2f6b-1c3e-4b5a-9d7f-2e6c8b0a4f13',
  TAB_DOMAIN: 'tiltak.hoylandet.kommune.no',
  TAB_AAD_CLIENT_ID: '3c8b1f7e-2d4a-4e6b-9a1c-5f0e7d2b8a64',
  DEVELOPER_NAME: 'Høylandet kommune',
  DEVELOPER_WEBSITE_URL: 'https://www.hoylandet.kommune.no',
  PRIVACY_URL: 'https://www.hoylandet.kommune.no/personvern',
  TERMS_OF_USE_URL: 'https://www.hoylandet.kommune.no/vilkar',
};

describe('the Teams app package', () => {
  it('renders a manifest that passes the official schema, with bot, static tab, channel, chat and meeting tab', async () => {
    const { zip, manifest } = await buildAppPackage(values);
    const files = Object.keys((await JSZip.loadAsync(zip)).files).sort();
    expect(files).toEqual(['color.png', 'manifest.json', 'outline.png']);
    expect(manifest).toMatchObject({
      id: values.TEAMS_APP_ID,
      bots: [{ botId: values.BOT_ID, scopes: ['personal', 'team'] }],
      staticTabs: [
        { entityId: 'goal-table', contentUrl: 'https://tiltak.hoylandet.kommune.no/tab/', scopes: ['personal'] },
        // Where the reminders' links to a person's own measures lead (domain/tab-links.ts).
        {
          entityId: 'my-measures',
          contentUrl: 'https://tiltak.hoylandet.kommune.no/tab/?show=mine',
          scopes: ['personal'],
        },
      ],
      configurableTabs: [
        {
          configurationUrl: 'https://tiltak.hoylandet.kommune.no/tab/?view=config',
          scopes: ['team', 'groupChat'],
          context: [
            'channelTab',
            'privateChatTab',
            'meetingChatTab',
            'meetingDetailsTab',
            'meetingSidePanel',
            'meetingStage',
          ],
        },
      ],
      // "Del på skjermen" (shareAppContentToStage) needs it; Teams answers error 1000 without.
      authorization: {
        permissions: {
          resourceSpecific: [
            { name: 'MeetingStage.Write.Chat', type: 'Delegated' },
            { name: 'TeamsActivity.Send.User', type: 'Application' },
          ],
        },
      },
      validDomains: ['tiltak.hoylandet.kommune.no'],
      webApplicationInfo: {
        id: '3c8b1f7e-2d4a-4e6b-9a1c-5f0e7d2b8a64',
        resource: 'api://tiltak.hoylandet.kommune.no/3c8b1f7e-2d4a-4e6b-9a1c-5f0e7d2b8a64',
      },
    });
  });

  it('refuses a meeting-stage tab without the permission the stage needs', async () => {
    const { manifest } = await buildAppPackage(values);
    const withoutPermission = { ...(manifest as Record<string, unknown>), authorization: undefined };
    expect(await validateManifest(withoutPermission)).toEqual([
      expect.stringContaining('needs MeetingStage.Write.Chat'),
    ]);
  });

  it('declares the reminder activity type and asks only for the per-user permission to send it', async () => {
    const { manifest } = await buildAppPackage(values);
    const types = (manifest as { activities: { activityTypes: { type: string; templateText: string }[] } }).activities
      .activityTypes;
    // The type the service sends, with the parameters it fills in (templateParameters).
    const reminder = types.find((a) => a.type === ACTIVITY_TYPE);
    expect(reminder?.templateText.match(/\{(\w+)\}/g)?.sort()).toEqual(['{actor}', '{reminder}']);
    // No words of its own: one language for every plan; the plan's own comes in {reminder}.
    expect(reminder?.templateText.replace(/\{\w+\}/g, '')).toMatch(/^[\s:]*$/);
    // Least privilege: the resource-specific TeamsActivity.Send.User, not the tenant-wide TeamsActivity.Send.
    expect(manifest).toMatchObject({
      authorization: {
        permissions: {
          resourceSpecific: expect.arrayContaining([{ name: 'TeamsActivity.Send.User', type: 'Application' }]),
        },
      },
    });
  });

  it('builds the same bytes from the same input', async () => {
    expect((await buildAppPackage(values)).zip.equals((await buildAppPackage(values)).zip)).toBe(true);
  });

  it('names every placeholder that is not set', () => {
    expect(() => renderTemplate('{"a":"${{BOT_ID}}","b":"${{TAB_DOMAIN}}"}', { BOT_ID: '' })).toThrow(
      expect.objectContaining({
        problems: [expect.stringMatching(/^BOT_ID is not set/), expect.stringMatching(/^TAB_DOMAIN is not set/)],
      }),
    );
  });

  it('escapes values so they cannot break the JSON', () => {
    expect(
      JSON.parse(renderTemplate('{"name":"${{DEVELOPER_NAME}}"}', { DEVELOPER_NAME: 'A "quoted" \\ name' })),
    ).toEqual({
      name: 'A "quoted" \\ name',
    });
  });

  it('refuses a manifest the schema rejects', async () => {
    await expect(buildAppPackage({ ...values, BOT_ID: 'not-a-guid' })).rejects.toBeInstanceOf(ManifestError);
    await expect(buildAppPackage({ ...values, PRIVACY_URL: 'http://insecure.example' })).rejects.toMatchObject({
      problems: expect.arrayContaining([expect.stringContaining('privacyUrl')]),
    });
  });
});
