/**
 * Keeps credential values out of everything a node shows: error messages, descriptions and
 * the vendor bodies attached to errors. Pure functions; the transport applies them before
 * any text is cut, so a cut can never leave the start of a secret behind.
 */

/** A run of this many characters copied from a credential value counts as a leak and is masked. */
export const LEAK_LENGTH = 6;
/** Credential values shorter than this are not treated as secrets (an empty field, a placeholder). */
const MIN_SECRET_LENGTH = 4;
const MASK = '***';
/** Vendor bodies are not nested deeper than this; anything below is dropped rather than walked. */
const MAX_DEPTH = 20;

/** The user name and password a URL carries (`https://user:pass@host`), decoded. */
function userInfo(url: string): { username: string; password: string } | undefined {
	try {
		const parsed = new URL(url);
		if (!parsed.username && !parsed.password) return undefined;
		const decode = (text: string) => {
			try {
				return decodeURIComponent(text);
			} catch {
				return text;
			}
		};
		return { username: decode(parsed.username), password: decode(parsed.password) };
	} catch {
		return undefined;
	}
}

/**
 * The secrets of a decrypted credential: every text value except the Base URL, plus the user
 * and password a Base URL may carry and the Basic authorization they are sent as.
 */
export function secretsOf(credentials: Record<string, unknown>): string[] {
	const secrets = Object.entries(credentials)
		.filter(([key, value]) => key !== 'baseUrl' && typeof value === 'string')
		.map(([, value]) => value as string);
	const info = userInfo(String(credentials.baseUrl ?? ''));
	if (info) {
		secrets.push(
			info.username,
			info.password,
			Buffer.from(`${info.username}:${info.password}`, 'utf8').toString('base64'),
		);
	}
	return [...new Set(secrets.map((secret) => secret.trim()))].filter(
		(secret) => secret.length >= MIN_SECRET_LENGTH,
	);
}

/**
 * The forms in which a credential value can come back: as sent (raw), URL-encoded (in
 * either hex case, as a query or form value, as axios writes query strings) and JSON-escaped.
 */
export function secretForms(secret: string): string[] {
	const uri = encodeURIComponent(secret);
	const forms = [
		secret,
		uri,
		uri.replace(/%[0-9A-F]{2}/g, (hex) => hex.toLowerCase()),
		new URLSearchParams({ s: secret }).toString().slice(2),
		uri
			.replace(/%3A/g, ':')
			.replace(/%24/g, '$')
			.replace(/%2C/g, ',')
			.replace(/%20/g, '+')
			.replace(/%5B/g, '[')
			.replace(/%5D/g, ']'),
		JSON.stringify(secret).slice(1, -1),
	];
	return [...new Set(forms)];
}

/**
 * A URL as it may be shown: scheme, host and path, without a `user:pass@`, query or fragment
 * (a query may carry a key). Text that is not a URL is returned without anything before an `@`.
 */
export function displayUrl(url: string): string {
	try {
		const parsed = new URL(url);
		const path = parsed.pathname === '/' && !url.endsWith('/') ? '' : parsed.pathname;
		return `${parsed.origin === 'null' ? `${parsed.protocol}//${parsed.host}` : parsed.origin}${path}`;
	} catch {
		return url.replace(/^([a-z][a-z0-9+.-]*:\/\/)?[^/@]*@/i, '$1').replace(/[?#].*$/, '');
	}
}

/** Masks every run of characters copied from a secret, in any of its forms, with `***`. */
export class Redactor {
	/** Every LEAK_LENGTH-long run of every form of every secret. */
	private readonly runs = new Set<string>();

	/** Forms too short to have such runs; masked where they appear whole. */
	private readonly shortForms: string[] = [];

	constructor(secrets: string[]) {
		for (const secret of secrets) {
			for (const form of secretForms(secret)) {
				if (form.length < LEAK_LENGTH) {
					this.shortForms.push(form);
					continue;
				}
				for (let start = 0; start + LEAK_LENGTH <= form.length; start++)
					this.runs.add(form.slice(start, start + LEAK_LENGTH));
			}
		}
	}

	redact(text: string): string {
		if (this.runs.size === 0 && this.shortForms.length === 0) return text;
		const masked = new Uint8Array(text.length);
		for (let start = 0; start + LEAK_LENGTH <= text.length; start++) {
			if (this.runs.has(text.slice(start, start + LEAK_LENGTH)))
				masked.fill(1, start, start + LEAK_LENGTH);
		}
		for (const form of this.shortForms) {
			for (let at = text.indexOf(form); at !== -1; at = text.indexOf(form, at + 1))
				masked.fill(1, at, at + form.length);
		}
		let result = '';
		for (let index = 0; index < text.length;) {
			const hidden = masked[index] === 1;
			let end = index;
			while (end < text.length && (masked[end] === 1) === hidden) end++;
			result += hidden ? MASK : text.slice(index, end);
			index = end;
		}
		return result;
	}

	/** A copy of a parsed body with every text (keys included) redacted. */
	redactDeep(value: unknown, depth = 0): unknown {
		if (typeof value === 'string') return this.redact(value);
		if (!value || typeof value !== 'object') return value;
		if (depth >= MAX_DEPTH) return undefined;
		if (Array.isArray(value)) return value.map((entry) => this.redactDeep(entry, depth + 1));
		return Object.fromEntries(
			Object.entries(value as Record<string, unknown>).map(([key, entry]) => [
				this.redact(key),
				this.redactDeep(entry, depth + 1),
			]),
		);
	}
}

/** Cuts a text that was already redacted to at most `max` characters. */
export function cut(text: string, max: number): string {
	return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}
