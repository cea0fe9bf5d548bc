// A TLS certificate and key for tests of HTTPS listeners (engine validation, API, data plane),
// kept in one place so every test speaks of the same certificate.

/** A self-signed P-256 certificate for lb.example.test, valid from 2026-11-27 for a century. */
export const TEST_CERTIFICATE_PEM = `-----BEGIN CERTIFICATE-----
MIIBizCCATGgAwIBAgIUe2kD+LPNek+RZzKhJtD+iHyCE24wCgYIKoZIzj0EAwIw
GjEYMBYGA1UEAwwPbGIuZXhhbXBsZS50ZXN0MCAXDTI2MTEyNzE1NTQyOFoYDzIx
MjYxMTAzMTU1NDI4WjAaMRgwFgYDVQQDDA9sYi5leGFtcGxlLnRlc3QwWTATBgcq
hkjOPQIBBggqhkjOPQMBBwNCAASpo9I4C11q66/aBLOgXfR0spd3tcB6tkKhSsqP
ck7Qk1f0w3d+0N/VzM/yWbkLfL8OAAbbHi3lmOC93TkQsg2Co1MwUTAdBgNVHQ4E
FgQUcjw3iRB6MuCUIkSVeNJVRlMQ6j8wHwYDVR0jBBgwFoAUcjw3iRB6MuCUIkSV
eNJVRlMQ6j8wDwYDVR0TAQH/BAUwAwEB/zAKBggqhkjOPQQDAgNIADBFAiBkKLWp
fcp3nBpatcNXrBN9qrRjpTmXBxYr9I/KkBNiNgIhAI+kTFbE7hIQG4dvsPAnSIwx
JsGTZbNaJ2WMOPCSpdjr
-----END CERTIFICATE-----`;

/** The PKCS#8 private key of TEST_CERTIFICATE_PEM. */
export const TEST_CERTIFICATE_KEY_PEM = `-----BEGIN PRIVATE KEY-----
MIGHAgEAMBMGByqGSM49AgEGCCqGSM49AwEHBG0wawIBAQQgDcxfbzAyQ70w3X3U
YpB80sq91cNYcHT/i9UNKBq8KUWhRANCAASpo9I4C11q66/aBLOgXfR0spd3tcB6
tkKhSsqPck7Qk1f0w3d+0N/VzM/yWbkLfL8OAAbbHi3lmOC93TkQsg2C
-----END PRIVATE KEY-----`;
