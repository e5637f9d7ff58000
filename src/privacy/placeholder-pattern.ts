/** Kinds of values that redaction replaces, each with the prefix of its placeholders. */
export const placeholderKinds = {
  user: 'USER',
  host: 'HOST',
  email: 'EMAIL',
  address: 'INTERNAL_IP',
} as const;

export type PlaceholderKind = keyof typeof placeholderKinds;

/** Matches any redaction placeholder, such as `HOST_2` or `INTERNAL_IP_1`. */
export const placeholderPattern = /\b(?:USER|HOST|EMAIL|INTERNAL_IP)_\d{1,4}\b/g;
