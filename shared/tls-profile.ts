/**
 * The TLS profile of the host connection: Mozilla's "intermediate" configuration without its
 * finite-field DHE suites. TLS 1.2 and 1.3 only; TLS 1.2 only with ECDHE key exchange (forward
 * secrecy) and AEAD ciphers (no CBC, no static RSA). Plain strings in OpenSSL's names, so the
 * simulator's server and the terminal's host client can both hand them to Node's `tls` options.
 */

/** The lowest TLS version offered or accepted. */
export const TLS_MIN_VERSION = 'TLSv1.2';

/** TLS 1.3 suites (all three are AEAD with forward secrecy by the protocol's design). */
export const TLS13_CIPHER_SUITES: readonly string[] = [
  'TLS_AES_128_GCM_SHA256',
  'TLS_AES_256_GCM_SHA384',
  'TLS_CHACHA20_POLY1305_SHA256',
];

/** TLS 1.2 suites, in preference order: ECDHE with AES-GCM or ChaCha20-Poly1305 only. */
export const TLS12_CIPHER_SUITES: readonly string[] = [
  'ECDHE-ECDSA-AES128-GCM-SHA256',
  'ECDHE-RSA-AES128-GCM-SHA256',
  'ECDHE-ECDSA-AES256-GCM-SHA384',
  'ECDHE-RSA-AES256-GCM-SHA384',
  'ECDHE-ECDSA-CHACHA20-POLY1305',
  'ECDHE-RSA-CHACHA20-POLY1305',
];

/** The `ciphers` option of Node's `tls` (it takes TLS 1.3 and 1.2 names in one list). */
export const TLS_CIPHERS = [...TLS13_CIPHER_SUITES, ...TLS12_CIPHER_SUITES].join(':');
