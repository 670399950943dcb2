import type { IDataObject } from 'n8n-workflow';

import { checkKey, InputError, optionalText, quote } from './validate';

/** One filled row of a key/value list (custom fields, data fields, attributes). */
export interface Row {
	/** The field's ID or name, as given. */
	key: string;
	/** Text; numbers and booleans stay as they are where the vendor takes them (`keepTypes`). */
	value: string | number | boolean;
	/** The whole row, for columns beyond key and value (e.g. a type). */
	row: IDataObject;
}

export interface RowRules {
	/** What a row is called in messages, e.g. "Custom field". */
	label: string;
	/** The row's key column (`field`, `fieldId`, …) and value column (`value`). */
	keyName: string;
	valueName?: string;
	/** Keys that differ only in case are the same key (names, not IDs). */
	caseInsensitive?: boolean;
	/** Numbers and booleans are sent as such instead of as text. */
	keepTypes?: boolean;
}

/**
 * The filled rows of a fixedCollection's `group`, with one rule set for every node:
 * a row with neither key nor value is skipped (an empty row left in the editor), a key
 * without a value is skipped (an optional field left empty), a value without a key fails,
 * a key given twice fails, and reserved keys fail. Objects and lists are refused as values.
 */
export function readRows(collection: unknown, group: string, rules: RowRules): Row[] {
	const rows =
		((collection as IDataObject | undefined)?.[group] as IDataObject[] | undefined) ?? [];
	const valueName = rules.valueName ?? 'value';
	const seen = new Set<string>();
	const filled: Row[] = [];
	rows.forEach((row, index) => {
		const key = optionalText(row[rules.keyName], `${rules.label} ${index + 1}`);
		const raw = row[valueName];
		const value =
			rules.keepTypes && (typeof raw === 'number' || typeof raw === 'boolean')
				? raw
				: optionalText(
						raw,
						key === undefined ? `${rules.label} ${index + 1}` : `${rules.label} ${quote(key)}`,
					);
		if (key === undefined) {
			if (value === undefined) return;
			throw new InputError(
				`${rules.label} ${index + 1} has the value ${quote(String(value))} but no field`,
				'Choose the field, or remove the row.',
			);
		}
		checkKey(key, rules.label);
		const identity = rules.caseInsensitive ? key.toLowerCase() : key;
		if (seen.has(identity)) {
			throw new InputError(
				`${rules.label} ${quote(key)} is given twice; keep one value per field`,
				'Remove or merge one of the rows.',
			);
		}
		seen.add(identity);
		if (value !== undefined) filled.push({ key, value, row });
	});
	return filled;
}
