/**
 * Jest 30 ignores `testTimeout` inside `projects[]`; each project loads this file instead, so the
 * timeout applies to every test and hook. Generous because CI may share a 2-core machine with other
 * work: a test that needs more than this is a hang, not a slow machine.
 */
jest.setTimeout(10 * 60_000);
