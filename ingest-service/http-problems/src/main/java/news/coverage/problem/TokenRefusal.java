package news.coverage.problem;

import java.util.Locale;

/**
 * Why a bearer token was refused, in words a client can act on, from the verifier's failure. The verifier's own
 * messages quote the token's claims and name library classes; the answer says only what is wrong.
 */
public final class TokenRefusal {

    private TokenRefusal() {
    }

    public static String reason(Throwable failure) {
        StringBuilder messages = new StringBuilder();
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause.getMessage() != null) {
                messages.append(cause.getMessage().toLowerCase(Locale.ROOT)).append('\n');
            }
        }
        String text = messages.toString();
        if (text.contains("expiration time") || text.contains("expired")) {
            return "the bearer token has expired";
        }
        if (text.contains("not before") || text.contains("issued at")) {
            return "the bearer token is not valid yet";
        }
        if (text.contains("algorithm")) {
            return "the bearer token is not signed with RS256";
        }
        if (text.contains("signature")) {
            return "the bearer token's signature does not verify with the configured public key";
        }
        if (text.contains("issuer")) {
            return "the bearer token is not issued by the configured issuer";
        }
        return "the bearer token is not a signed JWT that this service can read";
    }
}
