/**
 * Where access tokens come from: the {@link ai.boinc.transformers.credentials.CredentialSource} port, the {@link ai.boinc.transformers.credentials.AccessToken} value and the ordered {@link ai.boinc.transformers.credentials.CredentialChain}.
 *
 * <p>Parameters and return values are non-null unless documented otherwise; absence is {@code
 * java.util.Optional}.
 */
package ai.boinc.transformers.credentials;
