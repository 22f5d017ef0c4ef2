package io.riskgraph.api;

import org.junit.jupiter.api.Test;
import static io.riskgraph.api.ApiFixture.*;

class DumpTest {
    @Test
    void dump() throws Exception {
        server();
        for (String p : new String[]{"/enterprises/" + SNACK + "/related?hops=2", "/enterprises/" + SNACK + "/holders",
                "/enterprises/91310112MA1GH0370U/related?hops=2&size=3", "/paths?from=P03&to=" + SNACK,
                "/segments/CATERING/high-risk", "/search?q=" + enc("shanghai huaxiang"), "/search?q=" + enc("华祥"),
                "/search?q=shhx", "/search?q=" + enc("shanghai huaxaing"), "/search?q=" + FOOD, "/health"}) {
            Reply r = get(Role.INVESTIGATOR, p);
            String b = r.body();
            System.out.println("=== " + p + " " + r.status() + "\n" + (b.length() > 3000 ? b.substring(0, 3000) : b));
        }
        java.nio.file.Files.writeString(java.nio.file.Path.of("target/dump-related.json"), get(Role.INVESTIGATOR, "/enterprises/" + SNACK + "/related?hops=3&size=200").body());
        Reply r = post(Role.ANALYST, "/cypher", "{\"statement\":\"UNWIND range(1, 100000000) AS x WITH x WHERE x % 7 = 100 RETURN count(x)\",\"timeoutSeconds\":1}");
        System.out.println("=== timeout " + r.status() + " " + r.body());
    }
}
