/**
 * JUnit 5 support for the testkit emulators.
 *
 * <ul>
 *   <li>{@link ai.boinc.transformers.testkit.junit5.LocalHubExtension}: starts and stops a {@link
 *       ai.boinc.transformers.testkit.LocalHub} per class or per test;
 *   <li>{@link ai.boinc.transformers.testkit.junit5.FileFetcherContract}: the conformance suite (TCK)
 *       that every {@code FileFetcher} transport runs against itself.
 * </ul>
 */
package ai.boinc.transformers.testkit.junit5;
