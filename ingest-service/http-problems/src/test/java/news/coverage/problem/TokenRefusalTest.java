package news.coverage.problem;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class TokenRefusalTest {

    private static Throwable failure(String cause) {
        return new RuntimeException("SRJWT07000: Failed to verify a token", new IllegalStateException(cause));
    }

    @Test
    void eachReasonIsSaidWithoutTheVerifiersWords() {
        assertEquals("the bearer token has expired", TokenRefusal.reason(failure(
                "The JWT is no longer valid - the evaluation time NumericDate{1} is on or after the Expiration Time")));
        assertEquals("the bearer token's signature does not verify with the configured public key",
                TokenRefusal.reason(failure("JWT rejected due to invalid signature.")));
        assertEquals("the bearer token is not signed with RS256",
                TokenRefusal.reason(failure("the 'none' algorithm is not allowed")));
        assertEquals("the bearer token is not issued by the configured issuer",
                TokenRefusal.reason(failure("Issuer (iss) claim value (x) doesn't match expected value")));
        assertEquals("the bearer token is not a signed JWT that this service can read",
                TokenRefusal.reason(failure("Invalid JOSE Compact Serialization. Expecting either 3 or 5 parts")));
    }
}
