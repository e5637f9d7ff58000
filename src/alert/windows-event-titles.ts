/**
 * Titles that Windows gives common security-relevant events, by provider family and event ID.
 * They describe what an event record means when it arrives without a rule or message.
 */
export const windowsEventTitles: Record<string, Record<number, string>> = {
  security: {
    1102: 'The audit log was cleared.',
    4624: 'An account was successfully logged on.',
    4625: 'An account failed to log on.',
    4648: 'A logon was attempted using explicit credentials.',
    4672: 'Special privileges assigned to new logon.',
    4688: 'A new process has been created.',
    4697: 'A service was installed in the system.',
    4698: 'A scheduled task was created.',
    4699: 'A scheduled task was deleted.',
    4700: 'A scheduled task was enabled.',
    4701: 'A scheduled task was disabled.',
    4702: 'A scheduled task was updated.',
    4719: 'System audit policy was changed.',
    4720: 'A user account was created.',
    4722: 'A user account was enabled.',
    4724: "An attempt was made to reset an account's password.",
    4728: 'A member was added to a security-enabled global group.',
    4732: 'A member was added to a security-enabled local group.',
    4738: 'A user account was changed.',
    4740: 'A user account was locked out.',
    4756: 'A member was added to a security-enabled universal group.',
    4768: 'A Kerberos authentication ticket (TGT) was requested.',
    4769: 'A Kerberos service ticket was requested.',
    4771: 'Kerberos pre-authentication failed.',
    4776: 'The computer attempted to validate the credentials for an account.',
    5140: 'A network share object was accessed.',
    5145: 'A network share object was checked to see whether client can be granted desired access.',
  },
  system: {
    104: 'The log file was cleared.',
    7045: 'A service was installed in the system.',
  },
  sysmon: {
    1: 'Process creation (Sysmon).',
    3: 'Network connection detected (Sysmon).',
    7: 'Image loaded (Sysmon).',
    8: 'CreateRemoteThread detected (Sysmon).',
    10: 'Process accessed (Sysmon).',
    11: 'File created (Sysmon).',
    12: 'Registry object added or deleted (Sysmon).',
    13: 'Registry value set (Sysmon).',
    22: 'DNS query (Sysmon).',
  },
  powershell: {
    4103: 'PowerShell module logging recorded a pipeline execution.',
    4104: 'PowerShell script block logging recorded a script block.',
  },
};

/** Returns the provider family whose titles apply, from the provider or channel name. */
export function windowsEventFamily(provider: string | undefined, channel: string | undefined): string | undefined {
  const name = `${provider ?? ''} ${channel ?? ''}`.toLowerCase();
  if (name.includes('sysmon')) return 'sysmon';
  if (name.includes('powershell')) return 'powershell';
  if (name.includes('security')) return 'security';
  if (name.includes('service control manager') || name.includes('eventlog') || /\bsystem\b/.test(name)) return 'system';
  return undefined;
}
