/**
 * The benchmark's physical floor, bank side (built by test/bench.ts into dist/sdk/v1/bench-floor-frame.js and
 * loaded by bench-floor.html, served by the sandbox bank like the bridge frame, with the same frame CSP).
 * It says it is listening, takes one client token from its embedding page (exact origin and source checks, as the
 * bridge does) and spends it with the bridge's own token exchange, `POST /v1/frame/sessions`: one fetch.
 */
const params = new URLSearchParams(location.search);
const partnerOrigin = params.get('origin') ?? '';
const appId = params.get('app') ?? '';

addEventListener('message', async (event) => {
  const data = event.data as { floor?: string; clientToken?: string };
  if (event.source !== parent || event.origin !== partnerOrigin || data?.floor !== 'start') return;
  const response = await fetch('/v1/frame/sessions', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'X-Bank-Frame': '1' },
    body: JSON.stringify({ clientToken: data.clientToken, appId, origin: partnerOrigin, locale: 'en' }),
  });
  const { sessionToken } = (await response.json()) as { sessionToken?: string };
  parent.postMessage({ floor: response.status === 201 && sessionToken ? 'session' : 'error', status: response.status }, partnerOrigin);
});
parent.postMessage({ floor: 'ready' }, partnerOrigin);
