import type { IDataObject, INodeProperties } from 'n8n-workflow';

import { callingCodeOptions } from './countries';
import type { Pacing, RateLimit } from './pacing';

export type IfContactExists = 'fail' | 'returnExisting';

/** The Options collection's If Contact Exists choice (Fail unless set). */
export function readIfContactExists(options: unknown): IfContactExists {
	return (options as IDataObject | undefined)?.ifContactExists === 'returnExisting' ? 'returnExisting' : 'fail';
}

/** How a run's requests are paced when the user changes nothing. */
export interface PacingDefaults {
	concurrency: number;
	/** Undefined: no fixed limit (the node still follows 429s and rate-limit headers). */
	rateLimit?: RateLimit;
	/** One line on where the default comes from, shown in the option's description. */
	reason: string;
}

/** The country national phone numbers (no `+` or `00`) are read as; none: every number must carry its country code. */
export const defaultCountryOption: INodeProperties = {
	displayName: 'Default Country',
	name: 'defaultCountry',
	type: 'options',
	options: callingCodeOptions('None: Numbers Must Carry a Country Code'),
	default: '',
	description:
		"Country of phone numbers written without a country code, such as (415) 555-2671 or 030 1234567: they are sent with this country's calling code and without the national 0 (or 1) in front. With None, such a number fails the item.",
};

/**
 * The "Options" collection: duplicate handling, request pacing and (for nodes that send a
 * phone number) the Default Country, same names in every node. `lookupScope` (optional)
 * says how far "Return Existing" searches, e.g. when the vendor's search only reaches part
 * of the contacts; it is added to that choice's description.
 */
export function createOptions(vendor: string, pacing: PacingDefaults, lookupScope?: string, sendsPhoneNumbers = true): INodeProperties {
	const concurrencyDefault = pacing.concurrency;
	const maxRequestsDefault = pacing.rateLimit?.requests ?? 0;
	const intervalDefault = pacing.rateLimit?.perMs === 60_000 ? 'minute' : 'second';
	return {
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [
			...(sendsPhoneNumbers ? [defaultCountryOption] : []),
			{
				displayName: 'If Contact Exists',
				name: 'ifContactExists',
				type: 'options',
				options: [
					{
						name: 'Fail',
						value: 'fail',
						description: `Fail the item with ${vendor}'s duplicate message`,
					},
					{
						name: 'Return Existing',
						value: 'returnExisting',
						description: `Look the existing contact up and output it, marked as already existing${lookupScope ? `. ${lookupScope}` : ''}`,
					},
				],
				default: 'fail',
				description: `What to do when ${vendor} says the contact already exists`,
			},
			{
				displayName: 'Max Concurrent Requests',
				name: 'maxConcurrency',
				type: 'number',
				typeOptions: { minValue: 1, maxValue: 50 },
				default: concurrencyDefault,
				description: `How many items are sent to ${vendor} at the same time`,
			},
			{
				displayName: 'Max Requests',
				name: 'maxRequests',
				type: 'number',
				typeOptions: { minValue: 0 },
				default: maxRequestsDefault,
				description: `Upper bound on requests per interval below; 0 means no fixed bound (429 answers and rate-limit headers are still followed). ${pacing.reason}.`,
			},
			{
				displayName: 'Per',
				name: 'rateInterval',
				type: 'options',
				options: [
					{ name: 'Second', value: 'second' },
					{ name: 'Minute', value: 'minute' },
				],
				default: intervalDefault,
				description: 'The interval Max Requests counts over',
			},
		],
	};
}

const INTERVAL_MS: Record<string, number> = { second: 1000, minute: 60_000 };

/** Reads the pacing the user set (or the defaults) from the "Options" collection. */
export function readPacing(options: IDataObject, defaults: PacingDefaults): Pacing {
	const concurrency = Math.max(1, Math.floor(Number(options.maxConcurrency ?? defaults.concurrency)) || defaults.concurrency);
	const requests = options.maxRequests === undefined ? defaults.rateLimit?.requests : Math.floor(Number(options.maxRequests));
	if (!requests || requests < 1) return { concurrency };
	const interval = options.rateInterval as string | undefined;
	const perMs = interval ? INTERVAL_MS[interval] ?? 1000 : defaults.rateLimit?.perMs ?? 1000;
	return { concurrency, rateLimit: { requests, perMs } };
}
