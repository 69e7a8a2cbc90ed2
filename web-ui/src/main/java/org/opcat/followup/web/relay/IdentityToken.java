package org.opcat.followup.web.relay;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.io.IOException;
import java.io.InputStream;
import java.security.interfaces.RSAPrivateKey;
import java.time.Clock;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import org.opcat.followup.web.WebSettings;
import org.opcat.followup.web.signin.SignedInUser;
import org.springframework.security.converter.RsaKeyConverters;
import org.springframework.stereotype.Component;

/**
 * Tells the services who the signed-in user is: an RS256 token signed with the web interface's
 * private key, naming the user and roles, valid for a minute or so. The services verify it with
 * the public key they were given; a user-name header would be believed from anyone.
 */
@Component
public class IdentityToken {

    static final String ISSUER = "web-ui";

    private final RSASSASigner signer;
    private final WebSettings settings;
    private final Clock clock = Clock.systemUTC();

    IdentityToken(WebSettings settings) throws IOException {
        if (settings.signingKey() == null || !settings.signingKey().exists()) {
            throw new IllegalStateException("followup.web.signing-key (FOLLOWUP_WEB_SIGNING_KEY) must name the PEM file "
                    + "of the RSA private key whose public key the services trust; ./run-local generates one in .run-data/keys");
        }
        RSAPrivateKey key;
        try (InputStream pem = settings.signingKey().getInputStream()) {
            key = RsaKeyConverters.pkcs8().convert(pem);
        }
        this.signer = new RSASSASigner(key);
        this.settings = settings;
    }

    public String mint(SignedInUser user) {
        Instant now = clock.instant();
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .issuer(ISSUER)
                .audience(settings.tokenAudience())
                .subject(user.username())
                .claim("preferred_username", user.username())
                .claim("roles", List.copyOf(user.roles()))
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plus(settings.tokenLifetime())))
                .jwtID(UUID.randomUUID().toString())
                .build();
        SignedJWT token = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).type(JOSEObjectType.JWT).build(), claims);
        try {
            token.sign(signer);
        } catch (JOSEException e) {
            throw new IllegalStateException("could not sign the identity token", e);
        }
        return token.serialize();
    }
}
