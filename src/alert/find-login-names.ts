// "Failed password for invalid user deploy from", "Invalid user backup from",
// "Accepted publickey for alice from", as sshd and similar daemons log them.
const loginNamePattern = /\b(?:for(?: invalid user)?|invalid user|illegal user|user)\s+([\w.$@-]{1,64})\s+from\s/gi;

/** Finds the account names that sshd-style log lines name in "user NAME from ADDRESS". */
export function findLoginNames(text: string): string[] {
  return [...new Set([...text.matchAll(loginNamePattern)].map((match) => match[1]!))];
}
