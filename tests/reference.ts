import { join } from 'node:path';

/**
 * The public reference data (oracles) lives in ../shared/reference beside the repository, both on a
 * developer's machine and in CI's clean clone. PR_REFERENCE_DIR overrides it.
 */
export const REFERENCE_DIR = process.env.PR_REFERENCE_DIR ?? join(__dirname, '..', '..', 'shared', 'reference');
