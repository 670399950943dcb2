/**
 * A 2xx answer is only a success when it holds what the call expects: JSON at all, and for a
 * call with an expected answer (a create) the vendor's documented shape. Unit cases of the
 * pure check, then the transport through n8n-core's request helper against the sandbox.
 */
import type { NodeApiError } from 'n8n-workflow';

import type { ApiRequest } from '../../nodes/shared/transport';
import { ApiClient, unexpectedAnswer } from '../../nodes/shared/transport';
import { requestContext } from '../harness/n8n';
import { createSandbox } from '../sandbox';
import { MAINTENANCE_PAGE, notTheAnswer } from '../sandbox/server';
import { SALESCAPTAIN_TOKEN } from '../sandbox/vendors/salesCaptain';

const get: ApiRequest = { method: 'GET', path: '/v1/fetch-companies' };
const post: ApiRequest = {
	method: 'POST',
	path: '/v1/add-tag-to-contact/x',
	body: { tag_id: 't' },
};
const create: ApiRequest = {
	method: 'POST',
	path: '/v1/create-contact',
	body: {},
	expect: {
		what: 'a contact',
		matches: (body) => typeof (body as { id?: unknown })?.id === 'string',
	},
};

describe('unexpectedAnswer', () => {
	test('JSON is fine for a call without an expected answer, and a matching body for one with it', () => {
		expect(unexpectedAnswer({ companies: [] }, get)).toBeUndefined();
		expect(unexpectedAnswer([], get)).toBeUndefined();
		expect(unexpectedAnswer({ id: 'c-1' }, create)).toBeUndefined();
	});

	test('an HTML page is named as one, shown as its text without markup, styles or scripts', () => {
		expect(unexpectedAnswer(MAINTENANCE_PAGE, get)).toBe(
			'an HTML page: "Down for maintenance Down for maintenance We will be back soon."',
		);
		expect(
			unexpectedAnswer('<html><script>var a = 1;</script><p>Bad gateway</p></html>', post),
		).toBe('an HTML page: "Bad gateway"');
	});

	test('other text is shown as text', () => {
		expect(unexpectedAnswer('Service   Unavailable\n', create)).toBe('text: "Service Unavailable"');
	});

	test('an empty body is refused where something must be read: a GET, or a call with an expected answer', () => {
		for (const empty of [undefined, null, '', '  \n']) {
			expect(unexpectedAnswer(empty, get)).toBe('an empty body');
			expect(unexpectedAnswer(empty, create)).toBe('an empty body');
			// A tag call's answer is not read: no body is fine.
			expect(unexpectedAnswer(empty, post)).toBeUndefined();
		}
	});

	test('JSON without the expected answer is shown as JSON', () => {
		expect(unexpectedAnswer({ message: 'Contact created successfully!' }, create)).toBe(
			'JSON: {"message":"Contact created successfully!"}',
		);
	});

	test('a huge page is sampled before any pattern runs', () => {
		const page = `<html><body><p>${'Down for maintenance. '.repeat(500_000)}</p></body></html>`;
		const described = unexpectedAnswer(page, get)!;
		expect(described.startsWith('an HTML page: "Down for maintenance. Down')).toBe(true);
		expect(described.length).toBeLessThan(2_100);
	});
});

describe('the transport', () => {
	const sandbox = createSandbox();
	beforeAll(async () => {
		await sandbox.start();
	});
	afterAll(async () => await sandbox.close());
	beforeEach(() => sandbox.reset());

	const client = async () =>
		await ApiClient.create(
			requestContext('salesCaptain', {
				salesCaptainApi: {
					accessToken: SALESCAPTAIN_TOKEN,
					baseUrl: sandbox.baseUrl('salescaptain'),
				},
			}),
			{ displayName: 'SalesCaptain', credentialType: 'salesCaptainApi' },
		);

	async function failure(promise: Promise<unknown>): Promise<NodeApiError> {
		try {
			await promise;
		} catch (error) {
			return error as NodeApiError;
		}
		throw new Error('expected the request to fail');
	}

	test('a maintenance page answered with 200 to a GET is an error with status 200 and a hint, sent once', async () => {
		sandbox.addFault({ path: '/v1/fetch-companies', ...notTheAnswer.html });
		const error = await failure((await client()).request(get));
		expect(error.message).toBe(
			'SalesCaptain answered 200 but not with JSON (an HTML page: "Down for maintenance Down for maintenance We will be back soon.")',
		);
		expect(error.httpCode).toBe('200');
		expect(error.description).toMatch(
			/^SalesCaptain or something in front of it .* Check the Base URL/,
		);
		expect(sandbox.requests()).toHaveLength(1);
	});

	test('a create answered with an empty 200 is an error that says the outcome is unknown', async () => {
		sandbox.addFault({ path: '/v1/create-contact', ...notTheAnswer.empty });
		const error = await failure((await client()).request(create));
		expect(error.message).toBe('SalesCaptain answered 200 but not with a contact (an empty body)');
		expect(error.description).toMatch(/unknown whether it took effect\. It was not sent again/);
		expect(sandbox.requests()).toHaveLength(1);
	});

	test('an empty 2xx to a call whose answer is not read is fine', async () => {
		sandbox.addFault({ path: '/v1/add-tag-to-contact', status: 204 });
		await (await client()).request(post);
		expect(sandbox.requests()).toHaveLength(1);
	});

	test('a credential echoed in the page is redacted before the excerpt is cut', async () => {
		// The token straddles the cut: cutting first would leave its first characters in the message.
		const page = `<html><body><p>${'x'.repeat(128)} token=${SALESCAPTAIN_TOKEN} end</p></body></html>`;
		sandbox.addFault({ path: '/v1/fetch-companies', status: 200, rawBody: page });
		const error = await failure((await client()).request(get));
		for (let start = 0; start + 6 <= SALESCAPTAIN_TOKEN.length; start++) {
			expect(error.message).not.toContain(SALESCAPTAIN_TOKEN.slice(start, start + 6));
		}
		expect(error.message.length).toBeLessThan(250);
	});
});
