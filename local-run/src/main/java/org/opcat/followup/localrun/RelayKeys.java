package org.opcat.followup.localrun;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.util.Base64;

/**
 * The key pair of the web interface's identity relay: the web interface signs a short-lived token
 * for its signed-in user with the private key, and both services accept only tokens that verify
 * with the public key. Generated once into a folder (PEM: PKCS#8 private key, X.509 public key),
 * so sessions survive a restart of the services; never committed anywhere.
 */
public record RelayKeys(Path privateKey, Path publicKey) {

    public static RelayKeys in(Path folder) throws IOException {
        RelayKeys keys = new RelayKeys(folder.resolve("web-ui-private.pem"), folder.resolve("web-ui-public.pem"));
        if (Files.exists(keys.privateKey()) && Files.exists(keys.publicKey())) {
            return keys;
        }
        Files.createDirectories(folder);
        KeyPair pair;
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            pair = generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("no RSA key generator in this JVM", e);
        }
        Files.writeString(keys.publicKey(), pem("PUBLIC KEY", pair.getPublic().getEncoded()), StandardCharsets.US_ASCII);
        Files.writeString(keys.privateKey(), pem("PRIVATE KEY", pair.getPrivate().getEncoded()), StandardCharsets.US_ASCII);
        try {
            // Whoever holds the private key can act as any user: readable by its owner only.
            Files.setPosixFilePermissions(keys.privateKey(), PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException notPosix) {
            // Windows: the folder's own permissions apply
        }
        return keys;
    }

    /** As Spring wants a location: {@code file:/...}. */
    public String privateKeyLocation() {
        return "file:" + privateKey().toAbsolutePath();
    }

    public String publicKeyLocation() {
        return "file:" + publicKey().toAbsolutePath();
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der)
                + "\n-----END " + type + "-----\n";
    }
}
