/**
 * The most rows one list request may ask for. Its own module, free of zod, so the console can use it
 * without loading the request schemas (the package is marked side-effect free).
 */
export const MAX_PAGE_SIZE = 500;
