// Writes stand-in replay recordings for every case of the explanation suite that has none yet.
// No model is reachable where this project is built. So this script writes each response the
// way a careful model would from the assembled prompt. It cites the excerpts marked likely,
// copies their first sentence as the quote (the only ATT&CK text in the file), names only the
// alert's own endpoints and names the linked mitigations. Every fourth response carries one deliberate flaw for grounding to
// correct. Each file says `source: "scripted"`. Replace it with `ids-explain record` once a
// model is configured.
// Usage: npm run build && IDS_EXPLAIN_ATTACK=../shared/attack node scripts/write-scripted-recordings.mjs
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseAlert } from '../dist/alert/parse-alert.js';
import { readEnvironment } from '../dist/config/environment.js';
import { loadEvalSuite } from '../dist/eval/load-eval-suite.js';
import { removeAlertField } from '../dist/eval/remove-alert-field.js';
import { fingerprintAlert } from '../dist/explain/fingerprint-alert.js';
import { screenAlert } from '../dist/injection/screen-alert.js';
import { buildAttackExcerpts } from '../dist/llm/attack-excerpts.js';
import { defaultReplayFolder, loadRecordings } from '../dist/llm/replay-recordings.js';
import { silentLogger } from '../dist/logging/logger.js';
import { alertSearchText } from '../dist/mapping/alert-search-text.js';
import { loadKnowledge } from '../dist/runtime/load-knowledge.js';

const note = 'Written by scripts/write-scripted-recordings.mjs from the assembled prompt, in the shape an OpenAI-compatible model returns. No model produced this answer.';
const flaws = [
  ['an invented address, 10.99.99.99, in the interpretation', (answer) => { answer.interpretation.summary += ' The same activity was also seen from 10.99.99.99.'; }],
  ['technique T1499.004, which the mapper never proposed', (answer) => { answer.techniques.push({ id: 'T1499.004', name: 'Application or System Exploitation', tactics: [{ id: 'TA0040', name: 'Impact' }], explanation: 'According to MITRE ATT&CK, T1499.004 (Application or System Exploitation) may also apply.', attackQuote: 'Adversaries may exploit software vulnerabilities that can cause an application or system to crash and deny availability to users.', url: 'https://attack.mitre.org/techniques/T1499/004/' }); }],
  ['a wrong URL for the first technique', (answer) => { if (answer.techniques[0]) answer.techniques[0].url = 'https://attack.mitre.org/wiki/Technique'; }],
  ['a paraphrased quote for the first technique', (answer) => { if (answer.techniques[0]) answer.techniques[0].attackQuote = 'Attackers commonly rely on this method during intrusions.'; }],
];

function endpoint(value) {
  if (!value) return undefined;
  return value.host && value.address ? `${value.host} (${value.address})` : (value.host ?? value.address);
}

function writeAnswer(alert, findings, excerpts) {
  const cited = excerpts.filter((excerpt) => excerpt.likely).slice(0, 3);
  const chosen = cited.length > 0 ? cited : excerpts.slice(0, 1);
  const source = endpoint(alert.source);
  const target = endpoint(alert.destination);
  const parties = [source, target].filter(Boolean);
  const involved = parties.length > 0 ? ` It involves ${parties.join(' and ')}.` : '';
  const tampering = findings.length > 0 ? ` The alert's ${findings[0].fieldName} contains text trying to manipulate automated triage, which is a sign of tampering.` : '';
  const mitigations = [...new Map(chosen.flatMap((excerpt) => excerpt.mitigations).map((item) => [item.id, item])).values()].slice(0, 3);
  return {
    interpretation: {
      summary: `A security sensor reported: "${alert.description}".${involved}${tampering} Treat it as a possible attack until the owner of the affected system confirms that it was planned.`,
      details: null,
    },
    techniques: chosen.map((excerpt) => ({
      id: excerpt.id,
      name: excerpt.name,
      tactics: excerpt.tactics.map((label) => ({ id: label.slice(label.lastIndexOf('(') + 1, -1), name: label.slice(0, label.lastIndexOf(' (')) })),
      explanation: `According to MITRE ATT&CK, ${excerpt.id} (${excerpt.name}) is a technique under ${excerpt.tactics.join(', ')}. It matches what the sensor reported.`,
      attackQuote: excerpt.sentences[0] ?? excerpt.name,
      url: excerpt.url,
    })),
    impact: {
      dataBreach: 'If this is an attack, data on the affected system could be read or copied.',
      serviceDisruption: 'An attacker who gets this far could disrupt the affected system.',
      financial: 'Checking and cleaning up the affected system costs staff time.',
      reputational: 'Customers and partners may lose trust if an attack succeeds.',
    },
    mitigations: {
      immediate: [
        { action: `Ask the owner of ${target ?? source ?? 'the affected system'} whether this activity was planned.`, mitigation: null },
        { action: 'Keep the alert and the related logs; they are evidence if this turns out to be an attack.', mitigation: null },
      ],
      longTerm: mitigations.length > 0
        ? mitigations.map((item) => ({ action: `Apply the ATT&CK mitigation ${item.name} to the affected systems.`, mitigation: { id: item.id, name: item.name, url: `https://attack.mitre.org/mitigations/${item.id}/` } }))
        : [{ action: 'Review who can reach the affected system and close the gap that allowed this activity.', mitigation: null }],
      bestPractices: [{ action: 'Send security logs to one central place and review them regularly.', mitigation: null }],
    },
  };
}

const { index, mapper } = loadKnowledge({ environment: readEnvironment(), useCache: true, logger: silentLogger });
const existing = await loadRecordings(defaultReplayFolder);
const written = new Set(existing.recordings.map((recording) => recording.fingerprint));
const loaded = loadEvalSuite('evals/explanations.yaml');
let count = 0;

for (const testCase of loaded.suite.cases) {
  const path = loaded.alertPaths.get(testCase.id);
  // A storm case is explained from its alerts' shared template, so its first alert stands for all.
  const whole = readFileSync(path, 'utf8');
  const text = testCase.storm ? whole.split('\n').find((line) => line.trim() !== '') : whole;
  const variants = [['main', text]];
  if (testCase.hostile) variants.push(['baseline', removeAlertField(text, testCase.hostile.field)]);
  for (const [variant, variantText] of variants) {
    let alert;
    try {
      alert = parseAlert(variantText, { origin: testCase.alert, ...(testCase.inputFormat ? { format: testCase.inputFormat } : {}) });
    } catch (error) {
      console.log(`skipped ${testCase.id} (${variant}): ${error.message}`);
      continue;
    }
    const fingerprint = fingerprintAlert(alert);
    if (written.has(fingerprint) || existing.find(alert, fingerprint)) continue;
    written.add(fingerprint);
    const { alert: screened, findings } = screenAlert(alert);
    const mapping = mapper.map(screened, { limit: 10 });
    const excerpts = buildAttackExcerpts({ candidates: mapping.candidates, predicted: mapping.predicted, index, alertText: alertSearchText(screened), limit: 5 });
    const answer = writeAnswer(screened, findings, excerpts);
    const flaw = count % 4 === 3 ? flaws[Math.floor(count / 4) % flaws.length] : undefined;
    flaw?.[1](answer);
    const name = `scripted-${testCase.id}${variant === 'baseline' ? '-baseline' : ''}.json`;
    const recording = {
      fingerprint,
      description: alert.description,
      alert: join('evals', testCase.alert).replace(/^evals\/\.\.\//, ''),
      case: testCase.id,
      source: 'scripted',
      model: 'scripted',
      promptVersion: 'analysis-v1',
      redacted: false,
      note,
      flaws: flaw ? [flaw[0]] : [],
      responses: [{ answer }],
    };
    writeFileSync(join(defaultReplayFolder, name), `${JSON.stringify(recording, null, 2)}\n`);
    count += 1;
  }
}
console.log(`wrote ${count} scripted recordings to ${defaultReplayFolder}`);
