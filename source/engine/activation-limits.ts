/**
 * The most keys one activation sends (R4, R5), online or in a request file: the license server
 * refuses a request with more (license-server/schemas.ts reads this too), so Save keeps no more
 * than that many pending (engine/save.ts). Issue 10 point 6, what the client accepts the server
 * accepts: 101 pending keys made every activation, online and manual, refused for good.
 */
export const MAX_KEYS_PER_ACTIVATION = 100;
