/**
 * The token file credential source: the access token stored by {@code ba login} (or by hand) in
 * {@code ~/.cache/boincai/token}, found on the class path through {@link
 * ai.boinc.transformers.credentials.file.TokenFileCredentialSourceProvider}.
 *
 * <p>Parameters and return values are non-null unless documented otherwise.
 */
package ai.boinc.transformers.credentials.file;
