/**
 * Who may write and read a package: per-agent stream keys (AES-256-GCM, in segments), the head
 * office's Ed25519 signature on the catalog, the key files that hold them; JDK primitives only.
 */
package io.sincro.format.envelope;
