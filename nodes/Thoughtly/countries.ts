import type { INodePropertyOptions } from 'n8n-workflow';

/**
 * ISO 3166-1 alpha-2 codes (the 249 officially assigned ones). Thoughtly's reference only
 * says `country_code` is "the country code for the Contact's phone number"; the published
 * Thoughtly contact schema and create example describe and use the ISO code ("US"), not a
 * dialling code ("+1"). See the README's Thoughtly section.
 */
export const ISO_COUNTRY_CODES: readonly string[] = (
	'AD AE AF AG AI AL AM AO AQ AR AS AT AU AW AX AZ BA BB BD BE BF BG BH BI BJ BL BM BN BO BQ BR BS BT BV BW BY BZ ' +
	'CA CC CD CF CG CH CI CK CL CM CN CO CR CU CV CW CX CY CZ DE DJ DK DM DO DZ EC EE EG EH ER ES ET FI FJ FK FM FO FR ' +
	'GA GB GD GE GF GG GH GI GL GM GN GP GQ GR GS GT GU GW GY HK HM HN HR HT HU ID IE IL IM IN IO IQ IR IS IT JE JM JO JP ' +
	'KE KG KH KI KM KN KP KR KW KY KZ LA LB LC LI LK LR LS LT LU LV LY MA MC MD ME MF MG MH MK ML MM MN MO MP MQ MR MS ' +
	'MT MU MV MW MX MY MZ NA NC NE NF NG NI NL NO NP NR NU NZ OM PA PE PF PG PH PK PL PM PN PR PS PT PW PY QA RE RO RS ' +
	'RU RW SA SB SC SD SE SG SH SI SJ SK SL SM SN SO SR SS ST SV SX SY SZ TC TD TF TG TH TJ TK TL TM TN TO TR TT TV TW ' +
	'TZ UA UG UM US UY UZ VA VC VE VG VI VN VU WF WS YE YT ZA ZM ZW'
).split(' ');

const KNOWN = new Set(ISO_COUNTRY_CODES);

export function isIsoCountryCode(code: string): boolean {
	return KNOWN.has(code);
}

/** English country name for a code, from the runtime's Intl data; the code itself if none. */
function countryName(names: Intl.DisplayNames | undefined, code: string): string {
	return names?.of(code) ?? code;
}

/** Dropdown options: "None" first, then every country as "Name (CC)", sorted by name. */
export function countryOptions(): INodePropertyOptions[] {
	const names = typeof Intl.DisplayNames === 'function' ? new Intl.DisplayNames(['en'], { type: 'region', fallback: 'none' }) : undefined;
	const countries = ISO_COUNTRY_CODES.map((code) => ({ name: `${countryName(names, code)} (${code})`, value: code })).sort((a, b) =>
		a.name.localeCompare(b.name, 'en'),
	);
	return [{ name: 'None', value: '' }, ...countries];
}
