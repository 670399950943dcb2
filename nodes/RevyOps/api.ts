import type { IDataObject } from 'n8n-workflow';

import type { Paging } from '../shared/lists';
import type { PacingDefaults } from '../shared/properties';
import type { VendorApi } from '../shared/transport';

export const revyOpsApi: VendorApi = {
	displayName: 'RevyOps',
	credentialType: 'revyOpsApi',
};

export const revyOpsPacing: PacingDefaults = {
	concurrency: 5,
	rateLimit: { requests: 10, perMs: 1000 },
	reason: 'RevyOps enforces no limit but asks clients to send at most 10 requests per second',
};

/** RevyOps pages list endpoints with `page` (from 1) and `page_size`; contacts allow at most 100 a page. */
export const MAX_PAGE_SIZE = 100;

/** Paging of RevyOps list endpoints: `page` from 1, `page_size`, `count` = total records. */
export function revyOpsPaging(maxPages: number, pageSize = MAX_PAGE_SIZE): Paging {
	return {
		pageSize,
		maxPages,
		query: (pageIndex: number, size: number) => ({ page: pageIndex + 1, page_size: size }),
		total: (body: unknown) => {
			const count = (body as IDataObject | undefined)?.count;
			return typeof count === 'number' ? count : undefined;
		},
	};
}
