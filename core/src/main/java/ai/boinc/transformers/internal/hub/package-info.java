/** Not API: the hub engine's policy (auth, redirects, cache, errors). May change in any release. */
package ai.boinc.transformers.internal.hub;
