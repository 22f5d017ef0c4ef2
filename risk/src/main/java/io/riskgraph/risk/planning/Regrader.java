package io.riskgraph.risk.planning;

import java.util.Collection;

/** Re-grades enterprises after new events about them arrived (an inspection result closing a task). */
@FunctionalInterface
public interface Regrader {
    Regrader NONE = usccs -> { };

    void regrade(Collection<String> usccs);
}
