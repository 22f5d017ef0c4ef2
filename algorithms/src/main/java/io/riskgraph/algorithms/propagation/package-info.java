/**
 * Risk propagation. {@link io.riskgraph.algorithms.propagation.EventRisk} turns events (failed samples,
 * penalties, dishonest executees, verified complaints, open alerts) into own risk with the weights of
 * {@link io.riskgraph.algorithms.propagation.EventRiskWeights};
 * {@link io.riskgraph.algorithms.propagation.RiskPropagation} passes it along typed relationships with decay per
 * hop and hub down-weighting ({@link io.riskgraph.algorithms.propagation.PropagationConfig}) and explains every
 * node's inherited risk by source, contribution and path. For the grading issue: {@code risk_own},
 * {@code risk_inherited}, their sum, and the explanation's top contributions are the network indicators.
 */
package io.riskgraph.algorithms.propagation;
