package io.riskgraph.cypher;

import com.code_intelligence.jazzer.junit.FuzzTest;

import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Cypher guard's word check takes any text: it passes it on or refuses it with a message, never anything else
 * (the plan check, which needs a database, is the second line: CypherGuardTest). A statement that begins with an
 * administration word is never passed on.
 */
class CypherGuardFuzzTest {
    @FuzzTest(maxDuration = "5m")
    void checkText(String statement) {
        try {
            CypherGuard.checkText(statement);
        } catch (io.riskgraph.query.QueryRefusedException refused) {
            assertThat(refused.getMessage()).isNotBlank();
            return;
        }
        String first = statement.strip().split("[\\s(]+", 2)[0].toUpperCase(Locale.ROOT);
        assertThat(first).as("passed on: " + statement).isNotIn("SHOW", "TERMINATE", "GRANT", "DENY", "REVOKE", "DROP",
                "ALTER", "START", "STOP", "ENABLE", "RENAME", "EXPLAIN", "PROFILE");
    }
}
