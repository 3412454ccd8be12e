import type { DataProvider, RaRecord, SortPayload } from 'react-admin';

/** The gateway's largest page. */
const PAGE = 500;

/** Every row the filter matches: all pages, not only the visible one, in the list's order. */
export async function fetchAllRows<T extends RaRecord>(
  dataProvider: DataProvider,
  resource: string,
  filter: Record<string, unknown> | undefined,
  sort: SortPayload | undefined,
): Promise<T[]> {
  const rows: T[] = [];
  for (let page = 1; ; page++) {
    const { data, total } = await dataProvider.getList<T>(resource, {
      filter: filter ?? {},
      sort: sort ?? { field: 'id', order: 'ASC' },
      pagination: { page, perPage: PAGE },
    });
    rows.push(...data);
    if (data.length < PAGE || (total !== undefined && rows.length >= total)) break;
  }
  return rows;
}
