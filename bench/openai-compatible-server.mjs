// A small OpenAI-compatible HTTP server for benchmarks, on 127.0.0.1 only. After a fixed delay
// it responds to chat completions and responses requests with a JSON explanation draft. The
// draft names the technique IDs and placeholder tokens found in the request. Requests are counted.
import { createServer } from 'node:http';

function draftFor(requestText) {
  const techniques = [...new Set(requestText.match(/\bT\d{4}(?:\.\d{3})?\b/g) ?? [])].slice(0, 2);
  const tokens = [...new Set(requestText.match(/⟦[A-Z·]+⟧/g) ?? [])].slice(0, 2);
  const involving = tokens.length > 0 ? ` involving ${tokens.join(' and ')}` : '';
  return {
    interpretation: { summary: `The sensor flagged activity${involving} that matches a known attack pattern. Check whether it was planned.` },
    techniques: techniques.map((id) => ({ id, name: id, tactics: [], explanation: `${id} matches the alert text.`, attackQuote: id, url: `https://attack.mitre.org/techniques/${id.replace('.', '/')}/` })),
    impact: { dataBreach: 'Data on the targeted system could be exposed.', serviceDisruption: 'Services could be disrupted.', financial: 'Response work has a cost.', reputational: 'A breach could harm trust.' },
    mitigations: {
      immediate: [{ action: 'Confirm with the system owner whether the activity was planned.' }],
      longTerm: [{ action: 'Limit who can reach the targeted service.' }],
      bestPractices: [{ action: 'Keep logging and alerting on this kind of activity.' }],
    },
  };
}

/**
 * Starts the server on a free port of 127.0.0.1; resolves with its base URL, counts (requests
 * and their arrival times) and a close function.
 */
export async function startOpenAiCompatibleServer({ delayMs = 200 } = {}) {
  // Arrival times (performance.now() in milliseconds) show how evenly a job keeps requests going.
  const counts = { requests: 0, arrivals: [] };
  const server = createServer((request, response) => {
    let body = '';
    request.on('data', (chunk) => (body += chunk));
    request.on('end', () => {
      counts.requests += 1;
      counts.arrivals.push(performance.now());
      const text = JSON.stringify(draftFor(body));
      const usage = { prompt_tokens: Math.ceil(body.length / 4), completion_tokens: Math.ceil(text.length / 4) };
      const payload = request.url?.endsWith('/responses')
        ? { id: 'resp_bench', object: 'response', created_at: 0, model: 'bench-model', status: 'completed', output: [{ type: 'message', id: 'msg_bench', role: 'assistant', status: 'completed', content: [{ type: 'output_text', text, annotations: [] }] }], usage: { input_tokens: usage.prompt_tokens, output_tokens: usage.completion_tokens, total_tokens: usage.prompt_tokens + usage.completion_tokens } }
        : { id: 'chatcmpl-bench', object: 'chat.completion', created: 0, model: 'bench-model', choices: [{ index: 0, message: { role: 'assistant', content: text }, finish_reason: 'stop' }], usage: { ...usage, total_tokens: usage.prompt_tokens + usage.completion_tokens } };
      setTimeout(() => {
        response.writeHead(200, { 'content-type': 'application/json' });
        response.end(JSON.stringify(payload));
      }, delayMs);
    });
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address();
  return { baseUrl: `http://127.0.0.1:${port}/v1`, counts, close: () => new Promise((resolve) => server.close(resolve)) };
}
