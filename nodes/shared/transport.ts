import type {
	IDataObject,
	IExecuteFunctions,
	IHookFunctions,
	IHttpRequestMethods,
	IHttpRequestOptions,
	ILoadOptionsFunctions,
	IPollFunctions,
	JsonObject,
} from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import type { Pacing, Start } from './pacing';
import {
	accountKey,
	accountPaces,
	DEFAULT_WAIT_BUDGET_MS,
	MAX_CONCURRENCY,
	PacingCancelled,
	WaitBudget,
	WaitBudgetExceeded,
} from './pacing';
import { cut, displayUrl, Redactor, secretsOf } from './redact';
import { InputError } from './validate';

/** What the shared transport needs to know about one vendor's API. */
export interface VendorApi {
	/** Name users read in messages, e.g. "SalesCaptain". */
	displayName: string;
	/** The n8n credential type; it carries `baseUrl` and the auth block. */
	credentialType: string;
	/** For vendors whose 429 can be a used-up quota, not a rate limit: never wait, fail with this. */
	quotaExceededMessage?: string;
	/**
	 * Tells a quota 429 from a rate-limit 429 by its body; without it every 429 of a vendor
	 * with `quotaExceededMessage` is the quota.
	 */
	isQuotaExceeded?: (body: unknown) => boolean;
	/**
	 * For vendors that report failures inside a 2xx body: the failure message, if any. Also
	 * reads the message of a non-2xx answer (falling back to the generic reader).
	 */
	failureInBody?: (body: unknown) => string | undefined;
	/** How long one request may take in all, body included (default 60 s). */
	requestTimeoutMs?: number;
}

export interface ApiRequest {
	method: IHttpRequestMethods;
	/** Path below the credential's base URL, starting with `/`. */
	path: string;
	qs?: IDataObject;
	body?: IDataObject;
	/**
	 * What a 2xx answer must hold, e.g. the vendor's documented create answer. Without it,
	 * any JSON is accepted, and no body at all for a call that is not a GET.
	 */
	expect?: ExpectedAnswer;
}

/** A vendor's documented success answer, stated as data in the vendor's folder. */
export interface ExpectedAnswer {
	/** Named in the error: "<Vendor> answered 200 but not with <what>". */
	what: string;
	matches(body: unknown): boolean;
}

export type RequestContext =
	IExecuteFunctions | ILoadOptionsFunctions | IPollFunctions | IHookFunctions;

/**
 * Marks the error of a request that changes something (not a GET) whose answer was lost: no
 * answer (timeout, reset), a 5xx or a 2xx that is not the vendor's answer. It may have taken
 * effect; an operation that must never be done twice (a call) reports it in its own words.
 */
const ANSWER_LOST = 'answerLost';

export function isAnswerLost(error: unknown): boolean {
	return (
		(error instanceof NodeApiError || error instanceof NodeOperationError) &&
		error.context[ANSWER_LOST] === true
	);
}

function markAnswerLost(error: NodeApiError, request: ApiRequest, lost: boolean): NodeApiError {
	if (lost && request.method !== 'GET') error.context[ANSWER_LOST] = true;
	return error;
}

export const USER_AGENT = 'n8n-nodes-crm-contacts (n8n community node)';
export const REQUEST_TIMEOUT_MS = 60_000;
/** Longest vendor message kept in an error, cut only after secrets are masked. */
export const MAX_VENDOR_MESSAGE_LENGTH = 300;

interface FullResponse {
	body: unknown;
	headers: Record<string, unknown>;
	statusCode: number;
}

export function trimTrailingSlash(url: string): string {
	return url.trim().replace(/\/+$/, '');
}

/**
 * A request path with each interpolated value as exactly one encoded path segment:
 * `apiPath\`/v1/list-tags/${companyId}\``. A value cannot add segments (`/`), a query (`?`)
 * or climb up (`..`, which URL parsers resolve even when encoded), so an ID from an
 * expression never reaches another endpoint with the credential attached.
 */
export function apiPath(parts: TemplateStringsArray, ...values: Array<string | number>): string {
	return parts.reduce((path, part, index) => {
		if (index === 0) return part;
		const value = String(values[index - 1]).trim();
		if (value === '' || value === '.' || value === '..') {
			throw new InputError(
				`"${value}" cannot be used as an ID in a request path`,
				'Give the ID as the vendor shows it.',
			);
		}
		return `${path}${encodeURIComponent(value)}${part}`;
	}, '');
}

const MESSAGE_KEYS = ['error', 'message', 'detail', 'details', 'errors', 'msg'];

/** The vendor's own words from an error body, whatever shape the vendor uses. */
export function readErrorMessage(body: unknown): string | undefined {
	if (typeof body === 'string') {
		// Not cut here: the transport masks secrets first, then cuts.
		const text = body
			.replace(/<[^>]*>/g, ' ')
			.replace(/\s+/g, ' ')
			.trim();
		return text === '' ? undefined : text;
	}
	if (!body || typeof body !== 'object') return undefined;
	const record = body as Record<string, unknown>;
	// `{statusCode, message, error}` (NestJS and alike): `error` is only the status's reason
	// phrase ("Conflict"), `message` the vendor's own words, so it is read first.
	const keys =
		record.statusCode !== undefined && record.message !== undefined
			? ['message', ...MESSAGE_KEYS]
			: MESSAGE_KEYS;
	for (const key of keys) {
		const value = record[key];
		if (typeof value === 'string' && value.trim() !== '') return value.trim();
		if (Array.isArray(value) && value.length > 0) {
			const parts = value.map(
				(entry) => readErrorMessage(entry) ?? (typeof entry === 'string' ? entry : undefined),
			);
			const text = parts.filter(Boolean).join('; ');
			if (text) return text;
		}
		if (value && typeof value === 'object') {
			const nested = readErrorMessage(value);
			if (nested) return nested;
		}
	}
	return fieldErrors(record);
}

/**
 * Messages keyed by the field they concern, as validating frameworks answer a 400:
 * `{"email": ["Enter a valid email address."], "items": [{"value": ["Too long."]}]}`
 * -> `email: Enter a valid email address.; items.value: Too long.` Only lists count, so a
 * plain record such as `{status: "ok"}` is not taken for an error.
 */
function fieldErrors(record: Record<string, unknown>, prefix = '', depth = 0): string | undefined {
	if (depth > 3) return undefined;
	const parts: string[] = [];
	for (const [key, value] of Object.entries(record)) {
		if (!Array.isArray(value)) continue;
		const field = key === 'non_field_errors' ? prefix.replace(/\.$/, '') : `${prefix}${key}`;
		const texts = value.filter(
			(entry): entry is string => typeof entry === 'string' && entry.trim() !== '',
		);
		if (texts.length) parts.push(field ? `${field}: ${texts.join(' ')}` : texts.join(' '));
		for (const entry of value) {
			if (entry && typeof entry === 'object' && !Array.isArray(entry)) {
				const nested = fieldErrors(entry as Record<string, unknown>, `${field}.`, depth + 1);
				if (nested) parts.push(nested);
			}
		}
	}
	return parts.length ? parts.join('; ') : undefined;
}

/** Only the start of an unexpected body is shown; longer pages are cut before any pattern runs. */
const BODY_SAMPLE_LENGTH = 2_000;

function isEmptyBody(body: unknown): boolean {
	return body === undefined || body === null || (typeof body === 'string' && body.trim() === '');
}

/**
 * What a 2xx body holds when it is not what `request` expects, in words for the error
 * message, or undefined when it is fine. Text that n8n could not parse as JSON (an HTML
 * maintenance page, a proxy's notice) is never an answer; neither is an empty body where
 * something must be read (a GET, or a call with an expected answer).
 */
export function unexpectedAnswer(body: unknown, request: ApiRequest): string | undefined {
	if (isEmptyBody(body))
		return request.expect || request.method === 'GET' ? 'an empty body' : undefined;
	if (typeof body === 'string') {
		const sample = body.slice(0, BODY_SAMPLE_LENGTH);
		if (!/^\s*</.test(sample)) return `text: "${sample.replace(/\s+/g, ' ').trim()}"`;
		const text = sample
			.replace(/<(style|script)\b[^>]*>[^<]*<\/\1\s*>/gi, ' ')
			.replace(/<[^>]*>/g, ' ')
			.replace(/\s+/g, ' ')
			.trim();
		return `an HTML page: "${text}"`;
	}
	if (request.expect && !request.expect.matches(body))
		return `JSON: ${JSON.stringify(body).slice(0, BODY_SAMPLE_LENGTH)}`;
	return undefined;
}

function describeStatus(status: number): string {
	if (status === 400)
		return 'The vendor rejected the data sent. Check the fields named in the message.';
	if (status === 401 || status === 403) {
		return 'Check the API key in the credential and that it has access to this resource.';
	}
	if (status === 404)
		return 'Something this request refers to does not exist. Check the IDs given.';
	if (status === 409)
		return 'A record with these details already exists. Set "If Contact Exists" to "Return Existing" to output it instead.';
	if (status === 429)
		return 'The vendor is limiting requests. Lower "Max Requests" in the node options, or run again later.';
	if (status >= 500)
		return 'The vendor failed to handle the request. It was not sent again, so nothing is created twice.';
	return 'The vendor did not accept the request.';
}

/**
 * One client per node run (or dropdown call): every HTTP call of every node goes through
 * `request`, so the base URL, auth, rate limits, error messages and secret redaction are
 * handled in one place. Requests are paced per account (see `AccountPace`): every client of
 * the same credential in this process shares one window, one 429 pause and one in-flight bound.
 */
export class ApiClient {
	private constructor(
		private readonly ctx: RequestContext,
		private readonly api: VendorApi,
		private readonly baseUrl: string,
		private readonly redactor: Redactor,
		private readonly account: string,
		private readonly pacing: Pacing,
		private readonly budget: WaitBudget,
	) {}

	static async create(
		ctx: RequestContext,
		api: VendorApi,
		pacing: Pacing = { concurrency: 1 },
	): Promise<ApiClient> {
		const credentials = await ctx.getCredentials(api.credentialType);
		const baseUrl = trimTrailingSlash(String(credentials.baseUrl ?? ''));
		const bounded = {
			...pacing,
			concurrency: Math.min(Math.max(1, pacing.concurrency), MAX_CONCURRENCY),
		};
		const budget = new WaitBudget(pacing.waitBudgetMs ?? DEFAULT_WAIT_BUDGET_MS);
		return new ApiClient(
			ctx,
			api,
			baseUrl,
			new Redactor(secretsOf(credentials)),
			accountKey(api.credentialType, credentials),
			bounded,
			budget,
		);
	}

	/** The same client with a wait budget of its own: one per item. */
	forItem(): ApiClient {
		return new ApiClient(
			this.ctx,
			this.api,
			this.baseUrl,
			this.redactor,
			this.account,
			this.pacing,
			new WaitBudget(this.budget.limitMs),
		);
	}

	/**
	 * Sends one request and returns the parsed body. A rate-limit 429 is waited out and sent
	 * again (the request was refused, so nothing was created) while the item's wait budget
	 * lasts; any other failure, a 5xx, a quota 429 or a dropped connection included, is thrown
	 * at once and never repeated.
	 */
	async request<T = unknown>(request: ApiRequest): Promise<T> {
		const signal =
			'getExecutionCancelSignal' in this.ctx ? this.ctx.getExecutionCancelSignal() : undefined;
		for (;;) {
			// Looked up on every try: the registry may have forgotten an idle account meanwhile.
			const pace = accountPaces.get(this.account);
			let start: Start;
			try {
				start = await pace.acquire({ ...this.pacing, budget: this.budget, signal });
			} catch (error) {
				if (error instanceof WaitBudgetExceeded) throw this.rateLimitError(request, error.askedMs);
				const cancelled = error instanceof PacingCancelled;
				throw new NodeOperationError(
					this.ctx.getNode(),
					cancelled
						? `The execution was cancelled before ${request.method} ${request.path} was sent to ${this.api.displayName}`
						: (error as Error),
				);
			}
			let response: FullResponse | undefined;
			try {
				response = await this.send(request);
			} finally {
				// No answer (the connection failed): the request is no longer in flight all the same.
				if (!response) pace.settle(start);
			}
			const rateLimited = response.statusCode === 429 && !this.isQuotaExceeded(response);
			const resume = pace.settle(start, { headers: response.headers, rateLimited });
			if (resume !== undefined) {
				this.budget.rateLimited++;
				const now = Date.now();
				if (!this.budget.charge(resume, now))
					throw this.rateLimitError(request, resume - now, response);
				continue;
			}
			if (response.statusCode >= 200 && response.statusCode < 300) {
				const failure = this.api.failureInBody?.(response.body);
				if (failure !== undefined)
					throw this.apiError(response, request, { vendorMessage: failure });
				const unexpected = unexpectedAnswer(response.body, request);
				if (unexpected !== undefined) throw this.notTheAnswerError(response, request, unexpected);
				return response.body as T;
			}
			throw this.apiError(response, request);
		}
	}

	private isQuotaExceeded(response: FullResponse): boolean {
		if (response.statusCode !== 429 || !this.api.quotaExceededMessage) return false;
		return this.api.isQuotaExceeded?.(response.body) ?? true;
	}

	/** The item gives up on a rate limit: how long it waited, how many 429s it met, what is asked. */
	private rateLimitError(
		request: ApiRequest,
		askedMs: number,
		response?: FullResponse,
	): NodeApiError {
		const seconds = (ms: number) => `${Number((ms / 1000).toFixed(1))} s`;
		const { waitedMs, rateLimited, limitMs } = this.budget;
		const said = response ? readErrorMessage(response.body) : undefined;
		// Secrets are masked before the vendor's words are cut, so a cut never keeps part of one.
		const vendorMessage =
			said === undefined ? undefined : cut(this.redact(said), MAX_VENDOR_MESSAGE_LENGTH);
		const message = this.redact(
			`${this.api.displayName} is rate limiting: this item waited ${seconds(waitedMs)} and met ${rateLimited} × 429; ` +
				`a further pause of ${seconds(askedMs)} would pass its wait budget of ${seconds(limitMs)}${vendorMessage ? ` (${vendorMessage})` : ''}`,
		);
		const description = `${response ? 'The vendor refused the request' : 'The request was not sent'}, so this item created nothing. Lower "Max Requests" or raise "Max Wait on Rate Limits" in the node options, or run later. (${request.method} ${request.path})`;
		return vendorError(this.ctx, response ? this.redactedBody(response.body) : { message }, {
			message,
			description: this.redact(description),
			httpCode: '429',
		});
	}

	private async send(request: ApiRequest): Promise<FullResponse> {
		const timeoutMs = this.api.requestTimeoutMs ?? REQUEST_TIMEOUT_MS;
		const deadline = AbortSignal.timeout(timeoutMs);
		const options: IHttpRequestOptions = {
			method: request.method,
			url: `${this.baseUrl}${request.path}`,
			qs: request.qs,
			// A list in the query goes as `key[]=a&key[]=b`, as the vendors document list filters.
			arrayFormat: 'brackets',
			body: request.body,
			json: true,
			headers: { 'User-Agent': USER_AGENT },
			// Idle limit as a fallback; the deadline below bounds the whole exchange.
			timeout: timeoutMs,
			returnFullResponse: true,
			ignoreHttpStatusErrors: true,
			// A redirect would carry the credential (and a create's body) to wherever the
			// Location points; none of the vendors documents one, so a 3xx is reported instead.
			disableFollowRedirect: true,
		};
		try {
			return (await this.ctx.helpers.httpRequestWithAuthentication.call(
				withCancelSignal(this.ctx, deadline),
				this.api.credentialType,
				options,
			)) as FullResponse;
		} catch (error) {
			throw this.connectionError(error, request, deadline.aborted ? timeoutMs : undefined);
		}
	}

	/** A 2xx that is not the expected answer: success is not proven, so the item fails. */
	private notTheAnswerError(
		response: FullResponse,
		request: ApiRequest,
		unexpected: string,
	): NodeApiError {
		const { displayName } = this.api;
		// Redacted before it is cut, so no part of a credential value can survive the cut.
		const shown = cut(this.redact(unexpected), 160);
		const advice =
			request.method === 'GET'
				? `${displayName} or something in front of it (a proxy, a maintenance page) answered instead of the API. Check the Base URL in the credential and try again later.`
				: `The request reached something that answered with success but not as ${displayName} documents, so it is unknown whether it took effect. It was not sent again; check in ${displayName} before running this item again.`;
		const error = this.apiError(response, request, {
			message: `${displayName} answered ${response.statusCode} but not with ${request.expect?.what ?? 'JSON'} (${shown})`,
			advice,
		});
		return markAnswerLost(error, request, true);
	}

	/**
	 * A request that got no HTTP answer. Built fresh, so no request option (the headers carry
	 * the key) travels along, and worded for what it means to the data: whether the request
	 * may have taken effect, and that it was not sent again.
	 */
	private connectionError(
		error: unknown,
		request: ApiRequest,
		timedOutAfterMs: number | undefined,
	): NodeApiError {
		const vendor = this.api.displayName;
		const { code, reason } = lowLevelError(error);
		const where = `${request.method} ${request.path}`;
		const mayHaveTakenEffect = request.method !== 'GET';
		const checkFirst = `It was not sent again: check in ${vendor} whether it took effect before running this item again.`;
		const checkSetup = `Check that ${vendor} is up and the Base URL in the credential (${displayUrl(this.baseUrl)}) is right, then run again.`;
		let message: string;
		let description: string;
		if (timedOutAfterMs !== undefined || code === 'ECONNABORTED' || code === 'ETIMEDOUT') {
			const limitMs = timedOutAfterMs ?? this.api.requestTimeoutMs ?? REQUEST_TIMEOUT_MS;
			message = `${vendor} sent no complete answer within ${formatSeconds(limitMs)}, so the node stopped waiting`;
			description = mayHaveTakenEffect
				? `${where} may have been stored by ${vendor}. ${checkFirst}`
				: `${where} changes nothing. ${checkSetup}`;
		} else if (
			code === 'ECONNREFUSED' ||
			code === 'ENOTFOUND' ||
			code === 'EAI_AGAIN' ||
			code === 'EHOSTUNREACH'
		) {
			message = `${vendor} could not be reached at ${displayUrl(this.baseUrl)}: ${reason}`;
			description = `No connection was made, so nothing was sent. ${checkSetup}`;
		} else if (code === 'ERR_CANCELED') {
			message = `The request to ${vendor} was cancelled with the run`;
			description = mayHaveTakenEffect
				? `${where} may have been stored by ${vendor}. ${checkFirst}`
				: `${where} changes nothing.`;
		} else if (code === 'ECONNRESET' || code === 'EPIPE' || /socket hang up/i.test(reason)) {
			message = `${vendor} closed the connection before answering`;
			description = mayHaveTakenEffect
				? `${where} may have been stored by ${vendor}. ${checkFirst}`
				: `${where} changes nothing. ${checkSetup}`;
		} else {
			message = `${vendor} could not be reached: ${reason}`;
			description = mayHaveTakenEffect
				? `${where} got no answer, so it may have been stored by ${vendor}. ${checkFirst}`
				: checkSetup;
		}
		const failure = vendorError(
			this.ctx,
			{ message: this.redact(reason) },
			{ message: this.redact(message), description: this.redact(description) },
		);
		// Refused or unresolved connections never reached the vendor.
		const reached = !['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH'].includes(
			code ?? '',
		);
		return markAnswerLost(failure, request, reached);
	}

	private apiError(
		response: FullResponse,
		request: ApiRequest,
		override: { message?: string; vendorMessage?: string; advice?: string } = {},
	): NodeApiError {
		const status = response.statusCode;
		if (status >= 300 && status < 400) return this.redirectError(response, request);
		// A vendor that reports failures in the body knows best how to read them, whatever the status.
		let vendorMessage =
			override.vendorMessage ??
			this.api.failureInBody?.(response.body) ??
			readErrorMessage(response.body);
		// Secrets are masked before the vendor's words are cut, so a cut never keeps part of one.
		if (vendorMessage !== undefined)
			vendorMessage = cut(this.redact(vendorMessage), MAX_VENDOR_MESSAGE_LENGTH);
		if (status === 429 && this.api.quotaExceededMessage) {
			vendorMessage = `${this.api.quotaExceededMessage}${vendorMessage ? ` (${vendorMessage})` : ''}`;
		}
		const message =
			override.message ??
			`${this.api.displayName} answered ${status}: ${vendorMessage ?? 'no error message given'}`;
		const advice =
			override.advice ??
			(status === 429 && this.api.quotaExceededMessage
				? 'A usage quota is used up: waiting will not help, so the request was not sent again.'
				: describeStatus(status));
		const error = vendorError(this.ctx, this.redactedBody(response.body), {
			message: this.redact(message),
			description: this.redact(`${advice} (${request.method} ${request.path})`),
			httpCode: String(status),
		});
		return markAnswerLost(error, request, status >= 500);
	}

	/** A 3xx: the vendor's API answered with a redirect, which the node never follows. */
	private redirectError(response: FullResponse, request: ApiRequest): NodeApiError {
		const vendor = this.api.displayName;
		const status = response.statusCode;
		const location = headerText(response.headers, 'location');
		const target =
			location === undefined
				? undefined
				: displayUrl(resolveUrl(location, `${this.baseUrl}${request.path}`));
		const message = `${vendor} answered ${status}, a redirect${target ? ` to ${target}` : ''}, which the node does not follow`;
		const effect =
			status === 303 && request.method !== 'GET'
				? `A 303 can mean ${vendor} handled the request before redirecting: check in ${vendor} before running this item again.`
				: 'Nothing was sent to the new address.';
		const description =
			`Redirects are not followed, so the credential and the data never leave the address you set. ${effect} ` +
			`Check the Base URL in the credential (${displayUrl(this.baseUrl)}): it must be ${vendor}'s API address itself; if ${vendor} has moved its API, enter the new address there. (${request.method} ${request.path})`;
		return vendorError(this.ctx, this.redactedBody(response.body), {
			message: this.redact(message),
			description: this.redact(description),
			httpCode: String(status),
		});
	}

	private redactedBody(body: unknown): JsonObject {
		return (body && typeof body === 'object' ? this.redactor.redactDeep(body) : {}) as JsonObject;
	}

	/** Masks any credential value (or a part of one) that a vendor or a library echoed back. */
	private redact(text: string): string {
		return this.redactor.redact(text);
	}
}

/**
 * n8n gives a request the run's cancel signal, overwriting the request's own. This context
 * hands it a signal that also fires at the deadline, so the deadline aborts the request
 * (body included) and cancelling the run still does.
 */
function withCancelSignal(ctx: RequestContext, deadline: AbortSignal): RequestContext {
	const runSignal = 'getExecutionCancelSignal' in ctx ? ctx.getExecutionCancelSignal() : undefined;
	const signal = runSignal ? AbortSignal.any([runSignal, deadline]) : deadline;
	return Object.create(ctx, {
		getExecutionCancelSignal: { value: () => signal },
	}) as RequestContext;
}

/** The code and text of the network error under n8n's wrapping (n8n rewrites the message). */
function lowLevelError(error: unknown): { code?: string; reason: string } {
	const chain: Array<Record<string, unknown>> = [];
	for (
		let current = error, depth = 0;
		current && typeof current === 'object' && depth < 5;
		depth++
	) {
		chain.push(current as Record<string, unknown>);
		current = (current as { cause?: unknown }).cause;
	}
	const code = chain
		.map((entry) => entry.code)
		.find((value): value is string => typeof value === 'string');
	const innermost = chain[chain.length - 1];
	const reason = String(innermost?.message ?? error ?? 'unknown error');
	return { code, reason };
}

/** A Location as an absolute URL (it may be relative to the request's). */
function resolveUrl(location: string, base: string): string {
	try {
		return new URL(location, base).toString();
	} catch {
		return location;
	}
}

function headerText(headers: Record<string, unknown>, name: string): string | undefined {
	const value = headers?.[name] ?? headers?.[name.toLowerCase()];
	const text = Array.isArray(value) ? value[0] : value;
	return typeof text === 'string' && text.trim() !== '' ? text.trim() : undefined;
}

function formatSeconds(ms: number): string {
	return `${Math.round((ms / 1000) * 10) / 10} s`;
}

/**
 * A NodeApiError that keeps the message given. n8n replaces a message that contains an error
 * code it knows (ECONNRESET, EPERM, …) with its own generic text, which can say the opposite
 * of what happened ("you can retry the request immediately").
 */
function vendorError(
	ctx: RequestContext,
	body: JsonObject,
	details: { message: string; description: string; httpCode?: string },
): NodeApiError {
	const error = new NodeApiError(ctx.getNode(), body, details);
	error.message = details.message;
	error.description = details.description;
	return error;
}
