import fc from 'fast-check';

/**
 * Property tests run with a fixed seed so CI is repeatable; set FC_SEED to explore other inputs
 * locally (a failure prints its seed and counterexample — add it as a table test, then fix).
 */
fc.configureGlobal({ seed: Number(process.env.FC_SEED ?? 20261126) });
