/**
 * Test support for transformers-java: {@link ai.boinc.transformers.testkit.LocalHub}, an emulator of
 * the BOINC AI Hub (Hugging Face Hub protocol) with a separate CDN origin, and the repositories it
 * serves ({@link ai.boinc.transformers.testkit.HubRepo}).
 *
 * <p>Everything listens on 127.0.0.1 only. Types here are API; {@code ...testkit.internal} is not.
 */
package ai.boinc.transformers.testkit;
