package io.riskgraph.api;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A PEM certificate chain and PKCS#8 private key as an in-memory key store, for Jetty's SslContextFactory. */
public final class PemKeys {
    public static final String ALIAS = "riskgraph";
    private static final Pattern BLOCK = Pattern.compile("-----BEGIN ([A-Z ]+)-----([^-]+)-----END \\1-----");

    private PemKeys() {}

    public static KeyStore keyStore(Path certFile, Path keyFile, char[] password) {
        try {
            String certPem = Files.readString(certFile, StandardCharsets.US_ASCII);
            List<? extends Certificate> chain = CertificateFactory.getInstance("X.509")
                    .generateCertificates(new ByteArrayInputStream(certPem.getBytes(StandardCharsets.US_ASCII))).stream().toList();
            if (chain.isEmpty()) throw new IllegalArgumentException("--tls-cert " + certFile + " holds no PEM certificate");
            PrivateKey key = privateKey(keyFile);
            KeyStore ks = KeyStore.getInstance("PKCS12");
            ks.load(null, null);
            ks.setKeyEntry(ALIAS, key, password, chain.toArray(Certificate[]::new));
            return ks;
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read the TLS files: " + e.getMessage(), e);
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("the TLS certificate or key is not usable: " + e.getMessage(), e);
        }
    }

    private static PrivateKey privateKey(Path keyFile) throws IOException, GeneralSecurityException {
        Matcher m = BLOCK.matcher(Files.readString(keyFile, StandardCharsets.US_ASCII));
        while (m.find()) {
            String type = m.group(1);
            if (type.equals("RSA PRIVATE KEY") || type.equals("EC PRIVATE KEY") || type.equals("ENCRYPTED PRIVATE KEY")) {
                throw new IllegalArgumentException("--tls-key " + keyFile + " is " + type + "; give an unencrypted PKCS#8 key "
                        + "(BEGIN PRIVATE KEY), e.g. openssl pkcs8 -topk8 -nocrypt -in KEY -out key.pem");
            }
            if (!type.equals("PRIVATE KEY")) continue;
            PKCS8EncodedKeySpec spec = new PKCS8EncodedKeySpec(Base64.getMimeDecoder().decode(m.group(2)));
            for (String alg : new String[]{"RSA", "EC", "Ed25519"}) {
                try {
                    return KeyFactory.getInstance(alg).generatePrivate(spec);
                } catch (GeneralSecurityException ignored) {
                    // try the next algorithm
                }
            }
            throw new IllegalArgumentException("--tls-key " + keyFile + ": an RSA, EC or Ed25519 PKCS#8 key was expected");
        }
        throw new IllegalArgumentException("--tls-key " + keyFile + " holds no PEM private key (BEGIN PRIVATE KEY)");
    }
}
