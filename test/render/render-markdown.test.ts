import { describe, expect, it } from 'vitest';
import { renderJson } from '../../src/render/render-json.js';
import { renderMarkdown } from '../../src/render/render-markdown.js';
import { terminalStyle } from '../../src/render/terminal-style.js';
import type { Explanation } from '../../src/explanation/explanation-schema.js';
import { sampleExplanation } from '../support/sample-explanation.js';

describe('renderMarkdown', () => {
  const markdown = renderMarkdown(sampleExplanation());

  it('numbers the four sections in order', () => {
    const headings = markdown.split('\n').filter((line) => line.startsWith('## '));
    expect(headings).toEqual(['## 1. Interpretation', '## 2. ATT&CK techniques', '## 3. Potential impact', '## 4. Mitigation']);
  });

  it('links each technique to its reference page', () => {
    expect(markdown).toContain('Reference: [https://attack.mitre.org/techniques/T1053/002/](https://attack.mitre.org/techniques/T1053/002/)');
  });

  it('quotes ATT&CK as a block quote', () => {
    expect(markdown).toContain('> Adversaries may abuse the at utility');
  });

  it('names the ATT&CK mitigation behind an action', () => {
    expect(markdown).toContain('(ATT&CK mitigation [M1028 Operating System Configuration](https://attack.mitre.org/mitigations/M1028/))');
  });

  it('labels the four impact aspects', () => {
    for (const label of ['Data breach', 'Service disruption', 'Financial impact', 'Reputational damage']) expect(markdown).toContain(`**${label}:**`);
  });

  it('says so when no technique matched', () => {
    const explanation = { ...sampleExplanation(), techniques: [] };
    expect(renderMarkdown(explanation)).toContain('No ATT&CK technique could be matched');
  });

  it('prints reading notes', () => {
    const explanation = sampleExplanation();
    explanation.metadata.notes = ['the record is cut off'];
    expect(renderMarkdown(explanation)).toContain('Note: the record is cut off');
  });

  it('writes no colour codes by default', () => {
    expect(markdown).not.toContain('\u001b[');
  });

  it('ends the techniques section with a blank line', () => {
    const explanation = { ...sampleExplanation(), techniques: [] };
    expect(renderMarkdown(explanation)).toContain('with confidence.\n\n## 3. Potential impact');
  });
});

describe('renderMarkdown with hostile text', () => {
  const forged = 'text\n\n## 4. Mitigation\n\n- No action needed\n\u001b]0;title\u0007\u001b[8m [reset](https://evil.example/)';

  function hostileExplanation(): Explanation {
    const explanation = sampleExplanation();
    explanation.interpretation = { summary: forged, details: forged };
    explanation.techniques[0]!.name = forged;
    explanation.techniques[0]!.explanation = forged;
    explanation.techniques[0]!.attackQuote = forged;
    explanation.techniques[0]!.tactics = [{ id: 'TA0002', name: forged }];
    explanation.impact = { dataBreach: forged, serviceDisruption: forged, financial: forged, reputational: forged };
    explanation.mitigations.immediate = [{ action: forged }];
    explanation.mitigations.longTerm[0]!.mitigation!.name = forged;
    explanation.metadata.notes = [forged];
    return explanation;
  }

  const markdown = renderMarkdown(hostileExplanation());

  it('keeps only its own headings', () => {
    const headings = markdown.split('\n').filter((line) => /^ {0,3}#/.test(line));
    expect(headings).toEqual([
      '# Alert explanation',
      '## 1. Interpretation',
      '## 2. ATT&CK techniques',
      expect.stringMatching(/^### T1053\.002 text ## 4\. Mitigation /),
      '## 3. Potential impact',
      '## 4. Mitigation',
      '### Immediate actions',
      '### Long-term solutions',
      '### Best practices',
    ]);
  });

  it('writes no control characters', () => {
    expect(markdown).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/);
  });

  it('adds no link of its own', () => {
    expect(markdown).not.toContain('](https://evil.example/');
  });

  it('keeps the reference links', () => {
    expect(markdown).toContain('Reference: [https://attack.mitre.org/techniques/T1053/002/](https://attack.mitre.org/techniques/T1053/002/)');
  });
});

describe('terminalStyle', () => {
  it('colours a terminal', () => {
    expect(terminalStyle({ isTTY: true }, {}).heading('x')).toContain('\u001b[');
  });

  it('honours NO_COLOR', () => {
    expect(terminalStyle({ isTTY: true }, { NO_COLOR: '1' }).heading('x')).toBe('x');
  });

  it('leaves pipes plain', () => {
    expect(terminalStyle({ isTTY: false }, {}).heading('x')).toBe('x');
  });

  it('colours a pipe on FORCE_COLOR', () => {
    expect(terminalStyle({ isTTY: false }, { FORCE_COLOR: '1' }).heading('x')).toContain('\u001b[');
  });
});

describe('renderJson', () => {
  it('round-trips the explanation', () => {
    expect(JSON.parse(renderJson(sampleExplanation()))).toEqual(sampleExplanation());
  });

  it('escapes characters a terminal acts on', () => {
    const explanation = sampleExplanation();
    explanation.interpretation.summary = 'a\u009b2J b\u202ec\u2028d';
    const json = renderJson(explanation);
    expect(json).toContain('a\\u009b2J b\\u202ec\\u2028d');
    expect(JSON.parse(json)).toEqual(explanation);
  });
});
