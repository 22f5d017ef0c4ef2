package io.riskgraph.api;

import io.riskgraph.cli.CliRun;
import io.riskgraph.cli.Main;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The audit log's hash chain: intact as written and across restarts; any edit, removal or insertion is found. */
class AuditChainTest {
    @TempDir
    Path dir;

    void write(int n, int from) {
        try (AuditLog log = new AuditLog(dir)) {
            for (int i = from; i < from + n; i++) {
                log.append(new AuditLog.Entry(Instant.parse("2026-12-07T10:00:00Z").plusSeconds(i), "k" + i, "consumer",
                        "GET", "/enterprises/{uscc}", "/enterprises/X" + i, Map.of("uscc", "X" + i, "q", "张伟 \"quoted\""),
                        200, List.of("X" + i, "P0" + i)));
            }
        }
    }

    Path log() { return dir.resolve(AuditLog.FILE); }

    List<String> lines() throws Exception { return new ArrayList<>(Files.readAllLines(log(), StandardCharsets.UTF_8)); }

    void rewrite(List<String> lines) throws Exception {
        Files.write(log(), lines, StandardCharsets.UTF_8);
    }

    AuditLog.Verification verify() throws Exception { return AuditLog.verify(log(), false, null); }

    @Test
    void chainIsIntactAcrossRestartsAndOwnerOnly() throws Exception {
        write(5, 0);
        write(4, 5); // a restart continues the chain from the file's last line
        AuditLog.Verification v = verify();
        assertThat(v.problems()).isEmpty();
        assertThat(v.lines()).isEqualTo(9);
        assertThat(lines().getFirst()).contains("\"prev\":\"" + AuditLog.GENESIS + "\"");
        assertThat(java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(log())))
                .isEqualTo("rw-------");
        CliRun cli = CliRun.of("audit", "verify", "--file", log().toString(), "--expect", lines().get(3)
                .replaceAll(".*\"hash\":\"([0-9a-f]{64})\"}$", "$1"));
        assertThat(cli.exit()).as(cli.err()).isZero();
        assertThat(cli.out()).contains("9 lines").contains("chain intact; last hash " + v.lastHash());
    }

    @Test
    void editingALineIsDetected() throws Exception {
        write(6, 0);
        List<String> l = lines();
        l.set(2, l.get(2).replace("\"status\":200", "\"status\":404"));
        rewrite(l);
        assertThat(verify().problems()).containsExactly("line 3: its text does not match its hash (the line was changed)");
        CliRun cli = CliRun.of("audit", "verify", "--file", log().toString());
        assertThat(cli.exit()).isEqualTo(Main.FAILURE);
        assertThat(cli.err()).contains("line 3").contains("NOT intact");
    }

    @Test
    void editingALineAndItsHashIsDetectedByTheNextLine() throws Exception {
        write(4, 0);
        List<String> l = lines();
        String edited = l.get(1).replace("\"key\":\"k1\"", "\"key\":\"someone\"").replaceAll(",\"hash\":\"[0-9a-f]{64}\"}$", "}");
        l.set(1, edited.substring(0, edited.length() - 1) + ",\"hash\":\"" + AuditLog.sha256(edited) + "\"}");
        rewrite(l);
        assertThat(verify().problems()).containsExactly(
                "line 3: does not follow line 2 (a line was removed, inserted or moved)");
    }

    @Test
    void removingInsertingOrMovingLinesIsDetected() throws Exception {
        write(5, 0);
        List<String> original = lines();
        List<String> l = new ArrayList<>(original);
        l.remove(2);
        rewrite(l);
        assertThat(verify().problems()).containsExactly("line 3: does not follow line 2 (a line was removed, inserted or moved)");
        l = new ArrayList<>(original);
        l.add(1, "{\"time\":\"2026-12-07T10:00:00Z\",\"key\":\"ghost\"}");
        rewrite(l);
        assertThat(verify().problems()).containsExactly("line 2: no hash, after the chain began (inserted or edited)",
                "line 3: does not follow line 2 (a line was removed, inserted or moved)");
        l = new ArrayList<>(original);
        l.remove(0);
        rewrite(l);
        assertThat(verify().problems()).singleElement().asString().startsWith("line 1: follows ");
        assertThat(AuditLog.verify(log(), true, null).problems()).as("an export from a time on").isEmpty();
        assertThat(AuditLog.verify(log(), true, AuditLog.link(original.get(0))).problems()).singleElement().asString()
                .contains("is not in the chain");
    }

    @Test
    void aLogFromBeforeTheChainIsContinued() throws Exception {
        Files.writeString(log(), "{\"time\":\"2026-01-01T00:00:00Z\",\"key\":\"old\",\"status\":200}\n"
                + "{\"time\":\"2026-01-02T00:00:00Z\",\"key\":\"old\",\"status\":200}\n");
        write(3, 0);
        AuditLog.Verification v = verify();
        assertThat(v.problems()).isEmpty();
        assertThat(v.unchainedHead()).isEqualTo(2);
        List<String> l = lines();
        l.set(1, l.get(1).replace("old", "new"));
        rewrite(l);
        assertThat(verify().problems()).containsExactly("line 3: does not follow line 2 (a line was removed, inserted or moved)");
    }
}
