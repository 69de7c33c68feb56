/** Largest number of application rows one import may hold (one request must finish within API Gateway's 29 s). A leaf: the sheet reader and the import's schemas use it. */
export const MAX_IMPORT_ROWS = 10_000;
