import type { IDataObject, INodeProperties } from 'n8n-workflow';

import { callingCodeOptions } from './countries';
import type { Pacing, RateLimit } from './pacing';
import { DEFAULT_WAIT_BUDGET_MS, MAX_CONCURRENCY } from './pacing';

export type IfContactExists = 'fail' | 'returnExisting' | 'updateExisting';

const IF_CONTACT_EXISTS: IfContactExists[] = ['fail', 'returnExisting', 'updateExisting'];

/** The Options collection's If Contact Exists choice (Fail unless set). */
export function readIfContactExists(options: unknown): IfContactExists {
	const chosen = (options as IDataObject | undefined)?.ifContactExists as IfContactExists;
	return IF_CONTACT_EXISTS.includes(chosen) ? chosen : 'fail';
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

/** How Contact → Create's Options differ by vendor. */
export interface CreateOptionsText {
	/** How far "Return Existing" searches, when the vendor's search reaches only part of the contacts. */
	lookupScope?: string;
	/** Offer Default Country (nodes that send a phone number). Default true. */
	sendsPhoneNumbers?: boolean;
	/** Offer "Update Existing" (vendors with an update endpoint). */
	canUpdate?: boolean;
}

/**
 * Contact → Create's "Options" collection: duplicate handling, then what every operation has
 * (`operationOptions`), same names in every node.
 */
export function createOptions(
	vendor: string,
	pacing: PacingDefaults,
	text: CreateOptionsText = {},
): INodeProperties {
	const lookupScope = text.lookupScope ? `. ${text.lookupScope}` : '';
	const ifContactExists: INodeProperties = {
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
				description: `Look the existing contact up and output it, marked as already existing${lookupScope}`,
			},
			...(text.canUpdate
				? [
						{
							name: 'Update Existing',
							value: 'updateExisting',
							description: `Look the existing contact up and update it with the fields given here (empty fields leave its values as they are), marked as updated${lookupScope}`,
						},
					]
				: []),
		],
		default: 'fail',
		description: `What to do when ${vendor} says the contact already exists`,
	};
	return operationOptions(vendor, pacing, [
		...(text.sendsPhoneNumbers === false ? [] : [defaultCountryOption]),
		ifContactExists,
	]);
}

/**
 * An operation's "Options" collection: its own `first` entries, then request pacing, which
 * every operation has under the same names (it is read once per run, see execute.ts).
 */
export function operationOptions(
	vendor: string,
	pacing: PacingDefaults,
	first: INodeProperties[] = [],
): INodeProperties {
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
			...first,
			{
				displayName: 'Max Concurrent Requests',
				name: 'maxConcurrency',
				type: 'number',
				typeOptions: { minValue: 1, maxValue: MAX_CONCURRENCY },
				default: concurrencyDefault,
				description: `How many requests may be in flight to the ${vendor} account at the same time, counting every execution of this n8n process that uses the same credential (at most ${MAX_CONCURRENCY})`,
			},
			{
				displayName: 'Max Requests',
				name: 'maxRequests',
				type: 'number',
				typeOptions: { minValue: 0 },
				default: maxRequestsDefault,
				description: `Upper bound on requests per interval below, spread evenly and counted for the account across every execution of this n8n process that uses the same credential; 0 means no fixed bound (429 answers and rate-limit headers are still followed). ${pacing.reason}.`,
			},
			{
				displayName: 'Max Requests Interval',
				name: 'rateInterval',
				type: 'options',
				options: [
					{ name: 'Second', value: 'second' },
					{ name: 'Minute', value: 'minute' },
					{ name: 'Hour', value: 'hour' },
				],
				default: intervalDefault,
				description: 'The interval Max Requests counts over',
			},
			{
				displayName: 'Max Requests Interval Length',
				name: 'rateIntervalLength',
				type: 'number',
				typeOptions: { minValue: 1 },
				default: 1,
				description:
					'How many of those intervals Max Requests counts over, e.g. 10 with Second for a vendor that allows 100 requests per 10 seconds',
			},
			{
				displayName: 'Max Wait on Rate Limits (Seconds)',
				name: 'maxRateLimitWait',
				type: 'number',
				typeOptions: { minValue: 0, maxValue: 3600 },
				default: 120, // DEFAULT_WAIT_BUDGET_MS in seconds
				description: `How long one item may wait in all while ${vendor} asks to slow down (429 answers, a used-up rate window) before it fails; the refused request is sent again after each wait`,
			},
		],
	};
}

const INTERVAL_MS: Record<string, number> = { second: 1000, minute: 60_000, hour: 3_600_000 };

/** Reads the pacing the user set (or the defaults) from the "Options" collection. */
export function readPacing(options: IDataObject, defaults: PacingDefaults): Pacing {
	// An expression can give any number: the editor's bounds are applied here too.
	const asked =
		Math.floor(Number(options.maxConcurrency ?? defaults.concurrency)) || defaults.concurrency;
	const concurrency = Math.min(MAX_CONCURRENCY, Math.max(1, asked));
	const waitSeconds = Number(options.maxRateLimitWait ?? DEFAULT_WAIT_BUDGET_MS / 1000);
	const waitBudgetMs = Number.isFinite(waitSeconds)
		? Math.min(3600, Math.max(0, waitSeconds)) * 1000
		: DEFAULT_WAIT_BUDGET_MS;
	const requests =
		options.maxRequests === undefined
			? defaults.rateLimit?.requests
			: Math.floor(Number(options.maxRequests));
	if (!requests || requests < 1) return { concurrency, waitBudgetMs };
	return {
		concurrency,
		rateLimit: { requests, perMs: readWindow(options, defaults) },
		waitBudgetMs,
	};
}

/** The window Max Requests counts over: a number of seconds, minutes or hours (the vendor's default when unset). */
function readWindow(options: IDataObject, defaults: PacingDefaults): number {
	const defaultMs = defaults.rateLimit?.perMs ?? 1000;
	if (options.rateInterval === undefined && options.rateIntervalLength === undefined)
		return defaultMs;
	const unitMs =
		INTERVAL_MS[String(options.rateInterval)] ?? (defaultMs === 60_000 ? 60_000 : 1000);
	const length = Number(options.rateIntervalLength ?? 1);
	return unitMs * (Number.isFinite(length) && length >= 1 ? length : 1);
}
