/** Turns the data files' placeholders into jest matchers, and sandbox requests into comparable shapes. */
import type { SandboxRequest } from '../../sandbox/server';
import type { ExpectedRequest } from './vendor';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:?\d{2})$/;

/** `'<uuid>'`, `'<iso-date>'` and `'<any>'` become matchers; everything else is compared as is. */
export function withPlaceholders(expected: unknown): unknown {
	if (expected === '<uuid>') return expect.stringMatching(UUID);
	if (expected === '<iso-date>') return expect.stringMatching(ISO_DATE);
	if (expected === '<any>') return expect.anything();
	if (Array.isArray(expected)) return expected.map(withPlaceholders);
	if (expected && typeof expected === 'object') {
		return Object.fromEntries(
			Object.entries(expected).map(([key, value]) => [key, withPlaceholders(value)]),
		);
	}
	return expected;
}

/** The parts of a received request that an expectation names (all of method, path, query, body). */
export function requestShape(request: SandboxRequest, expected?: ExpectedRequest) {
	const shape: Record<string, unknown> = {
		method: request.method,
		path: request.path,
		query: request.query,
		body: request.body ?? (request.rawBody === '' ? undefined : request.rawBody),
	};
	if (expected?.headers) {
		shape.headers = Object.fromEntries(
			Object.keys(expected.headers).map((name) => [name, request.headers[name.toLowerCase()]]),
		);
	}
	return shape;
}

/** Placeholders inside a path (`/v1/contacts/<uuid>/tags`): ids the vendor made during the run. */
const PATH_PLACEHOLDERS: Record<string, string> = {
	'<uuid>': '[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}',
	'<any>': '[^/]+',
};

function expectedPath(path: string): unknown {
	const parts = path.split(/(<uuid>|<any>)/);
	if (parts.length === 1) return path;
	const pattern = parts
		.map((part) => PATH_PLACEHOLDERS[part] ?? part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
		.join('');
	return expect.stringMatching(new RegExp(`^${pattern}$`));
}

export function expectedShape(expected: ExpectedRequest) {
	const shape: Record<string, unknown> = {
		method: expected.method,
		path: expectedPath(expected.path),
		query: expected.query ?? {},
		body: withPlaceholders(expected.body),
	};
	if (expected.headers) shape.headers = expected.headers;
	return shape;
}

/** Received requests vs expected, in order, exactly (no more, no fewer). */
export function expectRequests(received: SandboxRequest[], expected: ExpectedRequest[]): void {
	const actual = received.map((request, index) => requestShape(request, expected[index]));
	expect(actual).toEqual(expected.map(expectedShape));
}
