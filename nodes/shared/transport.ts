import type {
	IDataObject,
	IExecuteFunctions,
	IHttpRequestMethods,
	IHttpRequestOptions,
	ILoadOptionsFunctions,
	JsonObject,
} from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import type { Pacing, Start } from './pacing';
import { accountKey, accountPaces, DEFAULT_WAIT_BUDGET_MS, MAX_CONCURRENCY, PacingCancelled, WaitBudget, WaitBudgetExceeded } from './pacing';

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
}

export interface ApiRequest {
	method: IHttpRequestMethods;
	/** Path below the credential's base URL, starting with `/`. */
	path: string;
	qs?: IDataObject;
	body?: IDataObject;
}

export type RequestContext = IExecuteFunctions | ILoadOptionsFunctions;

export const USER_AGENT = 'n8n-nodes-crm-contacts (n8n community node)';
const REQUEST_TIMEOUT_MS = 60_000;

interface FullResponse {
	body: unknown;
	headers: Record<string, unknown>;
	statusCode: number;
}

export function trimTrailingSlash(url: string): string {
	return url.trim().replace(/\/+$/, '');
}

const MESSAGE_KEYS = ['error', 'message', 'detail', 'details', 'errors', 'msg'];

/** The vendor's own words from an error body, whatever shape the vendor uses. */
export function readErrorMessage(body: unknown): string | undefined {
	if (typeof body === 'string') {
		const text = body.replace(/<[^>]*>/g, ' ').replace(/\s+/g, ' ').trim();
		return text === '' ? undefined : text.slice(0, 300);
	}
	if (!body || typeof body !== 'object') return undefined;
	const record = body as Record<string, unknown>;
	// `{statusCode, message, error}` (NestJS and alike): `error` is only the status's reason
	// phrase ("Conflict"), `message` the vendor's own words, so it is read first.
	const keys = record.statusCode !== undefined && record.message !== undefined ? ['message', ...MESSAGE_KEYS] : MESSAGE_KEYS;
	for (const key of keys) {
		const value = record[key];
		if (typeof value === 'string' && value.trim() !== '') return value.trim();
		if (Array.isArray(value) && value.length > 0) {
			const parts = value.map((entry) => readErrorMessage(entry) ?? (typeof entry === 'string' ? entry : undefined));
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
		const texts = value.filter((entry): entry is string => typeof entry === 'string' && entry.trim() !== '');
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

function describeStatus(status: number): string {
	if (status === 400) return 'The vendor rejected the data sent. Check the fields named in the message.';
	if (status === 401 || status === 403) {
		return 'Check the API key in the credential and that it has access to this resource.';
	}
	if (status === 404) return 'Something this request refers to does not exist. Check the IDs given.';
	if (status === 409) return 'A record with these details already exists. Set "If Contact Exists" to "Return Existing" to output it instead.';
	if (status === 429) return 'The vendor is limiting requests. Lower "Max Requests" in the node options, or run again later.';
	if (status >= 500) return 'The vendor failed to handle the request. It was not sent again, so nothing is created twice.';
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
		private readonly secrets: string[],
		private readonly account: string,
		private readonly pacing: Pacing,
		private readonly budget: WaitBudget,
	) {}

	static async create(ctx: RequestContext, api: VendorApi, pacing: Pacing = { concurrency: 1 }): Promise<ApiClient> {
		const credentials = await ctx.getCredentials(api.credentialType);
		const baseUrl = trimTrailingSlash(String(credentials.baseUrl ?? ''));
		const secrets = Object.entries(credentials)
			.filter(([key, value]) => key !== 'baseUrl' && typeof value === 'string' && value.length >= 4)
			.map(([, value]) => value as string);
		const bounded = { ...pacing, concurrency: Math.min(Math.max(1, pacing.concurrency), MAX_CONCURRENCY) };
		const budget = new WaitBudget(pacing.waitBudgetMs ?? DEFAULT_WAIT_BUDGET_MS);
		return new ApiClient(ctx, api, baseUrl, secrets, accountKey(api.credentialType, credentials), bounded, budget);
	}

	/** The same client with a wait budget of its own: one per item. */
	forItem(): ApiClient {
		return new ApiClient(this.ctx, this.api, this.baseUrl, this.secrets, this.account, this.pacing, new WaitBudget(this.budget.limitMs));
	}

	/**
	 * Sends one request and returns the parsed body. A rate-limit 429 is waited out and sent
	 * again (the request was refused, so nothing was created) while the item's wait budget
	 * lasts; any other failure, a 5xx, a quota 429 or a dropped connection included, is thrown
	 * at once and never repeated.
	 */
	async request<T = unknown>(request: ApiRequest): Promise<T> {
		const signal = 'getExecutionCancelSignal' in this.ctx ? this.ctx.getExecutionCancelSignal() : undefined;
		for (;;) {
			// Looked up on every try: the registry may have forgotten an idle account meanwhile.
			const pace = accountPaces.get(this.account);
			let start: Start;
			try {
				start = await pace.acquire({ ...this.pacing, budget: this.budget, signal });
			} catch (error) {
				if (error instanceof WaitBudgetExceeded) throw this.rateLimitError(request, error.askedMs);
				const cancelled = error instanceof PacingCancelled;
				throw new NodeOperationError(this.ctx.getNode(), cancelled ? `The execution was cancelled before ${request.method} ${request.path} was sent to ${this.api.displayName}` : (error as Error));
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
				if (!this.budget.charge(resume, now)) throw this.rateLimitError(request, resume - now, response);
				continue;
			}
			if (response.statusCode >= 200 && response.statusCode < 300) {
				const failure = this.api.failureInBody?.(response.body);
				if (failure !== undefined) throw this.apiError(response, request, { vendorMessage: failure });
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
	private rateLimitError(request: ApiRequest, askedMs: number, response?: FullResponse): NodeApiError {
		const seconds = (ms: number) => `${Number((ms / 1000).toFixed(1))} s`;
		const { waitedMs, rateLimited, limitMs } = this.budget;
		const vendorMessage = response ? readErrorMessage(response.body) : undefined;
		const message = this.redact(
			`${this.api.displayName} is rate limiting: this item waited ${seconds(waitedMs)} and met ${rateLimited} × 429; ` +
				`a further pause of ${seconds(askedMs)} would pass its wait budget of ${seconds(limitMs)}${vendorMessage ? ` (${vendorMessage})` : ''}`,
		);
		return new NodeApiError(this.ctx.getNode(), { message } as JsonObject, {
			message,
			description: `${response ? 'The vendor refused the request' : 'The request was not sent'}, so this item created nothing. Lower "Max Requests" or raise "Max Wait on Rate Limits" in the node options, or run later. (${request.method} ${request.path})`,
			httpCode: '429',
		});
	}

	private async send(request: ApiRequest): Promise<FullResponse> {
		const options: IHttpRequestOptions = {
			method: request.method,
			url: `${this.baseUrl}${request.path}`,
			qs: request.qs,
			body: request.body,
			json: true,
			headers: { 'User-Agent': USER_AGENT },
			timeout: REQUEST_TIMEOUT_MS,
			returnFullResponse: true,
			ignoreHttpStatusErrors: true,
		};
		try {
			return (await this.ctx.helpers.httpRequestWithAuthentication.call(
				this.ctx,
				this.api.credentialType,
				options,
			)) as FullResponse;
		} catch (error) {
			// No HTTP status: the connection failed or timed out. Build a fresh error so no
			// request option (headers carry the key) travels along.
			const reason = this.redact(String((error as Error).message ?? error));
			const mayHaveCreated = request.method !== 'GET';
			throw new NodeApiError(this.ctx.getNode(), { message: reason } as JsonObject, {
				message: `${this.api.displayName} could not be reached: ${reason}`,
				description: mayHaveCreated
					? `${request.method} ${request.path} got no answer, so it is unknown whether it took effect. It was not sent again; check in ${this.api.displayName} before running this item again.`
					: `Check the Base URL in the credential (${this.baseUrl}) and that ${this.api.displayName} is up.`,
			});
		}
	}

	private apiError(
		response: FullResponse,
		request: ApiRequest,
		override: { message?: string; vendorMessage?: string } = {},
	): NodeApiError {
		const status = response.statusCode;
		// A vendor that reports failures in the body knows best how to read them, whatever the status.
		let vendorMessage = override.vendorMessage ?? this.api.failureInBody?.(response.body) ?? readErrorMessage(response.body);
		if (status === 429 && this.api.quotaExceededMessage) {
			vendorMessage = `${this.api.quotaExceededMessage}${vendorMessage ? ` (${vendorMessage})` : ''}`;
		}
		const message = this.redact(
			override.message ?? `${this.api.displayName} answered ${status}: ${vendorMessage ?? 'no error message given'}`,
		);
		const body = response.body && typeof response.body === 'object' ? (response.body as JsonObject) : {};
		const advice =
			status === 429 && this.api.quotaExceededMessage
				? 'A usage quota is used up: waiting will not help, so the request was not sent again.'
				: describeStatus(status);
		return new NodeApiError(this.ctx.getNode(), JSON.parse(this.redact(JSON.stringify(body))) as JsonObject, {
			message,
			description: `${advice} (${request.method} ${request.path})`,
			httpCode: String(status),
		});
	}

	/** Replaces any credential value that a vendor echoed back. */
	private redact(text: string): string {
		return this.secrets.reduce((result, secret) => result.split(secret).join('***'), text);
	}
}

