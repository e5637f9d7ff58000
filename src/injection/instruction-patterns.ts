import { multilingualPatterns } from './multilingual-patterns.js';

/**
 * Kinds of instruction-like text that alert fields should never contain. A strong kind alone
 * marks a value as an injection attempt; weak kinds count only when two different ones occur.
 */
export interface InstructionPattern {
  kind: string;
  /** Plain description used in notes and logs. */
  label: string;
  strength: 'strong' | 'weak';
  pattern: RegExp;
}

const aiNames = String.raw`(?:ai|a\.i\.|llm|gpt|chatgpt|claude|gemini|copilot|language models?|ai assistants?|assistants?|chat ?bots?|bots?|models?|agents?|automated (?:tools?|systems?|analysts?|triage|analysis)|analysis tools?|triage (?:tools?|bots?|systems?))`;
const verdictWords = String.raw`(?:benign|false[ -]?positives?|safe|harmless|clean|legitimate|authori[sz]ed|approved|expected|resolved|closed|informational|low(?: severity| priority| risk)?|noise|non[- ]?malicious|not malicious|test(?:ing)? traffic|no threat)`;

/**
 * Patterns matched against folded (lower-case) field text.
 *
 * NOTE: these patterns cover English phrasing; multilingualPatterns adds the strongest kinds
 * in German, French, Spanish, Portuguese, Italian, Russian, Chinese and Japanese. Instructions
 * in other languages, or phrased otherwise, pass unflagged and reach the model inside the data
 * block, where the output checks still hold.
 */
const englishPatterns: InstructionPattern[] = [
  {
    kind: 'override',
    label: 'tells the reader to ignore its instructions',
    strength: 'strong',
    pattern: new RegExp(
      String.raw`\b(?:ignore|disregard|forget|skip|override|bypass|drop)\b[^.?!\n]{0,40}?\b(?:previous|prior|above|earlier|preceding|all|any|your|the|system|initial|original|existing)\b[^.?!\n]{0,30}?\b(?:instructions?|prompts?|rules|directions|guidelines|context|messages?|orders|commands|polic(?:y|ies)|guardrails)\b`,
    ),
  },
  {
    kind: 'override',
    label: 'tells the reader to ignore its instructions',
    strength: 'strong',
    pattern: /\b(?:forget|disregard|ignore)\s+(?:everything|anything|all(?: of)?(?: that| this)?|what)\s+(?:above|before|earlier|previously|you (?:were|have been) (?:told|given))\b/,
  },
  {
    kind: 'override',
    label: 'announces new instructions',
    strength: 'strong',
    pattern: /\b(?:new|updated|revised|additional|hidden|secret) (?:instructions?|rules|directives?|system prompt|task)\s*(?:[:\-]|for\b|follow\b|are\b)|\b(?:system|developer|admin|security) override\b|\b(?:god|dan|jailbreak|unrestricted) mode\b|\b(?:begin|end|start) (?:of )?(?:system|hidden|secret) (?:prompt|instructions?|message)\b/,
  },
  {
    kind: 'role-play',
    label: 'tries to give the reader a new role',
    strength: 'strong',
    pattern: new RegExp(String.raw`\byou are (?:now|no longer)\b|\bfrom now on,? you\b|\b(?:pretend|imagine) (?:to be|you are|that you)\b|\brole ?-?play(?:ing)? as\b|\bact as (?:an? |the )?(?:different |new )?${aiNames}`),
  },
  {
    kind: 'addresses-ai',
    label: 'addresses an AI assistant or automated tool',
    strength: 'strong',
    pattern: new RegExp(
      String.raw`\b(?:note|message|instructions?|attention|reminder|notice|memo|request|directive)s?\s+(?:for|to)\s+(?:the\s+|any\s+|all\s+|an?\s+)?${aiNames}\b|\b(?:dear|hey|hello|hi|attention|ok|okay)\s*,?\s+${aiNames}\b|\bas an? (?:ai|language model|llm|ai assistant)\b|\b${aiNames}\s+(?:must|should|shall|are required to|needs? to|is instructed to|reading this)\b`,
    ),
  },
  {
    kind: 'chat-markup',
    label: 'contains chat-template markup',
    strength: 'strong',
    pattern: /<\|(?:im_start|im_end|system|user|assistant|endoftext|eot_id|start_header_id|end_header_id|begin_of_text)\|>|\[\/?inst\]|<<\/?sys>>|<\/?(?:start|end)_of_turn>|<\/?\s*alert[_-]?data\b|^#{1,6}\s*(?:system|instructions?|new instructions)\b/m,
  },
  {
    kind: 'fake-message',
    label: 'imitates a system or assistant message',
    strength: 'weak',
    pattern: /(?:^|[\n#>\]}|"'`*]|\s{2,})\s*(?:system|assistant|developer)\s*(?:message|prompt|note)?\s*:\s*\S/m,
  },
  {
    kind: 'verdict-instruction',
    label: 'asks to change the verdict',
    strength: 'strong',
    pattern: new RegExp(
      String.raw`\b(?:classify|mark|label|report|treat|flag|tag|categori[sz]e|consider|record|rate|score|triage|set|call|declare|handle)\b[^.\n]{0,40}?\bas (?:a |an )?${verdictWords}\b|\b(?:close|dismiss|suppress|resolve|archive|silence|mute|discard|auto-?close)\b\s+(?:this|these|the|that)\s+(?:alert|alarm|ticket|case|incident|finding)s?\b|\b(?:tell|ask|instruct|advise|inform)\s+(?:the\s+)?(?:analyst|soc|soc team|reader|operator|responder|on-call)s?\s+(?:to|that)\b|\b(?:set|change|lower|downgrade|reduce|drop)\s+(?:the\s+|its\s+)?(?:severity|priority|risk(?: score)?)\b|\bdo not (?:alert|escalate|report|flag|notify|raise|investigate|block|quarantine)\b`,
    ),
  },
  {
    kind: 'verdict-claim',
    label: 'claims the alert is harmless',
    strength: 'weak',
    pattern: new RegExp(
      String.raw`\b(?:this|the)\s+(?:alert|traffic|request|activity|event|connection|file|process|email|message|scan|behaviou?r)\s+(?:is|was|are)\s+(?:an?\s+|completely\s+|totally\s+)?(?:${verdictWords}|part of an? (?:pen(?:etration)?[ -]?test|red[ -]?team|scheduled scan))\b|\b(?:approved|authori[sz]ed|sanctioned|scheduled)\s+(?:pen(?:etration)?[ -]?test|red[ -]?team|security (?:test|scan|assessment|audit)|vulnerability scan)\b|\bno (?:further )?(?:action|investigation|response|escalation) (?:is )?(?:needed|required|necessary)\b`,
    ),
  },
  {
    kind: 'technique-request',
    label: 'asks for a specific ATT&CK technique',
    strength: 'strong',
    pattern: /\b(?:cite|use|report|map(?: it| this)? to|tag(?: it)? (?:with|as)|reference|list|mention|classify(?: it)? (?:as|under)|assign|only)\b[^.\n]{0,30}?\bt\d{4}(?:[./]\d{3})?\b|\bt\d{4}(?:\.\d{3})? only\b/,
  },
];

/** Keys of the explanation format; text that uses two of them imitates our own output. */
export const outputKeys = [
  'interpretation', 'techniques', 'mitigations', 'attackquote', 'databreach', 'servicedisruption',
  'bestpractices', 'longterm', 'verdict', 'fallbackreason', 'grounding',
];

/** Every instruction pattern: English and other languages. */
export const instructionPatterns: InstructionPattern[] = [...englishPatterns, ...multilingualPatterns];
