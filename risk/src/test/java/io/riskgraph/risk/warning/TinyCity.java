package io.riskgraph.risk.warning;

import io.riskgraph.cypher.TestNeo4j;
import io.riskgraph.ingest.Ingestor;
import io.riskgraph.model.id.IdProtector;
import io.riskgraph.model.id.Uscc;
import io.riskgraph.progress.ProgressListener;
import org.neo4j.driver.Session;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A tiny dataset declared inline, row by row, in the canonical format; {@link #load} ingests it into the shared
 * test Neo4j (clearing it first) through the real ingest path. Firms are numbered: {@code f(1)} is a valid USCC.
 */
final class TinyCity {
    private final Map<String, List<String>> rows = new LinkedHashMap<>();
    private final List<String> dGrade = new ArrayList<>();
    private static final Map<String, String> HEADERS = Map.ofEntries(
            Map.entry("enterprises", "uscc,name,type,status,established,registered_capital,paid_in_capital,district,address,phone,segments,employees"),
            Map.entry("persons", "person_id,name,id_number,phone,address"),
            Map.entry("roles", "person_id,uscc,role,share,since,until"),
            Map.entry("enterprise_links", "from_uscc,to_uscc,kind,share,since,until"),
            Map.entry("inspectors", "inspector_id,name,unit,district,person_id"),
            Map.entry("inspections", "inspection_id,uscc,date,kind,inspectors,result,issues,rectified,code"),
            Map.entry("samples", "sample_id,uscc,producer_uscc,date,product,category,result,failed_items"),
            Map.entry("penalties", "case_id,uscc,date,kind,amount,violation,leniency"),
            Map.entry("complaints", "complaint_id,uscc,date,channel,category,verified"),
            Map.entry("court_records", "record_id,subject_id,subject_type,date,kind,role,outcome,cause,court_level,amount,status"),
            Map.entry("alerts", "alert_id,uscc,time,kind,source,status,disposed_at"));

    static String f(int i) {
        return Uscc.complete("91310101MA1T" + String.format("%05d", i));
    }

    private TinyCity add(String file, String row) {
        rows.computeIfAbsent(file, k -> new ArrayList<>()).add(row);
        return this;
    }

    /** An active company established on {@code established} with the given address, phone, paid-in and segments. */
    TinyCity firm(int i, String status, String established, String address, String phone, String paidIn, String segments) {
        return add("enterprises", String.join(",", f(i), "企业" + i, "COMPANY", status, established, "1000000",
                paidIn, "黄浦区", address, phone, segments, "3"));
    }

    TinyCity firm(int i) {
        return firm(i, "ACTIVE", "2015-01-01", "上海市黄浦区路" + i + "号", "1380000" + String.format("%04d", i), "500000", "");
    }

    TinyCity person(String id) {
        return add("persons", String.join(",", id, "张" + id, "", "", ""));
    }

    TinyCity person(String id, String phone, String address) {
        return add("persons", String.join(",", id, "张" + id, "", phone, address));
    }

    TinyCity role(String person, int firm, String role) {
        return add("roles", String.join(",", person, f(firm), role, "", "", ""));
    }

    TinyCity link(int from, int to, String kind, String share) {
        return add("enterprise_links", String.join(",", f(from), f(to), kind, share, "", ""));
    }

    TinyCity inspector(String id, String person) {
        return add("inspectors", String.join(",", id, "检查员" + id, "黄浦区市场监管所", "黄浦区", person));
    }

    TinyCity inspection(String id, int firm, String date, boolean issues, String rectified, String inspectors) {
        return add("inspections", String.join(",", id, f(firm), date, "ROUTINE", inspectors,
                issues ? "ISSUES_FOUND" : "NO_ISSUES", issues ? "1" : "0", rectified, ""));
    }

    TinyCity sample(String id, int at, Integer producer, String date, boolean fail) {
        return add("samples", String.join(",", id, f(at), producer == null ? "" : f(producer), date, "菠菜", "VEGETABLES",
                fail ? "FAIL" : "PASS", fail ? "pesticide_residue:chlorpyrifos" : ""));
    }

    TinyCity penalty(String id, int firm, String date) {
        return add("penalties", String.join(",", id, f(firm), date, "FINE", "5000", "违规", "NONE"));
    }

    TinyCity complaint(String id, int firm, String date, String verified) {
        return add("complaints", String.join(",", id, f(firm), date, "12315_HOTLINE", "QUALITY", verified));
    }

    TinyCity dishonest(String id, String subject, boolean person, String date) {
        return add("court_records", String.join(",", id, subject, person ? "PERSON" : "ENTERPRISE", date,
                "DISHONEST_EXECUTEE", "EXECUTEE", "", "借款合同纠纷", "BASIC", "100000", "ACTIVE"));
    }

    TinyCity alert(String id, int firm, String day, String kind, boolean open) {
        return add("alerts", String.join(",", id, f(firm), day + "T10:00:00+08:00", kind, "SMART_KITCHEN_CAMERA",
                open ? "OPEN" : "DISPOSED", open ? "" : day + "T12:00:00+08:00"));
    }

    /** Marks firms as graded D after loading (as {@code riskgraph grade} would write it). */
    TinyCity gradedD(int... firms) {
        for (int i : firms) dGrade.add(f(i));
        return this;
    }

    void load(Path dir) {
        try {
            Files.createDirectories(dir);
            try (var old = Files.list(dir)) {
                for (Path p : old.toList()) Files.delete(p);
            }
            for (var e : rows.entrySet()) {
                String text = HEADERS.get(e.getKey()) + "\r\n" + String.join("\r\n", e.getValue()) + "\r\n";
                Files.writeString(dir.resolve(e.getKey() + ".csv"), text, StandardCharsets.UTF_8);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        TestNeo4j.clear();
        new Ingestor(TestNeo4j.store(), new IdProtector(new byte[32]), Ingestor.Options.DEFAULT)
                .ingest(dir, dir.resolveSibling(dir.getFileName() + "-rejects.csv"), ProgressListener.NONE);
        try (Session s = TestNeo4j.connection().driver().session()) {
            s.run("MATCH (e:Enterprise) SET e.grade = CASE WHEN e.uscc IN $d THEN 'D' ELSE 'B' END", Map.of("d", dGrade)).consume();
        }
    }
}
