package io.riskgraph.gremlin;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The stored form of property values on Gremlin servers (JanusGraph refuses java.time values and lists) and back. */
class GremlinValuesTest {
    @Test
    void datesDateTimesAndListsTravelAsTextAndComeBack() {
        LocalDate d = LocalDate.of(2020, 5, 1);
        assertThat(GremlinValues.toGremlin(d)).isEqualTo("2020-05-01");
        assertThat(GremlinValues.fromGremlin("2020-05-01")).isEqualTo(d);

        Instant i = Instant.parse("2026-12-07T08:30:00.5Z");
        assertThat(GremlinValues.toGremlin(i)).isEqualTo("2026-12-07T08:30:00.500000000Z");
        assertThat(GremlinValues.fromGremlin(GremlinValues.toGremlin(i))).isEqualTo(i.atOffset(ZoneOffset.UTC));
        OffsetDateTime shanghai = OffsetDateTime.parse("2026-12-07T16:30:00+08:00");
        assertThat(GremlinValues.toGremlin(shanghai)).isEqualTo("2026-12-07T16:30:00.000000000+08:00");
        assertThat(GremlinValues.fromGremlin(GremlinValues.toGremlin(shanghai))).isEqualTo(shanghai);
        LocalDateTime local = LocalDateTime.of(2026, 12, 7, 8, 30, 1, 123);
        assertThat(GremlinValues.fromGremlin(GremlinValues.toGremlin(local))).isEqualTo(local);

        Object list = GremlinValues.toGremlin(List.of("CATERING", "DRUGS"));
        assertThat(list).isEqualTo("[\"CATERING\",\"DRUGS\"]");
        assertThat(GremlinValues.fromGremlin(list)).isEqualTo(List.of("CATERING", "DRUGS"));
        assertThat(GremlinValues.fromGremlin(GremlinValues.toGremlin(List.of(d, 3L, 1.5, true))))
                .isEqualTo(List.of(d, 3L, 1.5, true));
        assertThat(GremlinValues.toGremlin(new BigDecimal("12.50"))).isEqualTo(12.5);
    }

    @Test
    void otherTextStaysText() {
        for (String s : List.of("2020", "2020-13-45", "2020-05-01 ", "[x]", "[{\"kind\":\"a\"}]", "[1,[2]]", "名称[测试]",
                "2026-12-07T08:30:00Z", "")) {
            assertThat(GremlinValues.fromGremlin(s)).as(s).isEqualTo(s);
        }
        assertThat(GremlinValues.fromGremlin(7L)).isEqualTo(7L);
        assertThat(GremlinValues.fromGremlin(null)).isNull();
        // ISO text sorts in time order, so range predicates on stored dates still work
        assertThat(((String) GremlinValues.toGremlin(Instant.parse("2026-01-01T00:00:00.9Z")))
                .compareTo((String) GremlinValues.toGremlin(Instant.parse("2026-01-01T00:00:01Z")))).isNegative();
    }

    @Test
    void aWriteThatLostARaceIsTriedAgainOtherFailuresAreNot() {
        AtomicInteger calls = new AtomicInteger();
        String r = GremlinGraphStore.retryingConflicts(() -> {
            if (calls.incrementAndGet() < 3) {
                throw new IllegalStateException("Could not commit transaction due to exception during persistence",
                        new RuntimeException("Local lock contention"));
            }
            return "done";
        });
        assertThat(r).isEqualTo("done");
        assertThat(calls).hasValue(3);

        calls.set(0);
        assertThatThrownBy(() -> GremlinGraphStore.retryingConflicts(() -> {
            calls.incrementAndGet();
            throw new IllegalStateException("Property value [x] is of type class java.time.LocalDate is not supported");
        })).hasMessageContaining("not supported");
        assertThat(calls).hasValue(1);
    }
}
