/**
 * Test support for transformers-java.
 *
 * <ul>
 *   <li>{@link ai.boinc.transformers.testkit.LocalHub}: an emulator of the BOINC AI Hub (Hugging
 *       Face Hub protocol) with a separate CDN origin, serving {@link
 *       ai.boinc.transformers.testkit.HubRepo} repositories with commit history, refs, renames,
 *       tree and paths-info APIs, and {@link ai.boinc.transformers.testkit.Fault} injection;
 *   <li>{@link ai.boinc.transformers.testkit.LocalHubExtension}: starts and stops one in JUnit 5;
 *   <li>{@link ai.boinc.transformers.testkit.FileFetcherContract}: the conformance suite (TCK) that
 *       every {@code FileFetcher} transport runs against itself;
 *   <li>{@link ai.boinc.transformers.testkit.LogCapture}: records what is logged during a test.
 * </ul>
 *
 * <p>Everything listens on 127.0.0.1 only. Types here are API; {@code ...testkit.internal} is not.
 */
package ai.boinc.transformers.testkit;
