/**
 * The shared transport through n8n-core's real request helper against the sandbox:
 * URL building, auth, 429 handling, error messages, no repeats, redaction.
 */
import type { NodeApiError } from 'n8n-workflow';

import type { Pacing } from '../../nodes/shared/pacing';
import type { VendorApi } from '../../nodes/shared/transport';
import { ApiClient, apiPath, USER_AGENT } from '../../nodes/shared/transport';
import { requestContext } from '../harness/n8n';
import { createSandbox } from '../sandbox';
import { SALESCAPTAIN_TOKEN } from '../sandbox/vendors/salesCaptain';

const sandbox = createSandbox();
beforeAll(async () => {
	await sandbox.start();
});
afterAll(async () => await sandbox.close());
beforeEach(() => sandbox.reset());

const api = { displayName: 'SalesCaptain', credentialType: 'salesCaptainApi' };

async function client(
	overrides: Partial<VendorApi> = {},
	baseUrl = sandbox.baseUrl('salescaptain'),
	pacing?: Pacing,
) {
	const ctx = requestContext('salesCaptain', {
		salesCaptainApi: { accessToken: SALESCAPTAIN_TOKEN, baseUrl },
	});
	return await ApiClient.create(ctx, { ...api, ...overrides }, pacing);
}

async function failure(promise: Promise<unknown>): Promise<NodeApiError> {
	try {
		await promise;
	} catch (error) {
		return error as NodeApiError;
	}
	throw new Error('expected the request to fail');
}

test('joins a base URL that has a path and a trailing slash, and sends auth and User-Agent', async () => {
	const body = await (
		await client({}, `${sandbox.baseUrl('salescaptain')}/`)
	).request({ method: 'GET', path: '/v1/fetch-companies', qs: { a: '1' } });
	expect(body).toMatchObject({ companies: expect.any(Array) });
	const [request] = sandbox.requests();
	expect(request.path).toBe('/v1/fetch-companies');
	expect(request.query).toEqual({ a: '1' });
	expect(request.headers.authorization).toBe(`Bearer ${SALESCAPTAIN_TOKEN}`);
	expect(request.headers['user-agent']).toBe(USER_AGENT);
});

test('a 429 is waited out and the request sent again', async () => {
	sandbox.addFault({
		path: '/v1/fetch-companies',
		status: 429,
		body: { error: 'Too many requests' },
		headers: { 'Retry-After': '0' },
		times: 2,
	});
	await expect(
		(await client()).request({ method: 'GET', path: '/v1/fetch-companies' }),
	).resolves.toMatchObject({ companies: expect.any(Array) });
	expect(sandbox.requests()).toHaveLength(3);
});

test('a 429 that never ends: the item gives up when its wait budget is spent, saying how long it waited and how many 429s it met', async () => {
	sandbox.addFault({
		status: 429,
		body: { error: 'Too many requests, please try again later' },
		headers: { 'Retry-After': '0' },
		times: 100,
	});
	const error = await failure(
		(await client({}, undefined, { concurrency: 1, waitBudgetMs: 1000 })).request({
			method: 'POST',
			path: '/v1/create-contact',
			body: {},
		}),
	);
	const said =
		/^SalesCaptain is rate limiting: this item waited ([\d.]+) s and met (\d+) × 429; a further pause of [\d.]+ s would pass its wait budget of 1 s \(Too many requests, please try again later\)$/.exec(
			error.message,
		);
	expect(said).not.toBeNull();
	expect(Number(said![1])).toBeLessThanOrEqual(1);
	// Each 429 is waited out at least a quarter second: 4 tries fit in a 1 s budget, give or take the jitter.
	expect(Number(said![2])).toBeGreaterThanOrEqual(3);
	expect(sandbox.requests()).toHaveLength(Number(said![2]));
	expect(error.httpCode).toBe('429');
});

test('429s are waited out for as long as the budget lasts, not for 5 tries', async () => {
	sandbox.addFault({
		path: '/v1/fetch-companies',
		status: 429,
		body: { error: 'Too many requests' },
		headers: { 'Retry-After': '0' },
		times: 8,
	});
	await expect(
		(await client()).request({ method: 'GET', path: '/v1/fetch-companies' }),
	).resolves.toMatchObject({ companies: expect.any(Array) });
	expect(sandbox.requests()).toHaveLength(9);
});

test('a 429 that names a wait longer than the budget fails at once', async () => {
	sandbox.addFault({
		status: 429,
		body: { error: 'Slow down' },
		headers: { 'Retry-After': '3600' },
	});
	const error = await failure(
		(await client()).request({ method: 'GET', path: '/v1/fetch-companies' }),
	);
	expect(error.message).toMatch(
		/^SalesCaptain is rate limiting: this item waited 0 s and met 1 × 429; a further pause of 360\d(\.\d)? s would pass its wait budget of 120 s \(Slow down\)$/,
	);
	expect(sandbox.requests()).toHaveLength(1);
});

test('X-RateLimit-Reset a day ahead: the next request ends within the budget with a clear message, no day-long pause', async () => {
	const reset = Math.floor(Date.now() / 1000) + 86_400;
	sandbox.addFault({
		status: 200,
		body: { companies: [] },
		headers: { 'X-RateLimit-Remaining': '0', 'X-RateLimit-Reset': String(reset) },
	});
	const api = await client();
	await api.request({ method: 'GET', path: '/v1/fetch-companies' });
	const started = Date.now();
	const error = await failure(api.request({ method: 'GET', path: '/v1/fetch-companies' }));
	expect(Date.now() - started).toBeLessThan(10_000);
	expect(error.message).toMatch(
		/^SalesCaptain is rate limiting: this item waited 0 s and met 0 × 429; a further pause of 86\d{3}(\.\d)? s would pass its wait budget of 120 s$/,
	);
	expect(error.httpCode).toBe('429');
	expect(sandbox.requests()).toHaveLength(1);
});

test('X-RateLimit-Reset in epoch milliseconds is not read as seconds (no 56,000-year pause)', async () => {
	const reset = Date.now() + 1500;
	sandbox.addFault({
		status: 200,
		body: { companies: [] },
		headers: { 'X-RateLimit-Remaining': '0', 'X-RateLimit-Reset': String(reset) },
	});
	const api = await client();
	await api.request({ method: 'GET', path: '/v1/fetch-companies' });
	await api.request({ method: 'GET', path: '/v1/fetch-companies' });
	const [, second] = sandbox.requests();
	expect(second.at).toBeGreaterThanOrEqual(reset - 5);
});

test("a quota 429 is told from a rate-limit 429 by the vendor's body", async () => {
	const quota = {
		quotaExceededMessage: 'The monthly contact quota is used up',
		isQuotaExceeded: (body: unknown) => JSON.stringify(body).includes('Monthly'),
	};
	sandbox.addFault({
		status: 429,
		body: { error: 'Too many requests' },
		headers: { 'Retry-After': '0' },
	});
	await expect(
		(await client(quota)).request({ method: 'GET', path: '/v1/fetch-companies' }),
	).resolves.toMatchObject({ companies: expect.any(Array) });
	expect(sandbox.requests()).toHaveLength(2);
	sandbox.reset();
	sandbox.addFault({ status: 429, body: { error: 'Monthly limit reached' } });
	const error = await failure(
		(await client(quota)).request({ method: 'POST', path: '/v1/create-contact', body: {} }),
	);
	expect(error.message).toBe(
		'SalesCaptain answered 429: The monthly contact quota is used up (Monthly limit reached)',
	);
	expect(sandbox.requests()).toHaveLength(1);
});

test('a 429 that means a used-up quota is not retried', async () => {
	sandbox.addFault({
		status: 429,
		body: { error: 'Monthly limit reached', details: 'Upgrade your plan' },
	});
	const error = await failure(
		(await client({ quotaExceededMessage: 'The monthly contact quota is used up' })).request({
			method: 'POST',
			path: '/v1/create-contact',
			body: {},
		}),
	);
	expect(error.message).toBe(
		'SalesCaptain answered 429: The monthly contact quota is used up (Monthly limit reached)',
	);
	expect(error.description).toBe(
		'A usage quota is used up: waiting will not help, so the request was not sent again. (POST /v1/create-contact)',
	);
	expect(sandbox.requests()).toHaveLength(1);
});

test('a 500 is reported with the vendor message and never sent again', async () => {
	sandbox.addFault({
		status: 500,
		body: { error: 'Problem encountered while creating contact!', code: 'INTERNAL_ERROR' },
	});
	const error = await failure(
		(await client()).request({ method: 'POST', path: '/v1/create-contact', body: { a: 1 } }),
	);
	expect(error.message).toBe(
		'SalesCaptain answered 500: Problem encountered while creating contact!',
	);
	expect(error.httpCode).toBe('500');
	expect(error.description).toMatch(/not sent again/);
	expect(sandbox.requests()).toHaveLength(1);
});

test('a connection reset on a create says it may have been stored and was not sent again, never "retry immediately"', async () => {
	sandbox.addFault({ method: 'POST', drop: true });
	const error = await failure(
		(await client()).request({ method: 'POST', path: '/v1/create-contact', body: { a: 1 } }),
	);
	expect(error.message).toBe('SalesCaptain closed the connection before answering');
	expect(error.description).toBe(
		'POST /v1/create-contact may have been stored by SalesCaptain. It was not sent again: check in SalesCaptain whether it took effect before running this item again.',
	);
	expect(JSON.stringify(error)).not.toMatch(/retry/i);
	expect(sandbox.requests()).toHaveLength(1);
});

test('a refused connection says nothing was sent and shows the Base URL without its user and password', async () => {
	const error = await failure(
		(await client({}, 'http://ops:hunter2-secret@127.0.0.1:1/api')).request({
			method: 'POST',
			path: '/v1/create-contact',
			body: {},
		}),
	);
	expect(error.message).toMatch(
		/^SalesCaptain could not be reached at http:\/\/127\.0\.0\.1:1\/api: /,
	);
	expect(error.description).toBe(
		'No connection was made, so nothing was sent. Check that SalesCaptain is up and the Base URL in the credential (http://127.0.0.1:1/api) is right, then run again.',
	);
	expect(JSON.stringify(error)).not.toMatch(/hunter|ops:/);
});

test('the time limit bounds the whole answer: a body trickled past it fails, naming the limit', async () => {
	sandbox.addFault({
		method: 'POST',
		status: 201,
		body: { contact: { data: { contact_id: 'x'.repeat(200) } } },
		trickleMs: 4_000,
	});
	const error = await failure(
		(await client({ requestTimeoutMs: 1_000 })).request({
			method: 'POST',
			path: '/v1/create-contact',
			body: {},
		}),
	);
	expect(error.message).toBe(
		'SalesCaptain sent no complete answer within 1 s, so the node stopped waiting',
	);
	expect(error.description).toBe(
		'POST /v1/create-contact may have been stored by SalesCaptain. It was not sent again: check in SalesCaptain whether it took effect before running this item again.',
	);
	expect(sandbox.requests()).toHaveLength(1);
});

describe('redirects are never followed', () => {
	const elsewhere = createSandbox();
	beforeAll(async () => {
		await elsewhere.start();
	});
	afterAll(async () => await elsewhere.close());
	beforeEach(() => elsewhere.reset());

	test.each([
		[302, 'GET'],
		[307, 'POST'],
		[308, 'POST'],
	] as const)(
		'a %i on a %s is an error naming the target, and the target receives nothing',
		async (status, method) => {
			const target = `${elsewhere.baseUrl('salescaptain')}/v1/create-contact?token=${SALESCAPTAIN_TOKEN}`;
			sandbox.addFault({ status, headers: { Location: target } });
			const error = await failure(
				(await client()).request({
					method,
					path: '/v1/create-contact',
					body: method === 'POST' ? { contact_name: 'Ann' } : undefined,
				}),
			);
			expect(error.message).toBe(
				`SalesCaptain answered ${status}, a redirect to ${elsewhere.baseUrl('salescaptain')}/v1/create-contact, which the node does not follow`,
			);
			expect(error.description).toContain('Nothing was sent to the new address.');
			expect(error.description).toContain(
				`Check the Base URL in the credential (${sandbox.baseUrl('salescaptain')})`,
			);
			expect(error.httpCode).toBe(String(status));
			expect(elsewhere.requests()).toEqual([]);
			expect(sandbox.requests()).toHaveLength(1);
			expect(JSON.stringify(error)).not.toContain(SALESCAPTAIN_TOKEN);
		},
	);
});

describe('apiPath', () => {
	test('encodes each value as one path segment', () => {
		expect(apiPath`/v1/list-tags/${'a/b?c=d#e'}`).toBe('/v1/list-tags/a%2Fb%3Fc%3Dd%23e');
		expect(apiPath`/v1/contacts/${'+1 415'}/tags/${7}`).toBe('/v1/contacts/%2B1%20415/tags/7');
	});

	test.each(['', ' ', '.', '..'])('refuses %j, which would not stay one segment', (value) => {
		expect(() => apiPath`/v1/list-tags/${value}/x`).toThrow(
			/cannot be used as an ID in a request path/,
		);
	});
});

test('a non-JSON error page is read as text', async () => {
	sandbox.addFault({ status: 502, rawBody: '<html><body><h1>502 Bad Gateway</h1></body></html>' });
	const error = await failure(
		(await client()).request({ method: 'GET', path: '/v1/fetch-companies' }),
	);
	expect(error.message).toBe('SalesCaptain answered 502: 502 Bad Gateway');
});

test('a failure inside a 200 body is an error when the vendor reports them that way', async () => {
	sandbox.addFault({
		status: 200,
		body: { data: null, error: { message: 'Phone number is invalid' } },
	});
	const failureInBody = (body: unknown) =>
		(body as { error?: { message?: string } }).error?.message;
	const error = await failure(
		(await client({ failureInBody })).request({ method: 'GET', path: '/v1/fetch-companies' }),
	);
	expect(error.message).toBe('SalesCaptain answered 200: Phone number is invalid');
});

test('a vendor that reads failures from its body also reads the message of an error status', async () => {
	sandbox.addFault({
		status: 400,
		body: { data: null, error: { detail_text: 'phone_number is invalid' } },
	});
	const failureInBody = (body: unknown) =>
		(body as { error?: { detail_text?: string } }).error?.detail_text;
	const error = await failure(
		(await client({ failureInBody })).request({ method: 'GET', path: '/v1/fetch-companies' }),
	);
	expect(error.message).toBe('SalesCaptain answered 400: phone_number is invalid');
});

test('without a reading from the body, an error status falls back to the generic reader', async () => {
	sandbox.addFault({ status: 400, body: { error: 'Invalid company_id' } });
	const error = await failure(
		(await client({ failureInBody: () => undefined })).request({
			method: 'GET',
			path: '/v1/fetch-companies',
		}),
	);
	expect(error.message).toBe('SalesCaptain answered 400: Invalid company_id');
});

test('a credential value echoed by the vendor never reaches the message', async () => {
	sandbox.addFault({ status: 401, body: { error: `Token ${SALESCAPTAIN_TOKEN} is revoked` } });
	const error = await failure(
		(await client()).request({ method: 'GET', path: '/v1/fetch-companies' }),
	);
	expect(error.message).toBe('SalesCaptain answered 401: Token *** is revoked');
	expect(JSON.stringify(error)).not.toContain(SALESCAPTAIN_TOKEN);
});

test('an exhausted X-RateLimit-Remaining holds the next request until the reset', async () => {
	const reset = Math.ceil(Date.now() / 1000) + 1;
	sandbox.addFault({
		status: 200,
		body: { companies: [] },
		headers: { 'X-RateLimit-Remaining': '0', 'X-RateLimit-Reset': String(reset) },
	});
	const api = await client();
	await api.request({ method: 'GET', path: '/v1/fetch-companies' });
	await api.request({ method: 'GET', path: '/v1/fetch-companies' });
	const [, second] = sandbox.requests();
	expect(second.at).toBeGreaterThanOrEqual(reset * 1000 - 5);
});

test('a {statusCode, message, error} body gives its message, not the reason phrase in error', async () => {
	sandbox.addFault({
		status: 409,
		body: {
			statusCode: 409,
			message: 'Contact with this phone number already exists',
			error: 'Conflict',
		},
	});
	const conflict = await failure(
		(await client()).request({ method: 'POST', path: '/v1/create-contact', body: {} }),
	);
	expect(conflict.message).toBe(
		'SalesCaptain answered 409: Contact with this phone number already exists',
	);
	sandbox.addFault({
		status: 400,
		body: {
			statusCode: 400,
			message: ['full_name should not be empty', 'email must be an email'],
			error: 'Bad Request',
		},
	});
	const invalid = await failure(
		(await client()).request({ method: 'POST', path: '/v1/create-contact', body: {} }),
	);
	expect(invalid.message).toBe(
		'SalesCaptain answered 400: full_name should not be empty; email must be an email',
	);
});
