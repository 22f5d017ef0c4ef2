package io.riskgraph.api;

import io.riskgraph.cli.CliRun;
import io.riskgraph.cli.Main;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import java.io.FileInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.time.Duration;
import java.util.Base64;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** serve over HTTPS with PEM files: a self-signed certificate made in the test with the JDK's keytool. */
class TlsTest {
    @TempDir
    Path tmp;

    static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(der)
                + "\n-----END " + type + "-----\n";
    }

    @Test
    void servesHttpsWithPemFilesAndRefusesPlainHttp() throws Exception {
        Path p12 = tmp.resolve("self.p12");
        String keytool = Path.of(System.getProperty("java.home"), "bin", "keytool").toString();
        Process p = new ProcessBuilder(keytool, "-genkeypair", "-alias", "rg", "-keyalg", "RSA", "-keysize", "2048",
                "-validity", "2", "-dname", "CN=127.0.0.1", "-ext", "SAN=ip:127.0.0.1,dns:localhost", "-storetype", "PKCS12",
                "-keystore", p12.toString(), "-storepass", "changeit", "-keypass", "changeit").redirectErrorStream(true).start();
        String log = new String(p.getInputStream().readAllBytes());
        assertThat(p.waitFor()).as(log).isZero();
        KeyStore ks = KeyStore.getInstance("PKCS12");
        try (FileInputStream in = new FileInputStream(p12.toFile())) {
            ks.load(in, "changeit".toCharArray());
        }
        Certificate cert = ks.getCertificate("rg");
        Path certPem = Files.writeString(tmp.resolve("cert.pem"), pem("CERTIFICATE", cert.getEncoded()));
        Path keyPem = Files.writeString(tmp.resolve("key.pem"), pem("PRIVATE KEY", ks.getKey("rg", "changeit".toCharArray()).getEncoded()));

        KeyStore trust = KeyStore.getInstance("PKCS12");
        trust.load(null, null);
        trust.setCertificateEntry("rg", cert);
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(trust);
        SSLContext ssl = SSLContext.getInstance("TLS");
        ssl.init(null, tmf.getTrustManagers(), null);
        HttpClient https = HttpClient.newBuilder().sslContext(ssl).connectTimeout(Duration.ofSeconds(5)).build();

        ApiFixture.server();
        try (ApiServer s = new ApiServer(ApiFixture.CONFIG, io.riskgraph.cypher.TestNeo4j.backend(), tmp, null)
                .limits(ApiLimits.DEFAULT.withTls(certPem, keyPem)).start("127.0.0.1", 0)) {
            String admin = s.keys().create("tls-admin", Role.ADMIN).secret();
            HttpResponse<String> r = https.send(HttpRequest.newBuilder(URI.create("https://127.0.0.1:" + s.port() + "/health"))
                    .header("Authorization", "Bearer " + admin).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(r.statusCode()).isEqualTo(200);
            assertThat(r.body()).contains("\"store\"");
            assertThat(r.sslSession()).hasValueSatisfying(ss -> assertThat(ss.getProtocol()).startsWith("TLSv1."));
            // the default trust store does not know the certificate; plain HTTP gets no answer
            assertThatThrownBy(() -> HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create("https://127.0.0.1:" + s.port() + "/health")).build(), HttpResponse.BodyHandlers.ofString()))
                    .isInstanceOf(javax.net.ssl.SSLHandshakeException.class);
            HttpResponse<String> plain = null;
            try {
                plain = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + s.port()
                        + "/health")).timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
            } catch (java.io.IOException expected) {
                // closed without an HTTP answer
            }
            if (plain != null) assertThat(plain.statusCode()).isEqualTo(400).as("Jetty's answer to plain HTTP on a TLS port");
        }

        // the command line refuses unusable files before it opens a store
        Files.writeString(tmp.resolve("rsa.pem"), "-----BEGIN RSA PRIVATE KEY-----\nAAAA\n-----END RSA PRIVATE KEY-----\n");
        for (List<String> args : List.of(List.of("--tls-cert", certPem.toString()),
                List.of("--tls-cert", certPem.toString(), "--tls-key", tmp.resolve("rsa.pem").toString()))) {
            var all = new java.util.ArrayList<>(List.of("serve", "--store", tmp.resolve("never").toString()));
            all.addAll(args);
            CliRun run = CliRun.of(all.toArray(String[]::new));
            assertThat(run.exit()).as(run.err()).isEqualTo(Main.USAGE);
            assertThat(run.err()).containsAnyOf("go together", "PKCS#8");
        }
        assertThat(tmp.resolve("never")).doesNotExist();
    }
}
