/** Public surface of the pure core. No Office, React or file-format imports below src/core. */
export * from './grid';
export * from './issues';
export * from './model';
export * from './settings';
export * from './result';
export * from './report/plan';
export * from './rollup';
