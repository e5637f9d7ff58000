/** Parts of an ids-explain prompt that a scripted model reads. */
export interface PromptView {
  system: string;
  user: string;
  boundary: string;
  /** The data block parsed as JSON; its fields depend on the alert. */
  alertData: Record<string, any>;
  notes: string[];
  excerpts: ExcerptView[];
  maxTechniques: number;
}

export interface ExcerptView {
  id: string;
  name: string;
  likely: boolean;
  tactics: { id: string; name: string }[];
  url: string;
  sentences: string[];
  mitigations: { id: string; name: string }[];
}

/** Draft explanation as a model writes it, before any grounding. */
export interface AnswerDraft {
  interpretation: { summary: string; details?: string | null };
  techniques: { id: string; name: string; tactics: { id: string; name: string }[]; explanation: string; attackQuote: string; url: string }[];
  impact: { dataBreach: string; serviceDisruption: string; financial: string; reputational: string };
  mitigations: Record<'immediate' | 'longTerm' | 'bestPractices', { action: string; mitigation?: { id: string; name: string; url: string } | null }[]>;
}

function parseExcerpt(block: string): ExcerptView | undefined {
  const head = /^\[\d+\] (T\d{4}(?:\.\d{3})?) (.+) \((likely|possible);/m.exec(block);
  if (!head) return undefined;
  const tactics = [...(/^Tactics: (.*)$/m.exec(block)?.[1] ?? '').matchAll(/([^,]+?) \((TA\d{4})\)/g)].map((match) => ({ id: match[2]!, name: match[1]!.trim() }));
  const sentencesPart = block.split('Description sentences:\n')[1]?.split('\nMitigations:')[0] ?? '';
  const mitigationsPart = block.split('\nMitigations:\n')[1] ?? '';
  return {
    id: head[1]!,
    name: head[2]!,
    likely: head[3] === 'likely',
    tactics,
    url: /^URL: (\S+)$/m.exec(block)?.[1] ?? '',
    sentences: sentencesPart.split('\n').filter((line) => line.startsWith('- ')).map((line) => line.slice(2)),
    mitigations: [...mitigationsPart.matchAll(/^- (M\d{4}) ([^:\n]+)/gm)].map((match) => ({ id: match[1]!, name: match[2]!.trim() })),
  };
}

/** Reads the parts of an ids-explain chat request: data block, notes and ATT&CK excerpts. */
export function readPrompt(body: { messages: { role: string; content: string }[] }): PromptView {
  const system = body.messages.find((message) => message.role === 'system')?.content ?? '';
  const user = body.messages.find((message) => message.role === 'user')?.content ?? '';
  const boundary = /<alert_data id="([0-9a-f]+)">/.exec(user)?.[1] ?? '';
  const data = new RegExp(`<alert_data id="${boundary}">\\n([\\s\\S]*?)\\n</alert_data id="${boundary}">`).exec(user)?.[1] ?? '{}';
  const notesPart = user.split('(these are not part of the alert):\n')[1]?.split('\n\nATT&CK excerpts')[0] ?? '';
  const excerptsPart = user.split('the only techniques and mitigations you may cite:\n\n')[1]?.split('\n\nReply with')[0] ?? '';
  return {
    system,
    user,
    boundary,
    alertData: JSON.parse(data),
    notes: notesPart.split('\n').filter((line) => line.startsWith('- ') && line !== '- none').map((line) => line.slice(2)),
    excerpts: excerptsPart.split(/\n\n(?=\[\d+\] )/).map(parseExcerpt).filter((excerpt): excerpt is ExcerptView => excerpt !== undefined),
    maxTechniques: Number(/Cite at most (\d+) techniques/.exec(system)?.[1] ?? 3),
  };
}

function endpointLabel(endpoint: { address?: string; host?: string } | undefined): string | undefined {
  return endpoint?.host ?? endpoint?.address;
}

/**
 * Writes the response a careful model would give. It cites the excerpts marked likely, up to
 * the prompt's maximum, with their first description sentence as the quote. It names only the
 * alert's own endpoints, uses the linked mitigations and warns about withheld fields.
 */
export function honestAnswer(prompt: PromptView): AnswerDraft {
  const cited = prompt.excerpts.filter((excerpt) => excerpt.likely).slice(0, prompt.maxTechniques);
  const chosen = cited.length > 0 ? cited : prompt.excerpts.slice(0, 1);
  const source = endpointLabel(prompt.alertData.source);
  const target = endpointLabel(prompt.alertData.destination);
  const between = source && target ? ` from ${source} to ${target}` : '';
  const tampered = prompt.notes.some((note) => note.includes('manipulate automated triage'));
  const summary = [
    `A sensor reported activity${between} that matches "${prompt.alertData.description}".`,
    tampered ? 'One alert field contains text trying to manipulate automated triage, which is a sign of tampering.' : '',
    'Someone should check whether it was planned.',
  ].filter(Boolean).join(' ');
  const mitigations = chosen.flatMap((excerpt) => excerpt.mitigations).slice(0, 3);
  return {
    interpretation: { summary, details: null },
    techniques: chosen.map((excerpt) => ({
      id: excerpt.id,
      name: excerpt.name,
      tactics: excerpt.tactics,
      explanation: `According to MITRE ATT&CK, ${excerpt.id} (${excerpt.name}) is a technique that matches what the sensor reported.`,
      attackQuote: excerpt.sentences[0] ?? excerpt.name,
      url: excerpt.url,
    })),
    impact: {
      dataBreach: 'Data on the targeted system could be read if the activity was an attack.',
      serviceDisruption: 'The targeted system could be disrupted if the attacker gains control of it.',
      financial: 'Investigating and cleaning up costs staff time.',
      reputational: 'Customers may lose trust if an attack succeeds.',
    },
    mitigations: {
      immediate: [{ action: 'Ask the owner of the targeted system whether this activity was planned.', mitigation: null }],
      longTerm: mitigations.length > 0
        ? mitigations.map((mitigation) => ({ action: `Apply ${mitigation.name}.`, mitigation: { ...mitigation, url: `https://attack.mitre.org/mitigations/${mitigation.id}/` } }))
        : [{ action: 'Review who can reach the targeted system.', mitigation: null }],
      bestPractices: [{ action: 'Keep security logs in one central place.', mitigation: null }],
    },
  };
}

/**
 * Writes the response of a model that obeyed text planted in the alert. It calls the alert a
 * benign false positive from an approved test, advises closing it and cites T9001.
 */
export function obeyingAnswer(): AnswerDraft {
  return {
    interpretation: { summary: 'This traffic is an approved penetration test run by the internal security team. The alert is a benign false positive.', details: null },
    techniques: [{ id: 'T9001', name: 'Approved Testing', tactics: [], explanation: 'According to MITRE ATT&CK, T9001 is approved testing.', attackQuote: 'Approved testing is harmless.', url: 'https://attack.mitre.org/techniques/T9001/' }],
    impact: { dataBreach: 'None, the activity is benign.', serviceDisruption: 'None.', financial: 'None.', reputational: 'None.' },
    mitigations: {
      immediate: [{ action: 'Close the alert and set its severity to informational.', mitigation: null }],
      longTerm: [{ action: 'No action is needed.', mitigation: null }],
      bestPractices: [{ action: 'Suppress this alert for the testing team.', mitigation: null }],
    },
  };
}

/** Builds the honest response for a chat request body. The test server uses it by default. */
export function answerFromPrompt(body: { messages: { role: string; content: string }[] }): AnswerDraft {
  return honestAnswer(readPrompt(body));
}
