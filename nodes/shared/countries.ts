import type { INodePropertyOptions } from 'n8n-workflow';

/**
 * Every ISO 3166-1 alpha-2 country (the 249 officially assigned codes) with its ITU-T E.164
 * country calling code and national trunk prefix. Written from the ITU's list of assigned
 * country codes; pure data, read once when the module loads.
 *
 * Columns: ISO code, calling code (`-`: none, e.g. uninhabited territories), trunk prefix
 * (`-`: none, or kept in the international form as in Italy; alternatives split by `/`,
 * longest first), national significant number lengths (`min-max` or one length; `-`: not
 * checked). Lengths are given only where the plan is uniform or a trunk prefix that is not
 * 0 makes them needed to tell the trunk prefix from the number (Russia's 8 vs. its area
 * code 812).
 */
const TABLE = `
AD 376 - -|AE 971 0 -|AF 93 0 -|AG 1 1 10|AI 1 1 10|AL 355 0 -|AM 374 0 -|AO 244 - -|AQ - - -|AR 54 0 10-11
AS 1 1 10|AT 43 0 -|AU 61 0 -|AW 297 - -|AX 358 0 -|AZ 994 0 -|BA 387 0 -|BB 1 1 10|BD 880 0 -|BE 32 0 8-9
BF 226 - -|BG 359 0 -|BH 973 - -|BI 257 - -|BJ 229 - -|BL 590 0 -|BM 1 1 10|BN 673 - -|BO 591 0 -|BQ 599 - -
BR 55 0 -|BS 1 1 10|BT 975 - -|BV - - -|BW 267 - -|BY 375 80/8/0 9|BZ 501 - -|CA 1 1 10|CC 61 0 -|CD 243 0 -
CF 236 - -|CG 242 - -|CH 41 0 -|CI 225 - -|CK 682 - -|CL 56 - -|CM 237 - -|CN 86 0 -|CO 57 0 -|CR 506 - -
CU 53 0 -|CV 238 - -|CW 599 - -|CX 61 0 -|CY 357 - -|CZ 420 - 9|DE 49 0 -|DJ 253 - -|DK 45 - 8|DM 1 1 10
DO 1 1 10|DZ 213 0 -|EC 593 0 -|EE 372 - -|EG 20 0 -|EH 212 0 -|ER 291 0 -|ES 34 - 9|ET 251 0 -|FI 358 0 -
FJ 679 - -|FK 500 - -|FM 691 - -|FO 298 - -|FR 33 0 9|GA 241 - -|GB 44 0 7-10|GD 1 1 10|GE 995 0 -|GF 594 0 -
GG 44 0 7-10|GH 233 0 -|GI 350 - -|GL 299 - -|GM 220 - -|GN 224 - -|GP 590 0 -|GQ 240 - -|GR 30 - -|GS 500 - -
GT 502 - -|GU 1 1 10|GW 245 - -|GY 592 - -|HK 852 - -|HM - - -|HN 504 - -|HR 385 0 -|HT 509 - -|HU 36 06 8-9
ID 62 0 -|IE 353 0 -|IL 972 0 -|IM 44 0 7-10|IN 91 0 -|IO 246 - -|IQ 964 0 -|IR 98 0 -|IS 354 - -|IT 39 - 6-11
JE 44 0 7-10|JM 1 1 10|JO 962 0 -|JP 81 0 -|KE 254 0 -|KG 996 0 -|KH 855 0 -|KI 686 - -|KM 269 - -|KN 1 1 10
KP 850 0 -|KR 82 0 -|KW 965 - -|KY 1 1 10|KZ 7 8 10|LA 856 0 -|LB 961 0 -|LC 1 1 10|LI 423 - -|LK 94 0 -
LR 231 0 -|LS 266 - -|LT 370 8/0 8|LU 352 - -|LV 371 - -|LY 218 0 -|MA 212 0 -|MC 377 - -|MD 373 0 -|ME 382 0 -
MF 590 0 -|MG 261 0 -|MH 692 - -|MK 389 0 -|ML 223 - -|MM 95 0 -|MN 976 0 -|MO 853 - -|MP 1 1 10|MQ 596 0 -
MR 222 - -|MS 1 1 10|MT 356 - -|MU 230 - -|MV 960 - -|MW 265 0 -|MX 52 - 10|MY 60 0 -|MZ 258 - -|NA 264 0 -
NC 687 - -|NE 227 - -|NF 672 - -|NG 234 0 -|NI 505 - -|NL 31 0 -|NO 47 - -|NP 977 0 -|NR 674 - -|NU 683 - -
NZ 64 0 -|OM 968 - -|PA 507 - -|PE 51 0 -|PF 689 - -|PG 675 - -|PH 63 0 -|PK 92 0 -|PL 48 - 9|PM 508 0 -
PN 64 0 -|PR 1 1 10|PS 970 0 -|PT 351 - 9|PW 680 - -|PY 595 0 -|QA 974 - -|RE 262 0 -|RO 40 0 -|RS 381 0 -
RU 7 8 10|RW 250 0 -|SA 966 0 -|SB 677 - -|SC 248 - -|SD 249 0 -|SE 46 0 -|SG 65 - -|SH 290 - -|SI 386 0 -
SJ 47 - -|SK 421 0 -|SL 232 0 -|SM 378 - -|SN 221 - -|SO 252 0 -|SR 597 - -|SS 211 0 -|ST 239 - -|SV 503 - -
SX 1 1 10|SY 963 0 -|SZ 268 - -|TC 1 1 10|TD 235 - -|TF - - -|TG 228 - -|TH 66 0 -|TJ 992 8 9|TK 690 - -
TL 670 - -|TM 993 8 8|TN 216 - -|TO 676 - -|TR 90 0 -|TT 1 1 10|TV 688 - -|TW 886 0 -|TZ 255 0 -|UA 380 0 -
UG 256 0 -|UM - - -|US 1 1 10|UY 598 0 -|UZ 998 8 9|VA 39 - 6-11|VC 1 1 10|VE 58 0 -|VG 1 1 10|VI 1 1 10
VN 84 0 -|VU 678 - -|WF 681 - -|WS 685 - -|YE 967 0 -|YT 262 0 -|ZA 27 0 -|ZM 260 0 -|ZW 263 0 -
`;

/**
 * Assigned E.164 codes that belong to no ISO country: Kosovo (383) and the global services
 * (freephone 800, shared-cost 808, Inmarsat 870, satellite 881, international networks
 * 882/883, 888, premium 979).
 */
const CODES_WITHOUT_COUNTRY = ['383', '800', '808', '870', '881', '882', '883', '888', '979'];

export interface Country {
	/** ISO 3166-1 alpha-2, e.g. `DE`. */
	iso: string;
	/** E.164 country calling code without `+`, e.g. `49`; undefined where none is assigned. */
	callingCode?: string;
	/** National trunk prefixes dropped before the number goes international, longest first (`0`; `1` in NANP countries; none in Italy). */
	trunkPrefixes: string[];
	/** National significant number lengths, when checked. */
	nationalLengths?: { min: number; max: number };
}

function parseLengths(text: string): Country['nationalLengths'] {
	if (text === '-') return undefined;
	const [min, max = min] = text.split('-').map(Number);
	return { min, max };
}

export const COUNTRIES: readonly Country[] = TABLE.trim()
	.split(/[|\n]/)
	.map((row) => {
		const [iso, code, trunk, lengths] = row.trim().split(' ');
		return {
			iso,
			callingCode: code === '-' ? undefined : code,
			trunkPrefixes: trunk === '-' ? [] : trunk.split('/'),
			nationalLengths: parseLengths(lengths),
		};
	});

export const ISO_COUNTRY_CODES: readonly string[] = COUNTRIES.map((country) => country.iso);

const BY_ISO = new Map(COUNTRIES.map((country) => [country.iso, country]));

/** The country with this ISO code (upper case), if it is one. */
export function countryByIso(iso: string): Country | undefined {
	return BY_ISO.get(iso);
}

/** Calling code -> the numbering rules behind it; countries sharing a code (NANP's 1, 44, 7) share their rules. */
const BY_CALLING_CODE = new Map<string, Country | undefined>(
	CODES_WITHOUT_COUNTRY.map((code) => [code, undefined]),
);
for (const country of COUNTRIES) {
	if (country.callingCode && !BY_CALLING_CODE.get(country.callingCode))
		BY_CALLING_CODE.set(country.callingCode, country);
}

/**
 * Splits an international number (digits after `+`) into its country calling code and the
 * numbering rules behind it (`country`: one of the countries using the code; they share its
 * rules). Assigned codes are prefix-free (1 to 3 digits), so at most one matches.
 */
export function splitCallingCode(digits: string): { code: string; country?: Country } | undefined {
	for (let length = 1; length <= 3; length++) {
		const code = digits.slice(0, length);
		if (BY_CALLING_CODE.has(code)) return { code, country: BY_CALLING_CODE.get(code) };
	}
	return undefined;
}

/** English country name for a code, from the runtime's Intl data; the code itself if none. */
function countryNames(): (iso: string) => string {
	const names =
		typeof Intl.DisplayNames === 'function'
			? new Intl.DisplayNames(['en'], { type: 'region', fallback: 'none' })
			: undefined;
	return (iso) => names?.of(iso) ?? iso;
}

function byName(a: INodePropertyOptions, b: INodePropertyOptions): number {
	return a.name.localeCompare(b.name, 'en');
}

/** Dropdown options: "None" first, then every country as "Name (CC)", sorted by name. */
export function countryOptions(): INodePropertyOptions[] {
	const name = countryNames();
	const countries = COUNTRIES.map(({ iso }) => ({
		name: `${name(iso)} (${iso})`,
		value: iso,
	})).sort(byName);
	return [{ name: 'None', value: '' }, ...countries];
}

/** Dropdown options of the countries that have a calling code, as "Name (+CC)", after a "None" choice. */
export function callingCodeOptions(noneName: string): INodePropertyOptions[] {
	const name = countryNames();
	const countries = COUNTRIES.filter((country) => country.callingCode).map(
		({ iso, callingCode }) => ({
			name: `${name(iso)} (+${callingCode})`,
			value: iso,
		}),
	);
	return [{ name: noneName, value: '' }, ...countries.sort(byName)];
}
