/** The connection of a filter that names nothing (an external id that does not exist). */
export function emptyConnection() {
  return {
    edges: [],
    pageInfo: { hasNextPage: false, hasPreviousPage: false, startCursor: null, endCursor: null },
    totalCount: async () => 0,
  };
}
