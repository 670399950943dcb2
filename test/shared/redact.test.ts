import {
	cut,
	displayUrl,
	LEAK_LENGTH,
	Redactor,
	secretForms,
	secretsOf,
} from '../../nodes/shared/redact';

const TOKEN = 'eyJhbGciOiJIUzI1NiJ9.c2FsZXM/+ "x"&=%y';

/** Whether any LEAK_LENGTH-long run of the secret appears in the text. */
function leaks(text: string, secret: string): boolean {
	for (let start = 0; start + LEAK_LENGTH <= secret.length; start++)
		if (text.includes(secret.slice(start, start + LEAK_LENGTH))) return true;
	return false;
}

describe('Redactor', () => {
	const redactor = new Redactor([TOKEN]);

	test.each([
		['raw', `Token ${TOKEN} is revoked`],
		['URL-encoded', `GET /x?token=${encodeURIComponent(TOKEN)} refused`],
		[
			'URL-encoded with lower-case hex',
			`GET /x?token=${encodeURIComponent(TOKEN).replace(/%[0-9A-F]{2}/g, (hex) => hex.toLowerCase())}`,
		],
		['form-encoded', `body: ${new URLSearchParams({ token: TOKEN }).toString()}`],
		['JSON-escaped', `received ${JSON.stringify({ token: TOKEN })}`],
		['only its first characters (a vendor that cuts)', `Token ${TOKEN.slice(0, 12)}… is revoked`],
		['only a middle part', `…${TOKEN.slice(8, 20)}…`],
	])('masks the secret %s', (_form, text) => {
		const redacted = redactor.redact(text);
		for (const form of secretForms(TOKEN)) expect(leaks(redacted, form)).toBe(false);
		expect(redacted).toContain('***');
	});

	test('keeps the text around the secret', () => {
		expect(redactor.redact(`Token ${TOKEN} is revoked`)).toBe('Token *** is revoked');
	});

	test('a short secret is masked where it appears whole, and nothing else is touched', () => {
		expect(new Redactor(['ab12c']).redact('key ab12c, not ab12 or b12c')).toBe(
			'key ***, not ab12 or b12c',
		);
	});

	test('values shorter than 4 characters are not secrets', () => {
		expect(new Redactor(secretsOf({ apiKey: 'abc', baseUrl: 'https://x' })).redact('abc')).toBe(
			'abc',
		);
	});

	test('nested bodies: keys and values, arrays included', () => {
		expect(redactor.redactDeep({ [TOKEN]: [`k=${TOKEN}`, 3, null], ok: true })).toEqual({
			'***': ['k=***', 3, null],
			ok: true,
		});
	});

	test('a 1 MB body is redacted (one pass over the text)', () => {
		const body = `${'lorem ipsum '.repeat(90_000)}${TOKEN}`;
		const redacted = redactor.redact(body);
		expect(redacted.endsWith('lorem ipsum ***')).toBe(true);
	});
});

describe('secretsOf', () => {
	test('every text value but the Base URL, plus the user, password and Basic form from the Base URL', () => {
		const secrets = secretsOf({
			apiKey: 'key-123456',
			teamId: 'team-42',
			empty: '',
			baseUrl: 'https://ops:p%40ss%2Fword@api.example.com/v1',
		});
		expect(secrets).toEqual([
			'key-123456',
			'team-42',
			'p@ss/word',
			Buffer.from('ops:p@ss/word').toString('base64'),
		]);
	});
});

describe('displayUrl', () => {
	test.each([
		['https://ops:secret@api.example.com/v1?key=abc#x', 'https://api.example.com/v1'],
		['https://api.example.com', 'https://api.example.com'],
		['http://127.0.0.1:8080/salescaptain/', 'http://127.0.0.1:8080/salescaptain/'],
		['not a url user:pass@host/path?key=1', 'host/path'],
	])('%s -> %s', (url, shown) => {
		expect(displayUrl(url)).toBe(shown);
	});
});

test('cut keeps at most the given length', () => {
	expect(cut('abcdef', 4)).toBe('abc…');
	expect(cut('abc', 4)).toBe('abc');
});
