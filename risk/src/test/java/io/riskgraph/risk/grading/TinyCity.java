package io.riskgraph.risk.grading;

import io.riskgraph.cypher.TestNeo4j;
import io.riskgraph.ingest.Ingestor;
import io.riskgraph.model.id.IdProtector;
import io.riskgraph.progress.ProgressListener;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** A few firms written inline in the canonical format and ingested into the test Neo4j (the real ingest path). */
public final class TinyCity {
    public static final String ENTERPRISES_HEADER =
            "uscc,name,type,status,established,registered_capital,paid_in_capital,district,address,phone,segments,employees\n";
    public static final String SAMPLES_HEADER = "sample_id,uscc,producer_uscc,date,product,category,result,failed_items\n";
    public static final String INSPECTIONS_HEADER = "inspection_id,uscc,date,kind,inspectors,result,issues,rectified,code\n";
    public static final String PERSONS_HEADER = "person_id,name,id_number,phone,address\n";
    public static final String ROLES_HEADER = "person_id,uscc,role,share,since,until\n";

    private TinyCity() {}

    /** One enterprise row: uscc, status, segments; the rest fixed (a 5-year-old company). */
    public static String firm(String uscc, String status, String segments) {
        return uscc + ",企业" + uscc.substring(14) + ",COMPANY," + status + ",2021-01-04,1000000,1000000,徐汇区,上海市徐汇区漕宝路"
                + uscc.substring(14) + "号,," + segments + ",12\n";
    }

    /** Writes the files (name to text, headers included) into a new folder and ingests it. */
    public static void ingest(Path dir, String... nameAndText) throws IOException {
        Files.createDirectories(dir);
        for (int i = 0; i < nameAndText.length; i += 2) Files.writeString(dir.resolve(nameAndText[i]), nameAndText[i + 1]);
        new Ingestor(TestNeo4j.store(), new IdProtector(new byte[32]), Ingestor.Options.DEFAULT)
                .ingest(dir, dir.resolveSibling(dir.getFileName() + "-rejects.csv"), ProgressListener.NONE);
    }
}
