// The Cloud Support API has no field for how and in which language the customer's contact
// wants to be reached, so the console writes it as the first line of the description, in a
// fixed English form Google's engineers can read, and parses it back for display.

export const CONTACT_CHANNELS = ['email', 'phone', 'chat'] as const;
export type ContactChannel = (typeof CONTACT_CHANNELS)[number];

export interface ContactPreference {
  readonly channel: ContactChannel;
  /** BCP 47 tag, e.g. fr or zh-TW. */
  readonly languageCode: string;
}

const PREFIX = 'Contact preference: ';
const HEADER = /^Contact preference: (email|phone|chat), language ([A-Za-z]{2,3}(?:-[A-Za-z0-9]{2,8})*)\r?\n(?:\r?\n)?/;

export function formatContactHeader(preference: ContactPreference): string {
  return `${PREFIX}${preference.channel}, language ${preference.languageCode}\n\n`;
}

/** The description with its header (if any) in front. A header already there is replaced, never doubled. */
export function withContactHeader(description: string, preference: ContactPreference): string {
  return formatContactHeader(preference) + parseContactHeader(description).body;
}

export function parseContactHeader(description: string): { preference?: ContactPreference; body: string } {
  const match = HEADER.exec(description);
  if (!match) return { body: description };
  return {
    preference: { channel: match[1] as ContactChannel, languageCode: match[2] ?? '' },
    body: description.slice(match[0].length),
  };
}
