package io.riskgraph.ingest.generator;

import io.riskgraph.progress.ProgressListener;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The generator's output for a small city, pinned by SHA-256 per file. The hashes were taken from the generator as it
 * was before mechanics became parameters (main at c1ef966), so this proves that the default mechanics reproduce the
 * earlier output byte for byte. Change the hashes only for an intended change of the default city, and say so.
 */
class GoldenCityTest {
    static final Map<String, String> GOLDEN = new TreeMap<>(Map.ofEntries(
            Map.entry("alerts.csv", "841c187ab90e4bfbf52c103fe9dd553dd7e8b12b4e81678f9fbbc0d73968b312"),
            Map.entry("complaints.csv", "4561e4f422ce64d3e31753fcf806056561a512f6c2c6e09b7481a9ab6bac57be"),
            Map.entry("court_records.csv", "d16052338b8bb8a4645b2dad1655db8f4c863a690d5a34c4dc986a9432c5e9dc"),
            Map.entry("enterprise_links.csv", "64570802dbd49e0ae2c9f3b62fd82c26b5ae7fb737f38e96a80fbffbbbbe68f1"),
            Map.entry("enterprises.csv", "a6e809f38dc6773dda2a6d35531e8671c51a29a14d7da5e4ac05e7a5c00ec52d"),
            Map.entry("inspections.csv", "6c4f552eaa4feac8e7a34ec6028ed154ca0e22af47bc2e70a99e7b780058109e"),
            Map.entry("inspectors.csv", "ff06a6d6b8942ba26edfddbc0c5773b27ee6fdedb6a9ebd1622d4ac85a2f7a26"),
            Map.entry("penalties.csv", "4fec80d2abda600b46575089c1c95c0d1fa1e3cb573a32fbca746519aaa95c96"),
            Map.entry("persons.csv", "cc0b01b4fa700a6494eab09a1ecfcbde69c4f39bfe0bcc67e48ddc9870930274"),
            Map.entry("roles.csv", "86607354f728e414cafe77b91de603026476aaeaa32470f890fb9f6676443b67"),
            Map.entry("samples.csv", "a55793de40db47b09367ab2cfa150edb3f76ae4158e8e881cde425e1e76d0014"),
            Map.entry("truth.csv", "b9c6119d5b373d656347fb34e618bb093f16eccf0ac7dbd6a5d3a6e0ce3e5cf0")));

    @Test
    void defaultMechanicsReproduceTheEarlierCityByteForByte(@TempDir Path tmp) throws Exception {
        new CityGenerator(GeneratorParams.of(2_000, 7)).generate(tmp.resolve("a"), ProgressListener.NONE);
        assertThat(hashes(tmp.resolve("a"))).isEqualTo(GOLDEN);
    }

    static Map<String, String> hashes(Path dir) throws IOException, NoSuchAlgorithmException {
        Map<String, String> h = new TreeMap<>();
        try (var files = Files.list(dir)) {
            for (Path f : files.sorted().toList()) {
                h.put(f.getFileName().toString(),
                        HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(f))));
            }
        }
        return h;
    }
}
