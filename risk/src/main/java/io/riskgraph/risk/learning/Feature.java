package io.riskgraph.risk.learning;

import io.riskgraph.risk.grading.Category;

/**
 * One input of a learned model: an indicator of the library or a related-party aggregate ({@code Rnn}).
 *
 * @param monotone +1 when more of it can only raise the risk (counts of violations, also among related parties),
 *                 0 when the data decides the direction; XGBoost keeps the fitted trees to that direction
 */
public record Feature(String code, String nameZh, String nameEn, Category category, int monotone) {
    public Feature {
        if (code == null || !code.matches("[A-Z]\\d{2}")) throw new IllegalArgumentException("bad feature code " + code);
        if (monotone < -1 || monotone > 1) throw new IllegalArgumentException(code + ": monotone must be -1, 0 or 1");
    }
}
