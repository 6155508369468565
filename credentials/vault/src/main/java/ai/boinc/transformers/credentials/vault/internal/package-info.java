/** Implementation details of the Vault credential source; not API, may change in any release. */
package ai.boinc.transformers.credentials.vault.internal;
