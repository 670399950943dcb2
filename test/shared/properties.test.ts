import { createOptions, readPacing } from '../../nodes/shared/properties';

const defaults = { concurrency: 5, rateLimit: { requests: 100, perMs: 60_000 }, reason: 'Documented limit' };

describe('readPacing', () => {
	test('nothing set: the vendor defaults', () => {
		expect(readPacing({}, defaults)).toEqual({ concurrency: 5, rateLimit: { requests: 100, perMs: 60_000 } });
	});
	test('the user sets a limit per second', () => {
		expect(readPacing({ maxConcurrency: 2, maxRequests: 10, rateInterval: 'second' }, defaults)).toEqual({ concurrency: 2, rateLimit: { requests: 10, perMs: 1000 } });
	});
	test('0 requests means no fixed bound', () => {
		expect(readPacing({ maxRequests: 0 }, defaults)).toEqual({ concurrency: 5 });
	});
	test('only the count changed keeps the default interval', () => {
		expect(readPacing({ maxRequests: 50 }, defaults).rateLimit).toEqual({ requests: 50, perMs: 60_000 });
	});
	test('a vendor without a fixed limit', () => {
		expect(readPacing({}, { concurrency: 3, reason: '' })).toEqual({ concurrency: 3 });
	});
});

test('createOptions shows the vendor defaults in the UI', () => {
	const collection = createOptions('Acme', defaults);
	const byName = Object.fromEntries((collection.options as Array<{ name: string; default: unknown }>).map((option) => [option.name, option.default]));
	expect(byName).toEqual({ ifContactExists: 'fail', maxConcurrency: 5, maxRequests: 100, rateInterval: 'minute' });
});
