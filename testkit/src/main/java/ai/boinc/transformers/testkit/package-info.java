/**
 * Test support for transformers-java.
 *
 * <ul>
 *   <li>{@link ai.boinc.transformers.testkit.LocalHub}: an emulator of the BOINC AI Hub (Hugging
 *       Face Hub protocol) with a separate CDN origin, serving {@link
 *       ai.boinc.transformers.testkit.HubRepo} repositories with commit history, refs, renames,
 *       tree and paths-info APIs, and {@link ai.boinc.transformers.testkit.Fault} injection;
 *   <li>{@link ai.boinc.transformers.testkit.LocalVault}: an emulator of HashiCorp Vault (KV, token,
 *       AppRole and Kubernetes auth);
 *   <li>{@link ai.boinc.transformers.testkit.TestData}: where the repository's fixtures are;
 *   <li>{@link ai.boinc.transformers.testkit.LogCapture}: records what is logged during a test.
 * </ul>
 *
 * <p>No test framework here: the JUnit 5 extension and the transport contract suite are in {@code
 * transformers-testkit-junit5}, so a program may embed the emulators. Everything listens on
 * 127.0.0.1 only. Types here are API; {@code ...testkit.internal} is not.
 */
package ai.boinc.transformers.testkit;
