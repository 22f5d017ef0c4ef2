package io.riskgraph.ingest;

import io.riskgraph.cypher.TestNeo4j;
import io.riskgraph.model.id.IdProtector;
import io.riskgraph.progress.ProgressListener;
import io.riskgraph.store.GraphStore;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.neo4j.driver.Record;
import org.neo4j.driver.Session;

import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** The example dataset through the real embedded Neo4j over Bolt. */
class IngestExampleTest {
    static final Path EXAMPLE = Path.of("../examples/small-city");
    static final IdProtector IDS = new IdProtector(new byte[32]);

    @TempDir
    Path tmp;
    GraphStore store;

    @BeforeEach
    void clean() {
        TestNeo4j.clear();
        store = TestNeo4j.store();
    }

    IngestSummary ingest(Path dir) {
        return new Ingestor(store, IDS, Ingestor.Options.DEFAULT).ingest(dir, tmp.resolve("rejects.csv"),
                ProgressListener.NONE);
    }

    List<Record> query(String cypher, Map<String, Object> params) {
        try (Session s = TestNeo4j.connection().driver().session()) {
            return s.run(cypher, params).list();
        }
    }

    @Test
    void everyFileKindLoadsWithPerFileCounts() {
        IngestSummary summary = ingest(EXAMPLE);
        Map<String, long[]> byFile = new TreeMap<>();
        summary.files().forEach(f -> byFile.put(f.file(), new long[]{f.read(), f.written(), f.rejected(), f.warned()}));
        // read, written, rejected, warned — counted by hand from examples/small-city
        assertThat(byFile).containsOnlyKeys("enterprises.csv", "persons.csv", "inspectors.csv", "roles.csv",
                "enterprise_links.csv", "inspections.csv", "samples.csv", "penalties.csv", "complaints.csv",
                "court_records.jsonl", "alerts.jsonl");
        assertThat(byFile.get("enterprises.csv")).containsExactly(37, 31, 6, 1);
        assertThat(byFile.get("persons.csv")).containsExactly(15, 14, 1, 1);
        assertThat(byFile.get("roles.csv")).containsExactly(41, 38, 3, 1);
        assertThat(byFile.get("enterprise_links.csv")).containsExactly(13, 12, 1, 0);
        assertThat(byFile.get("inspectors.csv")).containsExactly(5, 5, 0, 0);
        assertThat(byFile.get("inspections.csv")).containsExactly(9, 8, 1, 0);
        assertThat(byFile.get("samples.csv")).containsExactly(6, 6, 0, 1);
        assertThat(byFile.get("penalties.csv")).containsExactly(6, 5, 1, 0);
        assertThat(byFile.get("complaints.csv")).containsExactly(5, 4, 1, 0);
        assertThat(byFile.get("court_records.jsonl")).containsExactly(4, 3, 1, 0);
        assertThat(byFile.get("alerts.jsonl")).containsExactly(6, 5, 1, 0);
        assertThat(summary.ignored()).contains("README.md");

        var counts = store.counts();
        assertThat(counts.nodes("Enterprise")).isEqualTo(32); // 31 rows + 1 stub
        assertThat(counts.nodes("Segment")).isEqualTo(14);
        assertThat(counts.nodes("Inspection")).isEqualTo(8);
        assertThat(counts.relationships("SHAREHOLDER_OF")).isEqualTo(7);
        assertThat(counts.relationships("INVESTS_IN")).isEqualTo(7);
        assertThat(counts.relationships("CARRIED_OUT")).isEqualTo(15);
        assertThat(counts.relationships("PRODUCED_BY")).isEqualTo(4);
    }

    @ParameterizedTest(name = "{0} line {1}: {2}")
    @CsvSource(delimiter = ';', value = {
            "enterprises.csv; 32; uscc; REJECTED; character 'I' at position 13",
            "enterprises.csv; 33; uscc; REJECTED; has 16 characters; expected 18",
            "enterprises.csv; 34; uscc; WARNING; check character at position 18 is 'A'",
            "enterprises.csv; 35; name; REJECTED; required field 'name' is empty",
            "enterprises.csv; 36; status; REJECTED; 'OPEN' is not one of ACTIVE, ABNORMAL, REVOKED, CANCELLED",
            "enterprises.csv; 37; established; REJECTED; '2020/13/01' is not an ISO date",
            "enterprises.csv; 38; segments; REJECTED; 'FOOD' is not one of FOOD_PRODUCTION",
            "persons.csv; 13; id_number; WARNING; check character at position 18 does not match",
            "persons.csv; 16; name; REJECTED; required field 'name' is empty",
            "roles.csv; 39; share; REJECTED; share 1.5 is outside [0, 1]",
            "roles.csv; 40; role; REJECTED; 'OWNER' is not one of LEGAL_REPRESENTATIVE",
            "roles.csv; 41; share; WARNING; share is only meaningful for SHAREHOLDER, not DIRECTOR",
            "roles.csv; 42; until; REJECTED; until 2019-01-01 is before since 2020-01-01",
            "enterprise_links.csv; 14; to_uscc; REJECTED; from_uscc and to_uscc are the same enterprise",
            "inspections.csv; 10; result; REJECTED; 'FAILED' is not one of NO_ISSUES, ISSUES_FOUND",
            "samples.csv; 6; failed_items; WARNING; result is FAIL but no failed_items",
            "penalties.csv; 7; amount; REJECTED; '-300' is negative",
            "complaints.csv; 6; verified; REJECTED; 'maybe' is not true or false",
            "court_records.jsonl; 4; subject_id; REJECTED; subject_type is ENTERPRISE but subject_id is not a USCC",
            "alerts.jsonl; 6; ''; REJECTED; not valid JSON",
    })
    void everyRejectionReasonIsInTheRejectsFile(String file, long line, String field, String severity, String reason)
            throws Exception {
        ingest(EXAMPLE);
        List<CSVRecord> rows = new ArrayList<>();
        try (Reader r = Files.newBufferedReader(tmp.resolve("rejects.csv"))) {
            CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(r).forEach(rows::add);
        }
        assertThat(rows).anySatisfy(row -> {
            assertThat(row.get("file")).isEqualTo(file);
            assertThat(row.get("line")).isEqualTo(String.valueOf(line));
            assertThat(row.get("field")).isEqualTo(field);
            assertThat(row.get("severity")).isEqualTo(severity);
            assertThat(row.get("reason")).contains(reason);
        });
    }

    @Test
    void reingestChangesNothing() {
        ingest(EXAMPLE);
        Map<String, Object> before = snapshot();
        IngestSummary again = ingest(EXAMPLE);
        assertThat(again.changes().nodesCreated()).isZero();
        assertThat(again.changes().relationshipsCreated()).isZero();
        assertThat(again.changes().relationshipsDeleted()).isZero();
        assertThat(snapshot()).isEqualTo(before);
    }

    @Test
    void aChangedRowUpdatesItsNodeAndMovesItsAddress() throws Exception {
        ingest(EXAMPLE);
        Path changed = Files.createDirectories(tmp.resolve("changed"));
        String enterprises = Files.readString(EXAMPLE.resolve("enterprises.csv"))
                .replace("上海祥味小吃店,INDIVIDUAL_BUSINESS,ACTIVE", "上海祥味小吃店（新）,INDIVIDUAL_BUSINESS,CANCELLED")
                .replace("上海市普陀区长寿路155号", "上海市普陀区长寿路157号");
        Files.writeString(changed.resolve("enterprises.csv"), enterprises);
        IngestSummary summary = ingest(changed);
        assertThat(summary.changes().nodesCreated()).isEqualTo(1); // the new Address
        List<Record> r = query("MATCH (e:Enterprise {uscc: $u})-[:LOCATED_AT]->(a) RETURN e.name, e.status, a.address",
                Map.of("u", "91310107MA1GH0148Y"));
        assertThat(r).hasSize(1);
        assertThat(r.getFirst().get(0).asString()).isEqualTo("上海祥味小吃店(新)".replace("(", "（").replace(")", "）"));
        assertThat(r.getFirst().get(1).asString()).isEqualTo("CANCELLED");
        assertThat(r.getFirst().get(2).asString()).isEqualTo("上海市普陀区长寿路157号");
        // everything else from the first load is still there
        assertThat(store.counts().nodes("Inspection")).isEqualTo(8);
    }

    @Test
    void referencedButMissingEnterpriseBecomesAStub() {
        ingest(EXAMPLE);
        var stub = query("MATCH (p:Person {person_id: 'P11'})-[:DIRECTOR_OF]->(e:Enterprise {uscc: $u}) "
                + "RETURN e.stub, e.name", Map.of("u", "91310112MA1FK11477"));
        assertThat(stub).hasSize(1);
        assertThat(stub.getFirst().get(0).asBoolean()).isTrue();
        assertThat(stub.getFirst().get(1).isNull()).isTrue();
        assertThat(query("MATCH (n) WHERE n.stub RETURN count(n)", Map.of()).getFirst().get(0).asLong())
                .as("only the missing enterprise; addresses and phones are never stubs").isEqualTo(1);
    }

    @Test
    void addressAndPhoneVariantsShareOneNode() {
        ingest(EXAMPLE);
        var shell = query("MATCH (a:Address {address: '上海市闵行区七宝镇富强路88号301室'})<-[:LOCATED_AT]-(x) "
                + "RETURN count(x)", Map.of());
        assertThat(shell.getFirst().get(0).asLong()).isEqualTo(5); // three shells, the revoked firm, the nominee
        var phone = query("MATCH (:Phone {number: '13800001234'})<-[:HAS_PHONE]-(x) RETURN count(x)", Map.of());
        assertThat(phone.getFirst().get(0).asLong()).isEqualTo(5);
        var agent = query("MATCH (:Address {address: '上海市浦东新区张江路1000号'})<-[:LOCATED_AT]-(e:Enterprise) "
                + "RETURN count(e)", Map.of());
        assertThat(agent.getFirst().get(0).asLong()).isEqualTo(6);
    }

    @Test
    void residentIdNumbersAreNeverStoredInClear() {
        ingest(EXAMPLE);
        Pattern idLike = Pattern.compile("\\d{17}[\\dX]");
        for (Record r : query("MATCH (n) RETURN properties(n) AS p", Map.of())) {
            for (Object v : r.get("p").asMap().values()) {
                assertThat(String.valueOf(v)).doesNotContainPattern(idLike);
            }
        }
        var p01 = query("MATCH (p:Person {person_id: 'P01'}) RETURN p.id_number_masked, p.id_number_hash, "
                + "p.id_number_valid, p.id_number", Map.of()).getFirst();
        assertThat(p01.get(0).asString()).isEqualTo("3101**********1239");
        assertThat(p01.get(1).asString()).isEqualTo(IDS.protect("310104198001011239").hash());
        assertThat(p01.get(2).asBoolean()).isTrue();
        assertThat(p01.get(3).isNull()).isTrue();
    }

    Map<String, Object> snapshot() {
        Map<String, Object> out = new TreeMap<>();
        for (Record r : query("MATCH (n) OPTIONAL MATCH (n)-[r]->(m) "
                + "RETURN elementId(n) AS n, labels(n) AS l, properties(n) AS p, "
                + "collect([type(r), elementId(m), properties(r)]) AS rels", Map.of())) {
            out.put(r.get("n").asString(), List.of(r.get("l").asList(), new TreeMap<>(r.get("p").asMap()),
                    r.get("rels").asList().stream().map(Object::toString).sorted().toList()));
        }
        return out;
    }
}
