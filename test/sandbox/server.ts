/**
 * The sandbox: one local HTTP server (127.0.0.1 only) that plays every vendor API as its
 * documents describe, under a path prefix per vendor (`/salescaptain/v1/...`). It records
 * what it receives, can inject faults, latency and rate limits, and exposes control
 * endpoints under `/__sandbox/` for tests that run it in another process.
 */
import { randomUUID } from 'node:crypto';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import { createServer } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

export interface SandboxRequest {
	vendor: string;
	method: string;
	/** Path below the vendor prefix, e.g. `/v1/create-contact`. */
	path: string;
	query: Record<string, string>;
	/** The query string as sent (`a=1&tags[]=x&tags[]=y`), for keys given more than once. */
	rawQuery: string;
	headers: Record<string, string | undefined>;
	/** Parsed JSON body; `rawBody` when it was not JSON. */
	body: unknown;
	rawBody: string;
	at: number;
}

export interface SandboxResponse {
	status: number;
	body?: unknown;
	headers?: Record<string, string>;
}

/** One vendor's behaviour. `handle` gets the request and the vendor's own state. */
export interface SandboxVendor<State = unknown> {
	/** Path prefix, e.g. `salescaptain`. */
	name: string;
	createState(): State;
	handle(request: SandboxRequest, state: State): SandboxResponse;
	/** Stops what a state left running (timers): called on reset and close. */
	disposeState?(state: State): void;
	/** The vendor's 429 answer when a configured rate limit is exceeded. */
	rateLimited?(request: SandboxRequest, limit: RateLimitState): SandboxResponse;
	/** Headers the vendor adds to every answer while a rate limit is configured. */
	rateLimitHeaders?(limit: RateLimitState): Record<string, string>;
}

export interface RateLimitConfig {
	limit: number;
	windowMs: number;
}

export interface RateLimitState extends RateLimitConfig {
	/** Epoch ms at which the current fixed window ends. */
	windowEnd: number;
	used: number;
}

/** A fault injected on matching requests, `times` times (default once). */
export interface Fault {
	vendor?: string;
	method?: string;
	/** Prefix of the vendor path, e.g. `/v1/create-contact`. */
	path?: string;
	status?: number;
	body?: unknown;
	/** Sent as is, not as JSON (e.g. an HTML error page). */
	rawBody?: string;
	headers?: Record<string, string>;
	/** Wait before answering (or before dropping). */
	delayMs?: number;
	/** Destroy the connection without an answer. */
	drop?: boolean;
	/** Let the request through to the vendor after the delay (a slow but good answer). */
	passThrough?: boolean;
	/** Send the status and headers at once, then the body in ten pieces spread over this long. */
	trickleMs?: number;
	times?: number;
}

/**
 * 2xx answers that are not what any vendor documents, as a proxy, a CDN or a maintenance
 * window serves them: inject one with `addFault({ path, ...notTheAnswer[kind] })`.
 */
export const MAINTENANCE_PAGE =
	'<!DOCTYPE html><html><head><title>Down for maintenance</title><style>body { font: 14px sans-serif; }</style></head>' +
	'<body><h1>Down for maintenance</h1><p>We will be back soon.</p></body></html>';

export const notTheAnswer = {
	html: { status: 200, rawBody: MAINTENANCE_PAGE },
	empty: { status: 200 },
} satisfies Record<string, Fault>;

export interface SandboxStats {
	requests: number;
	inFlight: number;
	peakInFlight: number;
	rateLimited: number;
}

export const CONTROL_PREFIX = '/__sandbox';

/** The control endpoints `control` serves, as the root page lists them. */
const CONTROL_ENDPOINTS = [
	'POST /reset',
	'POST /faults',
	'POST /latency',
	'POST /rate-limit',
	'GET /requests?vendor=<name>',
	'GET /stats',
	'GET /state/<vendor>',
];

export class Sandbox {
	private server: Server | undefined;

	private readonly vendors = new Map<string, SandboxVendor<unknown>>();

	private readonly states = new Map<string, unknown>();

	private readonly limits = new Map<string, RateLimitState>();

	private faults: Fault[] = [];

	private recorded: SandboxRequest[] = [];

	private latencyMs = 0;

	private readonly sockets = new Set<Socket>();

	readonly stats: SandboxStats = { requests: 0, inFlight: 0, peakInFlight: 0, rateLimited: 0 };

	constructor(vendors: Array<SandboxVendor<any>>) {
		for (const vendor of vendors) this.vendors.set(vendor.name, vendor);
		this.reset();
	}

	async start(port = 0): Promise<string> {
		this.server = createServer((req, res) => void this.dispatch(req, res));
		this.server.keepAliveTimeout = 30_000;
		this.server.on('connection', (socket) => {
			this.sockets.add(socket);
			socket.on('close', () => this.sockets.delete(socket));
		});
		await new Promise<void>((resolve) => this.server!.listen(port, '127.0.0.1', resolve));
		return this.url;
	}

	get url(): string {
		const address = this.server?.address() as AddressInfo | null;
		if (!address) throw new Error('Sandbox is not started');
		return `http://127.0.0.1:${address.port}`;
	}

	/** The base URL a credential uses for this vendor. */
	baseUrl(vendor: string): string {
		return `${this.url}/${vendor}`;
	}

	async close(): Promise<void> {
		this.disposeStates();
		for (const socket of this.sockets) socket.destroy();
		await new Promise<void>((resolve) =>
			this.server ? this.server.close(() => resolve()) : resolve(),
		);
		this.server = undefined;
	}

	/** Fresh seed data, no faults, no limits, no latency, nothing recorded. */
	reset(): void {
		this.disposeStates();
		for (const [name, vendor] of this.vendors) this.states.set(name, vendor.createState());
		this.faults = [];
		this.recorded = [];
		this.limits.clear();
		this.latencyMs = 0;
		Object.assign(this.stats, { requests: 0, inFlight: 0, peakInFlight: 0, rateLimited: 0 });
	}

	private disposeStates(): void {
		for (const [name, vendor] of this.vendors) {
			const state = this.states.get(name);
			if (state !== undefined) vendor.disposeState?.(state);
		}
	}

	state<State>(vendor: string): State {
		return this.states.get(vendor) as State;
	}

	/** Requests received, optionally of one vendor, in arrival order. */
	requests(vendor?: string): SandboxRequest[] {
		return vendor
			? this.recorded.filter((request) => request.vendor === vendor)
			: [...this.recorded];
	}

	addFault(fault: Fault): void {
		this.faults.push({ times: 1, ...fault });
	}

	setLatency(ms: number): void {
		this.latencyMs = ms;
	}

	setRateLimit(vendor: string, config: RateLimitConfig | undefined): void {
		if (!config) this.limits.delete(vendor);
		else this.limits.set(vendor, { ...config, windowEnd: 0, used: 0 });
	}

	private async dispatch(req: IncomingMessage, res: ServerResponse): Promise<void> {
		const rawBody = await readBody(req);
		const url = new URL(req.url ?? '/', 'http://sandbox');
		if (url.pathname.startsWith(CONTROL_PREFIX)) {
			this.control(req.method ?? 'GET', url, rawBody, res);
			return;
		}
		if (url.pathname === '/') {
			send(res, { status: 200, body: this.index() });
			return;
		}
		const [, vendorName, ...rest] = url.pathname.split('/');
		const vendor = this.vendors.get(vendorName);
		if (!vendor) {
			send(res, { status: 404, body: { error: `No sandbox vendor "${vendorName}"` } });
			return;
		}
		const request: SandboxRequest = {
			vendor: vendorName,
			method: req.method ?? 'GET',
			path: `/${rest.join('/')}`,
			query: Object.fromEntries(url.searchParams),
			rawQuery: url.search.replace(/^\?/, ''),
			headers: req.headers as Record<string, string | undefined>,
			body: parseJson(rawBody),
			rawBody,
			at: Date.now(),
		};
		this.recorded.push(request);
		this.stats.requests++;
		this.stats.inFlight++;
		this.stats.peakInFlight = Math.max(this.stats.peakInFlight, this.stats.inFlight);
		try {
			const fault = this.takeFault(request);
			const delay = (fault?.delayMs ?? 0) + this.latencyMs;
			if (delay > 0) await new Promise((resolve) => setTimeout(resolve, delay));
			if (fault?.drop) {
				req.socket.destroy();
				return;
			}
			if (fault && !fault.passThrough) {
				if (fault.trickleMs !== undefined) {
					await trickle(res, fault);
				} else if (fault.rawBody !== undefined) {
					res.writeHead(fault.status ?? 500, { 'Content-Type': 'text/html', ...fault.headers });
					res.end(fault.rawBody);
				} else {
					send(res, { status: fault.status ?? 500, body: fault.body, headers: fault.headers });
				}
				return;
			}
			send(res, this.answer(vendor, request));
		} finally {
			this.stats.inFlight--;
		}
	}

	private answer(vendor: SandboxVendor<unknown>, request: SandboxRequest): SandboxResponse {
		const limit = this.limits.get(vendor.name);
		if (!limit) return vendor.handle(request, this.states.get(vendor.name));
		const now = Date.now();
		if (now >= limit.windowEnd) {
			// Fixed windows aligned to the window length, as most rate limiters count.
			limit.windowEnd = Math.floor(now / limit.windowMs) * limit.windowMs + limit.windowMs;
			limit.used = 0;
		}
		if (limit.used >= limit.limit) {
			this.stats.rateLimited++;
			const refused = vendor.rateLimited?.(request, limit) ?? {
				status: 429,
				body: { error: 'Too many requests' },
			};
			return { ...refused, headers: { ...vendor.rateLimitHeaders?.(limit), ...refused.headers } };
		}
		limit.used++;
		const response = vendor.handle(request, this.states.get(vendor.name));
		return { ...response, headers: { ...vendor.rateLimitHeaders?.(limit), ...response.headers } };
	}

	private takeFault(request: SandboxRequest): Fault | undefined {
		const fault = this.faults.find(
			(candidate) =>
				(candidate.vendor === undefined || candidate.vendor === request.vendor) &&
				(candidate.method === undefined || candidate.method === request.method) &&
				(candidate.path === undefined || request.path.startsWith(candidate.path)),
		);
		if (!fault) return undefined;
		fault.times = (fault.times ?? 1) - 1;
		if (fault.times <= 0) this.faults.splice(this.faults.indexOf(fault), 1);
		return fault;
	}

	/** What the root URL answers: someone who opens it learns what to point a credential at. */
	private index(): Record<string, unknown> {
		return {
			sandbox:
				"Local fake vendor APIs that follow the vendors' documents; use a base URL below as the credential's Base URL.",
			vendors: Object.fromEntries(
				[...this.vendors.keys()].map((name) => [name, this.baseUrl(name)]),
			),
			control: CONTROL_ENDPOINTS.map(
				(endpoint) => `${endpoint.replace(' /', ` ${this.url}${CONTROL_PREFIX}/`)}`,
			),
		};
	}

	/** Control endpoints for a sandbox running in another process. */
	private control(method: string, url: URL, rawBody: string, res: ServerResponse): void {
		const action = url.pathname.slice(CONTROL_PREFIX.length);
		const body = (parseJson(rawBody) ?? {}) as Record<string, any>;
		if (method === 'POST' && action === '/reset') this.reset();
		else if (method === 'POST' && action === '/faults') this.addFault(body as Fault);
		else if (method === 'POST' && action === '/latency') this.setLatency(Number(body.ms) || 0);
		else if (method === 'POST' && action === '/rate-limit')
			this.setRateLimit(
				String(body.vendor),
				body.limit ? (body as unknown as RateLimitConfig) : undefined,
			);
		else if (method === 'GET' && action === '/requests') {
			send(res, { status: 200, body: this.requests(url.searchParams.get('vendor') ?? undefined) });
			return;
		} else if (method === 'GET' && action === '/stats') {
			send(res, { status: 200, body: this.stats });
			return;
		} else if (method === 'GET' && action.startsWith('/state/')) {
			send(res, { status: 200, body: this.state(action.slice('/state/'.length)) });
			return;
		} else {
			send(res, { status: 404, body: { error: `Unknown sandbox control ${method} ${action}` } });
			return;
		}
		send(res, { status: 200, body: { ok: true } });
	}
}

/** A fault's answer written slowly: headers first, then the body piece by piece. */
async function trickle(res: ServerResponse, fault: Fault): Promise<void> {
	const text = fault.rawBody ?? JSON.stringify(fault.body ?? {});
	const contentType = fault.rawBody !== undefined ? 'text/html' : 'application/json';
	res.writeHead(fault.status ?? 200, {
		'Content-Type': contentType,
		'Content-Length': String(Buffer.byteLength(text)),
		...fault.headers,
	});
	const pieces = 10;
	const size = Math.ceil(text.length / pieces);
	for (let piece = 0; piece < pieces && !res.destroyed; piece++) {
		res.write(text.slice(piece * size, (piece + 1) * size));
		await new Promise((resolve) => setTimeout(resolve, (fault.trickleMs ?? 0) / pieces));
	}
	if (!res.destroyed) res.end();
}

function readBody(req: IncomingMessage): Promise<string> {
	return new Promise((resolve, reject) => {
		const chunks: Buffer[] = [];
		req.on('data', (chunk: Buffer) => chunks.push(chunk));
		req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
		req.on('error', reject);
	});
}

function parseJson(text: string): unknown {
	if (text === '') return undefined;
	try {
		return JSON.parse(text);
	} catch {
		return undefined;
	}
}

function send(res: ServerResponse, response: SandboxResponse): void {
	const headers: Record<string, string> = { ...response.headers };
	if (response.body === undefined) {
		res.writeHead(response.status, headers);
		res.end();
		return;
	}
	res.writeHead(response.status, { 'Content-Type': 'application/json', ...headers });
	res.end(JSON.stringify(response.body));
}

/** Helpers vendor modules share. */
export const ids = { uuid: () => randomUUID() };

export function isUuid(value: unknown): boolean {
	return (
		typeof value === 'string' &&
		/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(value)
	);
}

export function isEmail(value: unknown): boolean {
	return typeof value === 'string' && /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(value);
}

export function isE164(value: unknown): boolean {
	return typeof value === 'string' && /^\+[1-9]\d{6,14}$/.test(value);
}

/** Reads `Authorization: Bearer <token>` or a named header. */
export function header(request: SandboxRequest, name: string): string | undefined {
	const value = request.headers[name.toLowerCase()];
	return Array.isArray(value) ? value[0] : value;
}
