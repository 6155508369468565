/** Implementation details of the token file source; not API, may change in any release. */
package ai.boinc.transformers.credentials.file.internal;
