import type { Reporter, TestModule } from 'vitest/node';

/**
 * Says at the end of every run which tests did not run, and why, so that a green `npm test`
 * never hides a tier: the PostgreSQL-only tests need a server (SEN_TEST_DATABASE_URL), which
 * `.ci/run` starts and names for its second pass.
 */
export default class SkippedTestsReporter implements Reporter {
  onTestRunEnd(testModules: readonly TestModule[]): void {
    const skipped = testModules.flatMap((module) =>
      [...module.children.allTests()]
        .filter((test) => test.result().state === 'skipped')
        .map((test) => `${module.project.name}: ${test.fullName}`),
    );
    if (skipped.length === 0) return;
    const postgresOnly = skipped.filter((name) => name.includes('(PostgreSQL'));
    const lines = [`\n${String(skipped.length)} test(s) did not run:`, ...skipped.map((name) => `  - ${name}`)];
    if (postgresOnly.length > 0 && !process.env.SEN_TEST_DATABASE_URL) {
      lines.push(
        `${String(postgresOnly.length)} of them need a PostgreSQL server: set SEN_TEST_DATABASE_URL (postgres://…) to run them; .ci/run does.`,
      );
    }
    console.log(lines.join('\n'));
  }
}
