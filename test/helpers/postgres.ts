/** The throwaway PostgreSQL of the tests: the bench's (bench/postgres.ts), one harness for both. */
export {
	postgresBinaries,
	startTestPostgres,
	type TestPostgres,
} from '../../bench/postgres.js';
