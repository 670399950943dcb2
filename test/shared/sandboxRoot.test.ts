/** The sandbox's root URL (the one `npm run dev` prints) tells a visitor what it serves. */
import { createSandbox } from '../sandbox';

const sandbox = createSandbox();
beforeAll(async () => {
	await sandbox.start();
});
afterAll(async () => await sandbox.close());

test('the root lists every vendor with its base URL, and the control endpoints', async () => {
	const response = await fetch(`${sandbox.url}/`);
	expect(response.status).toBe(200);
	expect(response.headers.get('content-type')).toBe('application/json');
	const page = (await response.json()) as { vendors: Record<string, string>; control: string[] };
	expect(page.vendors).toEqual({
		salescaptain: sandbox.baseUrl('salescaptain'),
		contactship: sandbox.baseUrl('contactship'),
		revyops: sandbox.baseUrl('revyops'),
		wipsy: sandbox.baseUrl('wipsy'),
		thoughtly: sandbox.baseUrl('thoughtly'),
	});
	expect(page.control).toContain(`POST ${sandbox.url}/__sandbox/reset`);
	expect(page.control).toContain(`GET ${sandbox.url}/__sandbox/requests?vendor=<name>`);
	// Each listed base URL is served: an unknown path under it gets the vendor's answer, not "No sandbox vendor".
	for (const baseUrl of Object.values(page.vendors)) {
		const answer = await fetch(`${baseUrl}/`);
		expect(await answer.text()).not.toContain('No sandbox vendor');
	}
	expect(sandbox.requests().length).toBe(5);
});

test('an unknown first path segment still says it is no sandbox vendor', async () => {
	const response = await fetch(`${sandbox.url}/nope/v1/x`);
	expect(response.status).toBe(404);
	expect(await response.json()).toEqual({ error: 'No sandbox vendor "nope"' });
});
