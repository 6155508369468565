/** Implementation of {@link ai.boinc.transformers.testkit.LocalVault}; not API. */
package ai.boinc.transformers.testkit.internal.vault;
