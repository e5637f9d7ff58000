import { describe, expect, it } from 'vitest';
import { renderJson } from '../../src/render/render-json.js';
import { renderMarkdown } from '../../src/render/render-markdown.js';
import { terminalStyle } from '../../src/render/terminal-style.js';
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
});
