import type { INodeProperties } from 'n8n-workflow';

import { createOptions, readPacing } from '../../nodes/shared/properties';

const defaults = {
	concurrency: 5,
	rateLimit: { requests: 100, perMs: 60_000 },
	reason: 'Documented limit',
};

describe('readPacing', () => {
	test('nothing set: the vendor defaults', () => {
		expect(readPacing({}, defaults)).toEqual({
			concurrency: 5,
			rateLimit: { requests: 100, perMs: 60_000 },
			waitBudgetMs: 120_000,
		});
	});
	test('the user sets a limit per second', () => {
		expect(
			readPacing({ maxConcurrency: 2, maxRequests: 10, rateInterval: 'second' }, defaults),
		).toEqual({ concurrency: 2, rateLimit: { requests: 10, perMs: 1000 }, waitBudgetMs: 120_000 });
	});
	test('any window: a number of seconds, minutes or hours', () => {
		const window = (options: object) =>
			readPacing({ maxRequests: 100, ...options }, defaults).rateLimit;
		expect(window({ rateInterval: 'second', rateIntervalLength: 10 })).toEqual({
			requests: 100,
			perMs: 10_000,
		});
		expect(window({ rateInterval: 'hour' })).toEqual({ requests: 100, perMs: 3_600_000 });
		// Only the length set: it counts in the vendor's default unit (minutes here).
		expect(window({ rateIntervalLength: 5 })).toEqual({ requests: 100, perMs: 300_000 });
		// Nonsense from an expression falls back to one interval.
		expect(window({ rateInterval: 'second', rateIntervalLength: 'soon' })).toEqual({
			requests: 100,
			perMs: 1000,
		});
	});
	test('0 requests means no fixed bound', () => {
		expect(readPacing({ maxRequests: 0 }, defaults)).toEqual({
			concurrency: 5,
			waitBudgetMs: 120_000,
		});
	});
	test('only the count changed keeps the default interval', () => {
		expect(readPacing({ maxRequests: 50 }, defaults).rateLimit).toEqual({
			requests: 50,
			perMs: 60_000,
		});
	});
	test('a vendor without a fixed limit', () => {
		expect(readPacing({}, { concurrency: 3, reason: '' })).toEqual({
			concurrency: 3,
			waitBudgetMs: 120_000,
		});
	});
	test('Max Concurrent Requests given by expression is held to the editor bound of 50', () => {
		expect(readPacing({ maxConcurrency: 500 }, defaults).concurrency).toBe(50);
		expect(readPacing({ maxConcurrency: -3 }, defaults).concurrency).toBe(1);
	});
	test('the wait budget is read in seconds and kept within 0..3600 s', () => {
		expect(readPacing({ maxRateLimitWait: 5 }, defaults).waitBudgetMs).toBe(5000);
		expect(readPacing({ maxRateLimitWait: 99_999 }, defaults).waitBudgetMs).toBe(3_600_000);
		expect(readPacing({ maxRateLimitWait: 'soon' }, defaults).waitBudgetMs).toBe(120_000);
	});
});

test('createOptions shows the vendor defaults in the UI', () => {
	const collection = createOptions('Acme', defaults);
	const byName = Object.fromEntries(
		(collection.options as Array<{ name: string; default: unknown }>).map((option) => [
			option.name,
			option.default,
		]),
	);
	expect(byName).toEqual({
		defaultCountry: '',
		ifContactExists: 'fail',
		maxConcurrency: 5,
		maxRequests: 100,
		maxRateLimitWait: 120,
		rateInterval: 'minute',
		rateIntervalLength: 1,
	});
});

test('createOptions: the "Return Existing" description says how far the lookup reaches, when the vendor tells', () => {
	const returnExisting = (collection: ReturnType<typeof createOptions>) => {
		const ifExists = (
			collection.options as Array<{
				name: string;
				options?: Array<{ value: string; description: string }>;
			}>
		).find((option) => option.name === 'ifContactExists')!;
		return ifExists.options!.find((option) => option.value === 'returnExisting')!.description;
	};
	expect(returnExisting(createOptions('Acme', defaults))).toBe(
		'Look the existing contact up and output it, marked as already existing',
	);
	expect(
		returnExisting(
			createOptions('Acme', defaults, { lookupScope: 'Only the newest 100 contacts are searched' }),
		),
	).toBe(
		'Look the existing contact up and output it, marked as already existing. Only the newest 100 contacts are searched',
	);
});

test('createOptions: Default Country, a dropdown of countries with their calling codes, for nodes that send phone numbers', () => {
	const option = (createOptions('Acme', defaults).options as INodeProperties[]).find(
		(candidate) => candidate.name === 'defaultCountry',
	)!;
	expect(option).toMatchObject({ displayName: 'Default Country', type: 'options', default: '' });
	const choices = option.options as Array<{ name: string; value: string }>;
	expect(choices[0]).toEqual({ name: 'None: Numbers Must Carry a Country Code', value: '' });
	expect(choices).toContainEqual({ name: 'Germany (+49)', value: 'DE' });
	expect(choices).toContainEqual({ name: 'United States (+1)', value: 'US' });
	expect(choices.some((choice) => choice.value === 'AQ')).toBe(false); // no calling code
	expect(
		(
			createOptions('Acme', defaults, { sendsPhoneNumbers: false }).options as INodeProperties[]
		).some((candidate) => candidate.name === 'defaultCountry'),
	).toBe(false);
});
